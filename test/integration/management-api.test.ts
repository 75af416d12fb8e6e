// The API keys management API over real HTTP: every route, the key object, the audit trail with
// the key as actor, changes that take effect at once, and the table of escalation attempts (a key
// trying to hand out more than it holds) with the status each gets.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { hashKey } from "@/lib/keys/hash";
import type { KeyPolicy } from "@/lib/keys/policy";
import { SCOPE_PRESETS } from "@/lib/keys/scopes";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let agentA: string;
let agentB: string;

beforeAll(async () => {
  api = await startApiServer();
  owner = await createWorkspace({ workspaceName: "Management" });
  const agent = (name: string) => createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name, description: null, voice: "aria", firstMessage: "Hello" });
  agentA = (await agent("Agent A")).id;
  agentB = (await agent("Agent B")).id;
});

afterAll(() => api.close());

let counter = 0;
/** A key made in the dashboard by the owner. */
async function dashboardKey(policy: Partial<KeyPolicy> = {}, type: "private" | "public" = "private") {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type, name: `dash-${counter++}`, description: null, policy });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

const unique = (label: string) => `${label}-${counter++}`;
const post = (path: string, body: unknown) => ({ method: "POST", path, body });
const patch = (path: string, body: unknown) => ({ method: "PATCH", path, body });
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

describe("the management routes", () => {
  it("creates a key, returned once with its plaintext, stored only as its hash", async () => {
    const admin = await dashboardKey();
    const response = await api.send(admin.secret, post("/api/v1/api-keys", { name: unique("ci"), description: "Made by CI", permissions: SCOPE_PRESETS.read_only }));
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const created = response.body;
    expect(created.key).toMatch(/^swb_sk_/);
    expect(created).toMatchObject({
      type: "private",
      description: "Made by CI",
      status: "active",
      permissions: SCOPE_PRESETS.read_only,
      allowed_origins: [],
      allowed_agents: [],
      allow_transient_agents: false,
      allowed_ips: [],
      expires_at: null,
      last_used_at: null,
      created_by: { type: "api_key", id: admin.apiKey.id, name: admin.apiKey.name },
    });
    expect(created.masked).toBe(`${created.key.slice(0, 11)}••••••••${created.key.slice(-4)}`);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.hash).toBe(hashKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    // The new key works, and is never shown again.
    expect((await api.send(created.key, { path: "/api/v1/me" })).status).toBe(200);
    const read = await api.send(admin.secret, { path: `/api/v1/api-keys/${created.id}` });
    expect(read.status).toBe(200);
    expect(read.body.key).toBeUndefined();
    expect(JSON.stringify(read.body)).not.toContain(created.key);
  });

  it("names a person as creator of dashboard keys", async () => {
    const admin = await dashboardKey();
    const response = await api.send(admin.secret, { path: `/api/v1/api-keys/${admin.apiKey.id}` });
    expect(response.body.created_by).toEqual({ type: "user", id: owner.userId, email: owner.email });
  });

  it("creates a public key for its origins", async () => {
    const admin = await dashboardKey();
    const response = await api.send(admin.secret, post("/api/v1/api-keys", { type: "public", name: unique("widget"), allowed_origins: ["https://app.example.com/"] }));
    expect(response.status).toBe(201);
    expect(response.body.key).toMatch(/^swb_pk_/);
    expect(response.body.allowed_origins).toEqual(["https://app.example.com"]);
  });

  it("lists keys a page at a time, filtered by status, type and name", async () => {
    const workspace = await createWorkspace();
    const made = await createApiKey(actorOf(workspace), { workspaceId: workspace.workspaceId, type: "private", name: "lister", description: null });
    if (!made.ok) throw new Error(made.reason);
    const lister = made.created.secret;
    for (const name of ["prod_east", "prod-west", "staging"]) {
      expect((await api.send(lister, post("/api/v1/api-keys", { name }))).status).toBe(201);
    }
    expect((await api.send(lister, post("/api/v1/api-keys", { type: "public", name: "widget", allowed_origins: ["https://a.example.com"] }))).status).toBe(201);
    const staging = (await api.send(lister, { path: "/api/v1/api-keys?search=staging" })).body.data[0];
    await api.send(lister, patch(`/api/v1/api-keys/${staging.id}`, { status: "disabled" }));

    const names = async (query: string) => (await api.send(lister, { path: `/api/v1/api-keys${query}` })).body.data.map((key: { name: string }) => key.name);
    expect(await names("")).toEqual(["widget", "staging", "prod-west", "prod_east", "lister"]);
    expect(await names("?type=public")).toEqual(["widget"]);
    expect(await names("?status=disabled")).toEqual(["staging"]);
    expect(await names("?search=PROD")).toEqual(["prod-west", "prod_east"]);
    // LIKE wildcards are literal: "_" finds only the name with an underscore.
    expect(await names("?search=_")).toEqual(["prod_east"]);

    const first = await api.send(lister, { path: "/api/v1/api-keys?limit=2" });
    expect(first.body.data).toHaveLength(2);
    const second = await api.send(lister, { path: `/api/v1/api-keys?limit=2&cursor=${first.body.next_cursor}` });
    const third = await api.send(lister, { path: `/api/v1/api-keys?limit=2&cursor=${second.body.next_cursor}` });
    expect([...first.body.data, ...second.body.data, ...third.body.data].map((key: { name: string }) => key.name)).toEqual(await names(""));
    expect(third.body.next_cursor).toBeNull();

    const bad = await api.send(lister, { path: "/api/v1/api-keys?cursor=nonsense&status=gone" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details)).toEqual(["status"]);
  });

  it("edits every field, with one audit event and the key as actor", async () => {
    const admin = await dashboardKey({ allowTransientAgents: true });
    const target = await dashboardKey();
    const expires = inAYear();
    const response = await api.send(
      admin.secret,
      patch(`/api/v1/api-keys/${target.apiKey.id}`, {
        name: unique("renamed"),
        description: "Edited by a program",
        allowed_agents: [agentA],
        allow_transient_agents: true,
        permissions: { agents: "read", calls: "write", api_keys: "none" },
        allowed_ips: ["198.51.100.0/24"],
        expires_at: expires,
      }),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      description: "Edited by a program",
      allowed_agents: [agentA],
      allow_transient_agents: true,
      permissions: { agents: "read", calls: "write", api_keys: "none" },
      allowed_ips: ["198.51.100.0/24"],
      expires_at: expires,
    });
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.targetId, target.apiKey.id), eq(auditEvents.action, "api_key.updated")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "api_key", actorId: admin.apiKey.id, actorLabel: admin.apiKey.name });
    expect(events[0]!.metadata).toMatchObject({ before: { allowedAgents: [] }, after: { allowedAgents: [agentA] } });
  });

  it("disables, enables and revokes a key, each taking effect on the next request", async () => {
    const admin = await dashboardKey();
    const target = await dashboardKey();
    expect((await api.send(target.secret, { path: "/api/v1/me" })).status).toBe(200);
    expect((await api.send(admin.secret, patch(`/api/v1/api-keys/${target.apiKey.id}`, { status: "disabled" }))).body.status).toBe("disabled");
    expect((await api.send(target.secret, { path: "/api/v1/me" })).status).toBe(401);
    expect((await api.send(admin.secret, patch(`/api/v1/api-keys/${target.apiKey.id}`, { status: "active" }))).body.status).toBe("active");
    expect((await api.send(target.secret, { path: "/api/v1/me" })).status).toBe(200);

    const revoked = await api.send(admin.secret, { method: "DELETE", path: `/api/v1/api-keys/${target.apiKey.id}` });
    expect(revoked.status).toBe(204);
    expect((await api.send(target.secret, { path: "/api/v1/me" })).status).toBe(401);
    expect((await api.send(admin.secret, { path: `/api/v1/api-keys/${target.apiKey.id}` })).status).toBe(404);
    expect((await api.send(admin.secret, { method: "DELETE", path: `/api/v1/api-keys/${target.apiKey.id}` })).status).toBe(404);
    const actions = await getDb()
      .select({ action: auditEvents.action, actorType: auditEvents.actorType })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.targetId, target.apiKey.id)))
      .orderBy(auditEvents.id);
    expect(actions).toEqual([
      { action: "api_key.created", actorType: "user" },
      { action: "api_key.disabled", actorType: "api_key" },
      { action: "api_key.enabled", actorType: "api_key" },
      { action: "api_key.revoked", actorType: "api_key" },
    ]);
  });

  it("rolls a key: the new one is returned once, the old one works until its grace ends", async () => {
    const admin = await dashboardKey();
    const target = await dashboardKey({ permissions: SCOPE_PRESETS.read_only });
    const response = await api.send(admin.secret, post(`/api/v1/api-keys/${target.apiKey.id}/roll`, { grace_period_seconds: 3600 }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: target.apiKey.name, permissions: SCOPE_PRESETS.read_only, previous_key: { id: target.apiKey.id, name: `${target.apiKey.name} (rolled)` } });
    expect(Date.parse(response.body.previous_key.stops_at) - Date.now()).toBeGreaterThan(3590_000);
    expect((await api.send(response.body.key, { path: "/api/v1/me" })).status).toBe(200);
    expect((await api.send(target.secret, { path: "/api/v1/me" })).status).toBe(200);
    const old = await api.send(admin.secret, { path: `/api/v1/api-keys/${target.apiKey.id}` });
    expect(old.body.rolled_to_id).toBe(response.body.id);

    const again = await api.send(admin.secret, post(`/api/v1/api-keys/${target.apiKey.id}/roll`, { grace_period_seconds: 0 }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");

    const now = await api.send(admin.secret, post(`/api/v1/api-keys/${response.body.id}/roll`, { grace_period_seconds: 0 }));
    expect(now.status).toBe(201);
    expect((await api.send(response.body.key, { path: "/api/v1/me" })).status).toBe(401);
  });

  it("answers bad input with 400 and a message per field", async () => {
    const admin = await dashboardKey();
    const cases: [string, { method: string; path: string; body: unknown }, string][] = [
      ["no name", post("/api/v1/api-keys", {}), "name"],
      ["a public key without origins", post("/api/v1/api-keys", { type: "public", name: unique("p") }), "allowed_origins"],
      ["origins on a private key", post("/api/v1/api-keys", { name: unique("p"), allowed_origins: ["https://a.example.com"] }), "allowed_origins"],
      ["IPs on a public key", post("/api/v1/api-keys", { type: "public", name: unique("p"), allowed_origins: ["https://a.example.com"], allowed_ips: ["203.0.113.1"] }), "allowed_ips"],
      ["a bad origin", post("/api/v1/api-keys", { type: "public", name: unique("p"), allowed_origins: ["ftp://a"] }), "allowed_origins"],
      ["a bad IP", post("/api/v1/api-keys", { name: unique("p"), allowed_ips: ["10.0.0.300"] }), "allowed_ips"],
      ["an expiry in the past", post("/api/v1/api-keys", { name: unique("p"), expires_at: "2020-01-01T00:00:00Z" }), "expires_at"],
      ["an expiry that is no date", post("/api/v1/api-keys", { name: unique("p"), expires_at: "next week" }), "expires_at"],
      ["an unknown permission level", post("/api/v1/api-keys", { name: unique("p"), permissions: { agents: "all", calls: "read", api_keys: "read" } }), "permissions.agents"],
      ["an unknown field", post("/api/v1/api-keys", { name: unique("p"), scopes: ["all"] }), "scopes"],
      ["a type change", patch(`/api/v1/api-keys/${admin.apiKey.id}`, { type: "public" }), "body"],
      ["an empty edit", patch(`/api/v1/api-keys/${admin.apiKey.id}`, {}), "body"],
      ["a roll without grace", post(`/api/v1/api-keys/${admin.apiKey.id}/roll`, {}), "grace_period_seconds"],
      ["a grace over 7 days", post(`/api/v1/api-keys/${admin.apiKey.id}/roll`, { grace_period_seconds: 8 * 86_400 }), "grace_period_seconds"],
    ];
    for (const [name, request, field] of cases) {
      const response = await api.send(admin.secret, request);
      expect(response.status, name).toBe(400);
      expect(response.body.error.code, name).toBe("invalid_request");
      expect(Object.keys(response.body.error.details), `${name}: ${JSON.stringify(response.body)}`).toContain(field);
    }
  });

  it("answers a taken name and an unknown agent", async () => {
    const admin = await dashboardKey();
    const taken = await api.send(admin.secret, post("/api/v1/api-keys", { name: admin.apiKey.name.toUpperCase() }));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "conflict", details: { name: [expect.any(String)] } });
    const unknownAgent = await api.send(admin.secret, post("/api/v1/api-keys", { name: unique("a"), allowed_agents: ["00000000-0000-4000-8000-000000000000"] }));
    expect(unknownAgent.status).toBe(400);
    expect(Object.keys(unknownAgent.body.error.details)).toEqual(["allowed_agents"]);
  });

  it("is closed to public keys and to keys without api_keys access", async () => {
    const reader = await dashboardKey({ permissions: { agents: "write", calls: "write", api_keys: "read" } });
    const none = await dashboardKey({ permissions: { agents: "write", calls: "write", api_keys: "none" } });
    const widget = await dashboardKey({ allowedOrigins: ["https://app.example.com"] }, "public");
    expect((await api.send(reader.secret, { path: "/api/v1/api-keys" })).status).toBe(200);
    const write = await api.send(reader.secret, post("/api/v1/api-keys", { name: unique("x") }));
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe("This key lacks the permission api_keys:write.");
    const read = await api.send(none.secret, { path: "/api/v1/api-keys" });
    expect(read.body.error.message).toBe("This key lacks the permission api_keys:read.");
    const fromPage = await api.send(widget.secret, { path: "/api/v1/api-keys", origin: "https://app.example.com" });
    expect(fromPage.status).toBe(403);
    expect(fromPage.body.error.message).toBe("Public keys cannot call this endpoint.");
  });

  it("never shows a key of another workspace", async () => {
    const admin = await dashboardKey();
    const stranger = await createWorkspace();
    const theirs = await createApiKey(actorOf(stranger), { workspaceId: stranger.workspaceId, type: "private", name: "theirs", description: null });
    if (!theirs.ok) throw new Error(theirs.reason);
    const id = theirs.created.apiKey.id;
    expect((await api.send(admin.secret, { path: `/api/v1/api-keys/${id}` })).status).toBe(404);
    expect((await api.send(admin.secret, patch(`/api/v1/api-keys/${id}`, { status: "disabled" }))).status).toBe(404);
    expect((await api.send(admin.secret, post(`/api/v1/api-keys/${id}/roll`, { grace_period_seconds: 0 }))).status).toBe(404);
    expect((await api.send(admin.secret, { method: "DELETE", path: `/api/v1/api-keys/${id}` })).status).toBe(404);
    expect((await api.send(theirs.created.secret, { path: "/api/v1/me" })).status).toBe(200);
  });
});

describe("a key never hands out more than it holds: attempt → status", () => {
  // The calling key: agents read, calls write, api_keys write; agent A only; two IP ranges; a year to live.
  const expiry = new Date(Date.now() + 200 * 86_400_000);
  const limitedPolicy = (): Partial<KeyPolicy> => ({
    permissions: { agents: "read", calls: "write", api_keys: "write" },
    allowedAgents: [agentA],
    allowedIps: ["198.51.100.0/24", "2001:db8::/32"],
    expiresAt: expiry,
  });
  const IP = "198.51.100.9";
  const later = () => new Date(expiry.getTime() + 86_400_000).toISOString();
  const sooner = () => new Date(expiry.getTime() - 86_400_000).toISOString();

  type Attempt = [string, number, (ids: { self: string; weak: string; strong: string; disabledStrong: string }) => { method: string; path: string; body?: unknown }, string[]];
  const attempts: Attempt[] = [
    ["create with higher permissions", 403, () => post("/api/v1/api-keys", { name: unique("e"), permissions: SCOPE_PRESETS.full_access }), ["permissions"]],
    ["create for every agent", 403, () => post("/api/v1/api-keys", { name: unique("e"), allowed_agents: [] }), ["allowed_agents"]],
    ["create for another agent", 403, () => post("/api/v1/api-keys", { name: unique("e"), allowed_agents: [agentA, agentB] }), ["allowed_agents"]],
    ["create allowing transient agents", 403, () => post("/api/v1/api-keys", { name: unique("e"), allow_transient_agents: true }), ["allow_transient_agents"]],
    ["create usable from any IP", 403, () => post("/api/v1/api-keys", { name: unique("e"), allowed_ips: [] }), ["allowed_ips"]],
    ["create for a wider IP range", 403, () => post("/api/v1/api-keys", { name: unique("e"), allowed_ips: ["198.51.0.0/16"] }), ["allowed_ips"]],
    ["create a public key (no IP limits)", 403, () => post("/api/v1/api-keys", { type: "public", name: unique("e"), allowed_origins: ["https://a.example.com"] }), ["type"]],
    ["create that never expires", 403, () => post("/api/v1/api-keys", { name: unique("e"), expires_at: null }), ["expires_at"]],
    ["create outliving the caller", 403, () => post("/api/v1/api-keys", { name: unique("e"), expires_at: later() }), ["expires_at"]],
    ["create with everything at once", 403, () => post("/api/v1/api-keys", { name: unique("e"), permissions: SCOPE_PRESETS.full_access, allowed_agents: [], expires_at: null }), ["permissions", "allowed_agents", "expires_at"]],
    ["create within every limit", 201, () => post("/api/v1/api-keys", { name: unique("ok"), permissions: { agents: "none", calls: "read", api_keys: "none" }, allowed_ips: ["198.51.100.7"], expires_at: sooner() }), []],
    ["create leaving everything out (inherits the caller's limits)", 201, () => post("/api/v1/api-keys", { name: unique("ok") }), []],
    ["edit itself to higher permissions", 403, ({ self }) => patch(`/api/v1/api-keys/${self}`, { permissions: SCOPE_PRESETS.full_access }), ["permissions"]],
    ["edit itself to every agent", 403, ({ self }) => patch(`/api/v1/api-keys/${self}`, { allowed_agents: [] }), ["allowed_agents"]],
    ["edit itself to any IP", 403, ({ self }) => patch(`/api/v1/api-keys/${self}`, { allowed_ips: [] }), ["allowed_ips"]],
    ["edit itself to expire later", 403, ({ self }) => patch(`/api/v1/api-keys/${self}`, { expires_at: later() }), ["expires_at"]],
    ["edit itself to never expire", 403, ({ self }) => patch(`/api/v1/api-keys/${self}`, { expires_at: null }), ["expires_at"]],
    ["edit itself: rename only", 200, ({ self }) => patch(`/api/v1/api-keys/${self}`, { description: "still me" }), []],
    ["edit another key to higher permissions", 403, ({ weak }) => patch(`/api/v1/api-keys/${weak}`, { permissions: { agents: "write", calls: "none", api_keys: "none" } }), ["permissions"]],
    ["edit another key within limits", 200, ({ weak }) => patch(`/api/v1/api-keys/${weak}`, { permissions: { agents: "read", calls: "read", api_keys: "none" } }), []],
    ["enable a disabled stronger key", 403, ({ disabledStrong }) => patch(`/api/v1/api-keys/${disabledStrong}`, { status: "active" }), ["status", "permissions", "allowed_agents", "allowed_ips", "expires_at"]],
    ["disable a stronger key", 200, ({ strong }) => patch(`/api/v1/api-keys/${strong}`, { status: "disabled" }), []],
    ["roll a stronger key (its secret would be ours)", 403, ({ strong }) => post(`/api/v1/api-keys/${strong}/roll`, { grace_period_seconds: 0 }), ["permissions", "allowed_agents", "allowed_ips", "expires_at"]],
    ["roll a weaker key", 201, ({ weak }) => post(`/api/v1/api-keys/${weak}/roll`, { grace_period_seconds: 60 }), []],
    ["roll itself", 201, ({ self }) => post(`/api/v1/api-keys/${self}/roll`, { grace_period_seconds: 60 }), []],
  ];

  it.each(attempts)("%s → %i", async (_name, status, request, refused) => {
    const self = await dashboardKey(limitedPolicy());
    const weak = await dashboardKey({ ...limitedPolicy(), permissions: { agents: "none", calls: "read", api_keys: "none" }, expiresAt: new Date(expiry.getTime() - 1000) });
    const strong = await dashboardKey();
    const disabledStrong = await dashboardKey();
    await getDb().update(apiKeys).set({ status: "disabled" }).where(eq(apiKeys.id, disabledStrong.apiKey.id));
    const ids = { self: self.apiKey.id, weak: weak.apiKey.id, strong: strong.apiKey.id, disabledStrong: disabledStrong.apiKey.id };
    const response = await api.send(self.secret, { ...request(ids), ip: IP });
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    if (status === 403) {
      expect(response.body.error.code).toBe("forbidden");
      expect(response.body.error.message).toMatch(/cannot grant more than it holds/);
      expect(Object.keys(response.body.error.details).sort()).toEqual([...refused].sort());
    }
    // A refused attempt changes nothing: the targets are as they were.
    if (status === 403) {
      const rows = await getDb().select({ id: apiKeys.id, status: apiKeys.status, rolledToId: apiKeys.rolledToId, permissions: apiKeys.permissions }).from(apiKeys).where(eq(apiKeys.workspaceId, owner.workspaceId));
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(ids.disabledStrong)!.status).toBe("disabled");
      expect(byId.get(ids.strong)!.rolledToId).toBeNull();
      expect(byId.get(ids.self)!.permissions).toEqual(limitedPolicy().permissions);
    }
  });

  it("gives a key created with nothing specified exactly the caller's limits", async () => {
    const self = await dashboardKey(limitedPolicy());
    const response = await api.send(self.secret, { ...post("/api/v1/api-keys", { name: unique("child") }), ip: IP });
    expect(response.body).toMatchObject({
      permissions: limitedPolicy().permissions,
      allowed_agents: [agentA],
      allowed_ips: ["198.51.100.0/24", "2001:db8::/32"],
      expires_at: expiry.toISOString(),
      allow_transient_agents: false,
    });
  });
});
