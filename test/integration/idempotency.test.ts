// Idempotency-Key on POST /api/v1 over real HTTP: a retry gets the first response, a reused key
// with another request or while the first still runs is 409, a key's secret is never kept for a
// replay, keys are per workspace and forgotten after 24 hours.
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agents, apiKeys, calls, idempotencyKeys } from "@/db/schema";
import { purgeIdempotencyKeys } from "@/lib/services/idempotency";
import type { KeyPolicy } from "@/lib/keys/policy";
import { createAgent } from "@/lib/services/agents";
import { createApiKey, updateApiKey } from "@/lib/services/api-keys";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let secret: string;
let secretId: string;

async function makeKey(user: TestUser, policy: Partial<KeyPolicy> = {}, type: "private" | "public" = "private") {
  const result = await createApiKey(actorOf(user), { workspaceId: user.workspaceId, type, name: `key-${randomUUID()}`, description: null, policy });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}
const adminKey = async (user: TestUser) => (await makeKey(user)).secret;

beforeAll(async () => {
  api = await startApiServer();
  owner = await createWorkspace({ workspaceName: "Idempotency" });
  const admin = await makeKey(owner);
  secret = admin.secret;
  secretId = admin.apiKey.id;
});

afterAll(() => api.close());

const agentBody = (name: string) => ({ name, voice: "aria", first_message: "Hello" });
const postAgent = (key: string, body: unknown, as = secret) =>
  api.send(as, { method: "POST", path: "/api/v1/agents", body, headers: { "Idempotency-Key": key } });
const agentsNamed = async (name: string) =>
  (await getDb().select({ n: count() }).from(agents).where(and(eq(agents.workspaceId, owner.workspaceId), eq(agents.name, name))))[0]!.n;

describe("Idempotency-Key", () => {
  it("replays the first response to a retry of the same request, and does the work once", async () => {
    const key = randomUUID();
    const first = await postAgent(key, agentBody("Replayed"));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const retry = await postAgent(key, agentBody("Replayed"));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await agentsNamed("Replayed")).toBe(1);
  });

  it("replays the route's own refusal too, since the same request would be refused again", async () => {
    const key = randomUUID();
    const first = await postAgent(key, { name: "" });
    expect(first.status).toBe(400);
    const retry = await postAgent(key, { name: "" });
    expect(retry.status).toBe(400);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.error.code).toBe("invalid_request");
  });

  it("refuses the same key with another body, or on another route", async () => {
    const key = randomUUID();
    expect((await postAgent(key, agentBody("First body"))).status).toBe(201);
    const other = await postAgent(key, agentBody("Second body"));
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "conflict", message: "This Idempotency-Key was already used for a different request." });
    expect(await agentsNamed("Second body")).toBe(0);

    const elsewhere = await api.send(secret, { method: "POST", path: "/api/v1/api-keys", body: { name: "elsewhere" }, headers: { "Idempotency-Key": key } });
    expect(elsewhere.status).toBe(409);
  });

  it("refuses a second request while the first is still running", async () => {
    const key = randomUUID();
    const body = agentBody("In flight");
    // What the first request's claim looks like until it finishes (same method, path and body).
    const { createHash } = await import("node:crypto");
    const fingerprint = createHash("sha256").update(`POST /api/v1/agents\n${JSON.stringify(body)}`).digest("hex");
    await getDb().insert(idempotencyKeys).values({ workspaceId: owner.workspaceId, apiKeyId: secretId, key, fingerprint });

    const second = await postAgent(key, body);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("A request with this Idempotency-Key is still in progress.");
    expect(await agentsNamed("In flight")).toBe(0);

    // A claim whose server died is free again after two minutes.
    await getDb().update(idempotencyKeys).set({ createdAt: sql`now() - interval '3 minutes'` }).where(eq(idempotencyKeys.key, key));
    expect((await postAgent(key, body)).status).toBe(201);
  });

  it("lets exactly one of several simultaneous requests do the work", async () => {
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => postAgent(key, agentBody("Raced"))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201 || status === 409)).toHaveLength(8);
    expect(await agentsNamed("Raced")).toBe(1);
  });

  it("never keeps a created key's secret: a retry is 409 naming the key", async () => {
    const key = randomUUID();
    const first = await api.send(secret, { method: "POST", path: "/api/v1/api-keys", body: { name: "once" }, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(201);
    const retry = await api.send(secret, { method: "POST", path: "/api/v1/api-keys", body: { name: "once" }, headers: { "Idempotency-Key": key } });
    expect(retry.status).toBe(409);
    expect(retry.body.error.hint).toContain(first.body.id);
    expect(JSON.stringify(retry.body)).not.toContain(first.body.key);
    const [row] = await getDb().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.workspaceId, owner.workspaceId), eq(idempotencyKeys.key, key)));
    expect(row).toMatchObject({ responseStatus: 201, responseBody: null, withheldKeyId: first.body.id });
    expect((await getDb().select({ n: count() }).from(apiKeys).where(and(eq(apiKeys.workspaceId, owner.workspaceId), eq(apiKeys.name, "once"))))[0]!.n).toBe(1);

    // Rolling hands out a secret too.
    const rollKey = randomUUID();
    const roll = () => api.send(secret, { method: "POST", path: `/api/v1/api-keys/${first.body.id}/roll`, body: { grace_period_seconds: 0 }, headers: { "Idempotency-Key": rollKey } });
    const rolled = await roll();
    expect(rolled.status).toBe(201);
    const rollRetry = await roll();
    expect(rollRetry.status).toBe(409);
    expect(rollRetry.body.error.hint).toContain(rolled.body.id);

    const stored = await getDb().select().from(idempotencyKeys).where(eq(idempotencyKeys.workspaceId, owner.workspaceId));
    expect(JSON.stringify(stored)).not.toMatch(/swb_(sk|pk)_/);
  });

  it("keeps keys per workspace", async () => {
    const other = await createWorkspace({ workspaceName: "Elsewhere" });
    const otherSecret = await adminKey(other);
    const key = randomUUID();
    expect((await postAgent(key, agentBody("Mine"))).status).toBe(201);
    const theirs = await postAgent(key, agentBody("Theirs"), otherSecret);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("forgets a key after 24 hours", async () => {
    const key = randomUUID();
    expect((await postAgent(key, agentBody("Day one"))).status).toBe(201);
    await getDb().update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, key));
    // Expired: the same key is free for a new request...
    expect((await postAgent(key, agentBody("Day two"))).status).toBe(201);
    expect(await agentsNamed("Day two")).toBe(1);
    // ...and the sweep removes what has expired, and only that.
    await getDb().update(idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(idempotencyKeys.key, key));
    const fresh = randomUUID();
    expect((await postAgent(fresh, agentBody("Fresh"))).status).toBe(201);
    await purgeIdempotencyKeys();
    const keys = (await getDb().select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((row) => row.key);
    expect(keys).not.toContain(key);
    expect(keys).toContain(fresh);
  });

  it("rejects a malformed Idempotency-Key, and ignores it on other methods", async () => {
    for (const bad of ["", "x".repeat(256), "naïve"]) {
      const response = await postAgent(bad, agentBody("Malformed"));
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.body.error.details["Idempotency-Key"]).toBeDefined();
    }
    const read = await api.send(secret, { path: "/api/v1/agents", headers: { "Idempotency-Key": "" } });
    expect(read.status).toBe(200);
  });

  it("works without the header, as before", async () => {
    expect((await api.send(secret, { method: "POST", path: "/api/v1/agents", body: agentBody("No header") })).status).toBe(201);
    expect((await api.send(secret, { method: "POST", path: "/api/v1/agents", body: agentBody("No header") })).status).toBe(201);
  });
});

// The report's rows 2 and 3: a record belongs to the key that made the request, and the checks in
// front of a route (authentication, permissions, a public key's origin) run before any replay.
describe("Idempotency-Key belongs to the calling key", () => {
  const ORIGIN = "https://shop.example.com";
  let agentId: string;
  beforeAll(async () => {
    agentId = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Idem agent", description: null, voice: "aria", firstMessage: "Hi" })).id;
  });
  const callBody = () => ({ agent_id: agentId, to_number: "+14155552671", metadata: { crm_id: "secret-lead-42" } });
  const postCall = (as: string, key: string, extra: { origin?: string; ip?: string } = {}) =>
    api.send(as, { method: "POST", path: "/api/v1/calls", body: callBody(), headers: { "Idempotency-Key": key }, ...extra });
  const callCount = async () => (await getDb().select({ n: count() }).from(calls).where(eq(calls.workspaceId, owner.workspaceId)))[0]!.n;

  it("runs the route's permission check before a replay: a key without calls:write gets 403, not another key's call", async () => {
    const key = randomUUID();
    const first = await postCall(secret, key);
    expect(first.status).toBe(201);
    const reader = await makeKey(owner, { permissions: { agents: "read", calls: "none", api_keys: "none" } });
    const stolen = await postCall(reader.secret, key);
    expect(stolen.status).toBe(403);
    expect(stolen.headers.get("idempotent-replayed")).toBeNull();
    expect(JSON.stringify(stolen.body)).not.toContain("secret-lead-42");
    // A public key on a route closed to public keys is refused the same way.
    const publicKey = await makeKey(owner, { allowedOrigins: [ORIGIN] }, "public");
    const adminKeyKey = randomUUID();
    expect((await api.send(secret, { method: "POST", path: "/api/v1/agents", body: agentBody("Admin's"), headers: { "Idempotency-Key": adminKeyKey } })).status).toBe(201);
    const fromPage = await api.send(publicKey.secret, { method: "POST", path: "/api/v1/agents", body: agentBody("Admin's"), headers: { "Idempotency-Key": adminKeyKey }, origin: ORIGIN });
    expect(fromPage.status).toBe(403);
    expect(fromPage.headers.get("idempotent-replayed")).toBeNull();
  });

  it("never replays one key's answer to another key, even one allowed the route: it does the work anew", async () => {
    const key = randomUUID();
    const first = await postCall(secret, key);
    expect(first.status).toBe(201);
    const before = await callCount();
    const other = await makeKey(owner);
    const second = await postCall(other.secret, key);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
    expect(await callCount()).toBe(before + 1);
    // Each key still gets its own answer back.
    expect((await postCall(secret, key)).body.id).toBe(first.body.id);
    expect((await postCall(other.secret, key)).body.id).toBe(second.body.id);
  });

  it("never lets a weaker key's refusal block the admin's request under a guessable key", async () => {
    const key = `create-ci-reader-${randomUUID().slice(0, 6)}`;
    const weak = await makeKey(owner, { permissions: { agents: "none", calls: "none", api_keys: "read" } });
    const body = { name: `ci-reader-${randomUUID().slice(0, 6)}`, permissions: { agents: "read", calls: "read", api_keys: "none" } };
    const refused = await api.send(weak.secret, { method: "POST", path: "/api/v1/api-keys", body, headers: { "Idempotency-Key": key } });
    expect(refused.status).toBe(403);
    // Nothing was kept for the refused request: the checks in front of a route are never stored.
    expect(await getDb().select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0);
    const real = await api.send(secret, { method: "POST", path: "/api/v1/api-keys", body, headers: { "Idempotency-Key": key } });
    expect(real.status).toBe(201);
    expect(real.body.key).toMatch(/^swb_sk_/);

    // The public key that sits in a web page cannot block it either, from an origin it may not use.
    const publicKey = await makeKey(owner, { allowedOrigins: [ORIGIN] }, "public");
    const pageKey = `page-${randomUUID()}`;
    expect((await postCall(publicKey.secret, pageKey, { origin: "https://evil.example.com" })).status).toBe(403);
    const admin = await postCall(secret, pageKey);
    expect(admin.status).toBe(201);
    expect(admin.headers.get("idempotent-replayed")).toBeNull();
  });

  it("keeps a public key's records per client address: one visitor cannot answer another", async () => {
    const publicKey = await makeKey(owner, { allowedOrigins: [ORIGIN] }, "public");
    const key = randomUUID();
    const visitorA = await postCall(publicKey.secret, key, { origin: ORIGIN, ip: "203.0.113.10" });
    expect(visitorA.status).toBe(201);
    const visitorB = await postCall(publicKey.secret, key, { origin: ORIGIN, ip: "203.0.113.20" });
    expect(visitorB.status).toBe(201);
    expect(visitorB.headers.get("idempotent-replayed")).toBeNull();
    expect(visitorB.body.id).not.toBe(visitorA.body.id);
    const retryA = await postCall(publicKey.secret, key, { origin: ORIGIN, ip: "203.0.113.10" });
    expect(retryA.headers.get("idempotent-replayed")).toBe("true");
    expect(retryA.body.id).toBe(visitorA.body.id);
  });

  it("does not keep a refusal by the key's agent policy: once an admin widens it, the retry does the work", async () => {
    const limited = await makeKey(owner, { allowedAgents: [agentId] });
    const otherAgent = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Other agent", description: null, voice: "aria", firstMessage: "Hi" })).id;
    const key = randomUUID();
    const send = () => api.send(limited.secret, { method: "POST", path: "/api/v1/calls", body: { agent_id: otherAgent, to_number: "+14155552671" }, headers: { "Idempotency-Key": key } });
    expect((await send()).status).toBe(403);
    await updateApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: limited.apiKey.id, changes: { allowedAgents: [] } });
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
  });

  it("keeps the route's own refusals (a 403 for power) for the key that made them", async () => {
    const weak = await makeKey(owner, { permissions: { agents: "none", calls: "none", api_keys: "write" } });
    const key = randomUUID();
    const body = { name: `too-strong-${randomUUID().slice(0, 6)}`, permissions: { agents: "write", calls: "write", api_keys: "write" } };
    const first = await api.send(weak.secret, { method: "POST", path: "/api/v1/api-keys", body, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(403);
    const retry = await api.send(weak.secret, { method: "POST", path: "/api/v1/api-keys", body, headers: { "Idempotency-Key": key } });
    expect(retry.status).toBe(403);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    // The admin's request under the same key is its own.
    const admin = await api.send(secret, { method: "POST", path: "/api/v1/api-keys", body, headers: { "Idempotency-Key": key } });
    expect(admin.status).toBe(201);
  });
});

describe("every POST route", () => {
  it("takes Idempotency-Key: a second request under the same key with another body is 409", async () => {
    const document = (await api.send(null, { path: "/api/v1/openapi.json" })).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    // Every POST that takes a key; the keyless ones (leak reports) are served before the key check
    // and the idempotency middleware, and document `security: []`.
    const postPaths = Object.entries(document.paths)
      .filter(([, operations]) => operations.post && !(Array.isArray(operations.post.security) && operations.post.security.length === 0))
      .map(([path]) => path);
    expect(postPaths.length).toBeGreaterThanOrEqual(4);
    for (const path of postPaths) {
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      const key = randomUUID();
      await api.send(secret, { method: "POST", path: url, body: {}, headers: { "Idempotency-Key": key } });
      const other = await api.send(secret, { method: "POST", path: url, body: { other: true }, headers: { "Idempotency-Key": key } });
      expect(other.status, `${path}: ${JSON.stringify(other.body)}`).toBe(409);
    }
  });
});
