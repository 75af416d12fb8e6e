// The origin links are built on: APP_URL when set (always, for anything mailed, set it in
// production), else the origin this request was addressed to, which server.ts settled from the
// Host header or the trusted proxy's X-Forwarded-Host.
import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

export async function appOrigin(): Promise<string> {
  const configured = getEnv().APP_URL;
  if (configured) return new URL(configured).origin;
  const request = await headers();
  const protocol = (await requestIsHttps()) ? "https" : "http";
  return `${protocol}://${request.get("x-forwarded-host") ?? request.get("host") ?? "localhost"}`;
}

/** Whether this request reached us over https, as the trusted proxy says (server.ts drops it otherwise). */
export async function requestIsHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}
