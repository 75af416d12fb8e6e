// What a key may do on a route: its scopes (calls:write...), its kind (public keys reach only
// the routes a web page needs) and its agents. Routes declare the first two as middleware; the
// agent check needs the agent, so handlers call it.
import { createMiddleware } from "hono/factory";
import { allows, type Scope } from "@/lib/keys/scopes";
import type { KeyRecord } from "@/lib/keys/verify";
import type { ApiEnv } from "./authenticate";
import { AgentRefusal, ApiError } from "./errors";

export function requireScope(scope: Scope, options: { publicKeys?: boolean } = {}) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const key = c.get("apiKey");
    if (key.type === "public" && !options.publicKeys) {
      throw new ApiError(403, "forbidden", "Public keys cannot call this endpoint.", {
        hint: "A public key may only start calls (POST /api/v1/calls) and read an agent (GET /api/v1/agents/{id}). Call this endpoint from your server with a private key.",
      });
    }
    if (!allows(key.permissions, scope)) {
      throw new ApiError(403, "forbidden", `This key lacks the permission ${scope}.`, {
        hint: `An admin can grant ${scope} in Settings → API Keys → Edit, or generate a key that has it.`,
      });
    }
    await next();
  });
}

/** 403 unless the key may use `agentId` (an empty list allows every agent). */
export function assertAgentAllowed(key: KeyRecord, agentId: string) {
  if (key.allowedAgents.length > 0 && !key.allowedAgents.includes(agentId)) {
    throw new AgentRefusal(403, "forbidden", "This key is not allowed to use this agent.", {
      hint: "The key is restricted to certain agents. An admin can add this one in Settings → API Keys → Edit.",
    });
  }
}

/** 403 unless the key may use inline (transient) agents. */
export function assertTransientAllowed(key: KeyRecord) {
  if (!key.allowTransientAgents) {
    throw new AgentRefusal(403, "forbidden", "This key may not use transient agents.", {
      hint: "Send agent_id of a saved agent, or have an admin allow transient agents on this key.",
    });
  }
}
