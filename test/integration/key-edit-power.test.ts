// PATCH /api/v1/api-keys/{id} and the power rule (README "Managing keys through the API"): an edit
// that only takes power away needs api_keys:write; one that gives any back needs a caller holding
// everything the key will hold after it. Each field is loosened and tightened by a weaker caller
// and by an equal one; a refusal changes nothing in the database. Rate limits and credits follow
// the same rule: null (no limit, unlimited credits) is the loosest of all.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import type { KeyPolicy } from "@/lib/keys/policy";
import type { KeyScopes } from "@/lib/keys/scopes";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
const agentIds: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };

beforeAll(async () => {
  api = await startApiServer();
  owner = await createWorkspace({ workspaceName: "Edit power" });
  for (const name of ["A", "B", "C"] as const) {
    agentIds[name] = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: `Agent ${name}`, description: null, voice: "aria", firstMessage: "Hello" })).id;
  }
});

afterAll(() => api.close());

const CALLER_IP = "198.51.100.9";
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

type Target = { type: "private" | "public"; status: "active" | "disabled"; policy: KeyPolicy };

/** The key edited: every power restricted, so that each can be loosened and tightened. */
const base = (): Target => ({
  type: "private",
  status: "active",
  policy: {
    allowedOrigins: [],
    allowedAgents: [agentIds.A, agentIds.B],
    allowTransientAgents: false,
    permissions: { agents: "read", calls: "read", api_keys: "write" },
    allowedIps: ["198.51.100.0/24"],
    expiresAt: days(30),
    rateLimit: { perSecond: 10, burst: 20 },
    credits: { remaining: 100, refill: { amount: 100, interval: "month" } },
  },
});
const publicBase = (): Target => ({
  type: "public",
  status: "active",
  policy: { ...base().policy, allowedIps: [], allowedOrigins: ["https://a.example.com", "https://b.example.com"] },
});

// The weaker caller of the report: it may manage keys, and nothing else.
const WEAK: KeyScopes = { agents: "none", calls: "none", api_keys: "write" };

type Row = {
  field: string;
  direction: "loosen" | "tighten";
  target: () => Target;
  body: () => Record<string, unknown>;
  /** The target after the change, for the equal caller: it holds exactly this. */
  after: (target: Target) => Target;
};

const rows: Row[] = [
  { field: "status", direction: "loosen", target: () => ({ ...base(), status: "disabled" }), body: () => ({ status: "active" }), after: (t) => ({ ...t, status: "active" }) },
  { field: "status", direction: "tighten", target: base, body: () => ({ status: "disabled" }), after: (t) => t },
  { field: "permissions", direction: "loosen", target: base, body: () => ({ permissions: { agents: "write", calls: "read", api_keys: "write" } }), after: (t) => withPolicy(t, { permissions: { agents: "write", calls: "read", api_keys: "write" } }) },
  { field: "permissions", direction: "tighten", target: base, body: () => ({ permissions: { agents: "none", calls: "read", api_keys: "write" } }), after: (t) => t },
  { field: "allowed_agents", direction: "loosen", target: base, body: () => ({ allowed_agents: [agentIds.A, agentIds.B, agentIds.C] }), after: (t) => withPolicy(t, { allowedAgents: [agentIds.A, agentIds.B, agentIds.C] }) },
  { field: "allowed_agents", direction: "loosen", target: base, body: () => ({ allowed_agents: [] }), after: (t) => withPolicy(t, { allowedAgents: [] }) },
  { field: "allowed_agents", direction: "tighten", target: base, body: () => ({ allowed_agents: [agentIds.A] }), after: (t) => t },
  { field: "allow_transient_agents", direction: "loosen", target: base, body: () => ({ allow_transient_agents: true }), after: (t) => withPolicy(t, { allowTransientAgents: true }) },
  { field: "allow_transient_agents", direction: "tighten", target: () => withPolicy(base(), { allowTransientAgents: true }), body: () => ({ allow_transient_agents: false }), after: (t) => t },
  { field: "allowed_ips", direction: "loosen", target: base, body: () => ({ allowed_ips: [] }), after: (t) => withPolicy(t, { allowedIps: [] }) },
  { field: "allowed_ips", direction: "loosen", target: base, body: () => ({ allowed_ips: ["198.51.0.0/16"] }), after: (t) => withPolicy(t, { allowedIps: ["198.51.0.0/16"] }) },
  { field: "allowed_ips", direction: "tighten", target: base, body: () => ({ allowed_ips: ["198.51.100.0/25"] }), after: (t) => t },
  { field: "expires_at", direction: "loosen", target: base, body: () => ({ expires_at: null }), after: (t) => withPolicy(t, { expiresAt: null }) },
  { field: "expires_at", direction: "loosen", target: base, body: () => ({ expires_at: days(60).toISOString() }), after: (t) => withPolicy(t, { expiresAt: days(61) }) },
  { field: "expires_at", direction: "tighten", target: base, body: () => ({ expires_at: days(10).toISOString() }), after: (t) => t },
  { field: "rate_limit", direction: "loosen", target: base, body: () => ({ rate_limit: { requests_per_second: 20, burst: 20 } }), after: (t) => withPolicy(t, { rateLimit: { perSecond: 20, burst: 20 } }) },
  { field: "rate_limit", direction: "loosen", target: base, body: () => ({ rate_limit: { requests_per_second: 10, burst: 40 } }), after: (t) => withPolicy(t, { rateLimit: { perSecond: 10, burst: 40 } }) },
  { field: "rate_limit", direction: "loosen", target: base, body: () => ({ rate_limit: null }), after: (t) => withPolicy(t, { rateLimit: null }) },
  { field: "rate_limit", direction: "tighten", target: base, body: () => ({ rate_limit: { requests_per_second: 5, burst: 0 } }), after: (t) => t },
  { field: "credits", direction: "loosen", target: base, body: () => ({ credits: { remaining: 200, refill: { amount: 100, interval: "month" } } }), after: (t) => withPolicy(t, { credits: { remaining: 200, refill: { amount: 100, interval: "month" } } }) },
  { field: "credits", direction: "loosen", target: base, body: () => ({ credits: { remaining: 100, refill: { amount: 100, interval: "day" } } }), after: (t) => withPolicy(t, { credits: { remaining: 100, refill: { amount: 100, interval: "day" } } }) },
  { field: "credits", direction: "loosen", target: base, body: () => ({ credits: null }), after: (t) => withPolicy(t, { credits: null }) },
  { field: "credits", direction: "tighten", target: base, body: () => ({ credits: { remaining: 50 } }), after: (t) => t },
  { field: "allowed_origins", direction: "loosen", target: publicBase, body: () => ({ allowed_origins: ["https://a.example.com", "https://b.example.com", "https://c.example.com"] }), after: (t) => t },
  { field: "allowed_origins", direction: "tighten", target: publicBase, body: () => ({ allowed_origins: ["https://a.example.com"] }), after: (t) => t },
  { field: "name", direction: "tighten", target: base, body: () => ({ name: `renamed-${counter++}` }), after: (t) => t },
  { field: "description", direction: "tighten", target: base, body: () => ({ description: "Only words" }), after: (t) => t },
];

function withPolicy(target: Target, policy: Partial<KeyPolicy>): Target {
  return { ...target, policy: { ...target.policy, ...policy } };
}

let counter = 0;
async function makeKey(type: "private" | "public", policy: Partial<KeyPolicy>, status: "active" | "disabled" = "active") {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type, name: `power-${counter++}`, description: null, policy });
  if (!result.ok) throw new Error(result.reason);
  if (status === "disabled") await getDb().update(apiKeys).set({ status }).where(eq(apiKeys.id, result.created.apiKey.id));
  return result.created;
}

/** A private caller holding exactly what `target` holds (a public key cannot call this API). */
function equalCaller(target: Target): Partial<KeyPolicy> {
  return { ...target.policy, allowedOrigins: [], allowedIps: target.type === "public" ? [] : target.policy.allowedIps };
}

const callers = {
  weaker: () => ({ permissions: WEAK }),
  equal: (row: Row) => equalCaller(row.after(row.target())),
};

const snapshot = async (id: string) => {
  const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
};

describe("PATCH /api/v1/api-keys/{id}: loosening needs the power, tightening needs api_keys:write", () => {
  const cases = rows.flatMap((row) =>
    (["weaker", "equal"] as const).map((caller) => ({
      name: `${row.direction} ${row.field} (${JSON.stringify(row.body()).slice(0, 60)}) by ${caller === "weaker" ? "a weaker" : "an equal"} caller`,
      row,
      caller,
      status: row.direction === "loosen" && caller === "weaker" ? 403 : 200,
    })),
  );

  it.each(cases)("$name → $status", async ({ row, caller, status }) => {
    const target = row.target();
    const key = await makeKey(target.type, target.policy, target.status);
    const callerKey = await makeKey("private", caller === "weaker" ? callers.weaker() : callers.equal(row));
    const before = await snapshot(key.apiKey.id);
    const auditBefore = (await getDb().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.workspaceId, owner.workspaceId))).length;

    const response = await api.send(callerKey.secret, { method: "PATCH", path: `/api/v1/api-keys/${key.apiKey.id}`, body: row.body(), ip: CALLER_IP });

    expect(response.status, JSON.stringify(response.body)).toBe(status);
    if (status === 403) {
      expect(response.body.error.code).toBe("forbidden");
      expect(response.body.error.details[row.field]).toBeDefined();
      expect(await snapshot(key.apiKey.id)).toEqual(before);
      const auditAfter = (await getDb().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.workspaceId, owner.workspaceId))).length;
      expect(auditAfter).toBe(auditBefore);
    } else {
      expect(await snapshot(key.apiKey.id)).not.toEqual(before);
    }
  });
});

describe("the report's row 1: a key that may only manage keys cannot unlock a full-access key", () => {
  it("refuses to lift the IP lock and then the expiry, and the key stays locked", async () => {
    const locked = await makeKey("private", { allowedIps: ["203.0.113.7"], expiresAt: days(7) });
    const manager = await makeKey("private", { permissions: WEAK });
    const path = `/api/v1/api-keys/${locked.apiKey.id}`;
    const before = await snapshot(locked.apiKey.id);

    const lifted = await api.send(manager.secret, { method: "PATCH", path, body: { allowed_ips: [] } });
    expect(lifted.status).toBe(403);
    expect(Object.keys(lifted.body.error.details)).toEqual(expect.arrayContaining(["allowed_ips", "permissions"]));
    const forever = await api.send(manager.secret, { method: "PATCH", path, body: { expires_at: null } });
    expect(forever.status).toBe(403);
    expect(Object.keys(forever.body.error.details)).toEqual(expect.arrayContaining(["expires_at", "permissions"]));

    expect(await snapshot(locked.apiKey.id)).toEqual(before);
    expect((await api.send(locked.secret, { path: "/api/v1/me", ip: "192.0.2.55" })).status).toBe(403);
  });
});
