// The origin of this request, for App Router code: lib/request-origin.ts says how it is chosen.
import "server-only";
import { headers } from "next/headers";
import { requestOrigin } from "@/lib/request-origin";

export async function appOrigin(): Promise<string> {
  const request = await headers();
  return requestOrigin((name) => request.get(name));
}

/** Whether this request reached us over https, as the trusted proxy says (server.ts drops it otherwise). */
export async function requestIsHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}
