// The origin links are built on: APP_URL when set (always, for anything mailed, set it in
// production), else the origin the request was addressed to, which server.ts settled from the
// Host header or the trusted proxy's X-Forwarded-Host and X-Forwarded-Proto. One function for
// both routers: App Router code reads the headers with next/headers (lib/actions/app-origin.ts),
// the docs' Pages Router pages from their request (pages/docs/search.tsx).
import { getEnv } from "@/lib/env";

export function requestOrigin(header: (name: string) => string | null | undefined): string {
  const configured = getEnv().APP_URL;
  if (configured) return new URL(configured).origin;
  const protocol = header("x-forwarded-proto") === "https" ? "https" : "http";
  return `${protocol}://${header("x-forwarded-host") ?? header("host") ?? "localhost"}`;
}
