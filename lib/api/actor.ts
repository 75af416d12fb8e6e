// The API key of the request as the actor of what it changes (audit log, "created by").
import type { Context } from "hono";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import type { Actor } from "@/lib/services/actor";
import type { ApiEnv } from "./authenticate";

export function apiActor(c: Context<ApiEnv>): Extract<Actor, { type: "api_key" }> {
  const key = c.get("apiKey");
  return { type: "api_key", id: key.id, name: key.name, ip: c.req.header(CLIENT_IP_HEADER) ?? null, userAgent: c.req.header("user-agent") ?? null };
}
