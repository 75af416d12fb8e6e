// Idempotency-Key on POST /api/v1 over real HTTP: a retry gets the first response, a reused key
// with another request or while the first still runs is 409, a key's secret is never kept for a
// replay, keys are per workspace and forgotten after 24 hours.
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agents, apiKeys, idempotencyKeys } from "@/db/schema";
import { purgeIdempotencyKeys } from "@/lib/services/idempotency";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let secret: string;

async function adminKey(user: TestUser) {
  const result = await createApiKey(actorOf(user), { workspaceId: user.workspaceId, type: "private", name: `admin-${randomUUID()}`, description: null, policy: {} });
  if (!result.ok) throw new Error(result.reason);
  return result.created.secret;
}

beforeAll(async () => {
  api = await startApiServer();
  owner = await createWorkspace({ workspaceName: "Idempotency" });
  secret = await adminKey(owner);
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

  it("replays a refusal too, since the same request would be refused again", async () => {
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
    await getDb().insert(idempotencyKeys).values({ workspaceId: owner.workspaceId, key, fingerprint });

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
