// 429 usage_exceeded over real HTTP: a key with call credits spends one per POST /api/v1/calls,
// in the call's transaction, so that concurrent calls never overspend; credits refill at 00:00
// UTC; a roll moves the balance to the new key and the old one spends the same balance; the
// management API reads and sets credits, and the audit log records changes, not uses.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents, calls } from "@/db/schema";
import { nextRefillAt, type KeyCredits } from "@/lib/keys/limits";
import type { KeyPolicy } from "@/lib/keys/policy";
import { createAgent } from "@/lib/services/agents";
import { createApiKey, rollApiKey, updateApiKey } from "@/lib/services/api-keys";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let agentId: string;

beforeAll(async () => {
  api = await startApiServer();
  owner = await createWorkspace({ workspaceName: "Credits" });
  agentId = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Agent", description: null, voice: "aria", firstMessage: "Hi" })).id;
});

afterAll(() => api.close());

let counter = 0;
async function makeKey(credits: KeyCredits | null, policy: Partial<KeyPolicy> = {}) {
  // No rate limit: these tests are about credits only.
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: `credits-${counter++}`, description: null, policy: { rateLimit: null, credits, ...policy } });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

const startCall = (secret: string) => api.send(secret, { method: "POST", path: "/api/v1/calls", body: { agent_id: agentId, to_number: "+14155552671" } });
const stored = async (id: string) => (await getDb().select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;
const callsOf = async (keyId: string) => (await getDb().select({ n: count() }).from(calls).where(eq(calls.apiKeyId, keyId)))[0]!.n;

describe("POST /api/v1/calls with credits", () => {
  it("spends one credit per call, then answers 429 usage_exceeded, with the refill time in its hint and Retry-After", async () => {
    const { secret, apiKey } = await makeKey({ remaining: 2, refill: { amount: 10, interval: "day" } });
    expect((await startCall(secret)).status).toBe(201);
    expect((await startCall(secret)).status).toBe(201);
    const refused = await startCall(secret);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "usage_exceeded", message: "This key has no call credits left." });
    const refill = nextRefillAt("day", new Date());
    expect(refused.body.error.hint).toContain(`Its credits refill at ${refill.toISOString()} (00:00 UTC each day)`);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(Math.abs(retryAfter - (refill.getTime() - Date.now()) / 1000)).toBeLessThan(5);
    expect(await callsOf(apiKey.id)).toBe(2);
    expect((await stored(apiKey.id)).creditsRemaining).toBe(0);
  });

  it("says that credits without a refill do not come back, with no Retry-After", async () => {
    const { secret } = await makeKey({ remaining: 0, refill: null });
    const refused = await startCall(secret);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("usage_exceeded");
    expect(refused.body.error.hint).toMatch(/do not refill/);
    expect(refused.headers.get("retry-after")).toBeNull();
  });

  it("costs nothing for a call refused before it starts (an unknown agent)", async () => {
    const { secret, apiKey } = await makeKey({ remaining: 1, refill: null });
    const unknown = await api.send(secret, { method: "POST", path: "/api/v1/calls", body: { agent_id: "3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b", to_number: "+14155552671" } });
    expect(unknown.status).toBe(404);
    expect((await stored(apiKey.id)).creditsRemaining).toBe(1);
  });

  it("never overspends: 50 concurrent calls on 20 credits start exactly 20", async () => {
    const { secret, apiKey } = await makeKey({ remaining: 20, refill: null });
    const responses = await Promise.all(Array.from({ length: 50 }, () => startCall(secret)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(20);
    expect(responses.filter((response) => response.status === 429 && response.body.error.code === "usage_exceeded")).toHaveLength(30);
    expect(await callsOf(apiKey.id)).toBe(20);
    expect((await stored(apiKey.id)).creditsRemaining).toBe(0);
  });

  it("leaves keys without credits unlimited", async () => {
    const { secret, apiKey } = await makeKey(null);
    for (let i = 0; i < 5; i++) expect((await startCall(secret)).status).toBe(201);
    expect((await stored(apiKey.id)).creditsRemaining).toBeNull();
  });
});

describe("refills at 00:00 UTC", () => {
  const shift = (id: string, values: Partial<typeof apiKeys.$inferInsert>) => getDb().update(apiKeys).set(values).where(eq(apiKeys.id, id));

  it("resets a daily balance on the first call after midnight, once", async () => {
    const { secret, apiKey } = await makeKey({ remaining: 0, refill: { amount: 5, interval: "day" } });
    expect((await startCall(secret)).status).toBe(429);
    // Refilled yesterday: today's refill is due.
    await shift(apiKey.id, { creditsRefilledAt: new Date(Date.now() - 86_400_000) });
    const read = await api.send(secret, { path: `/api/v1/api-keys/${apiKey.id}` });
    expect(read.body.credits).toEqual({ remaining: 5, refill: { amount: 5, interval: "day" } });
    expect((await startCall(secret)).status).toBe(201);
    const after = await stored(apiKey.id);
    expect(after.creditsRemaining).toBe(4);
    expect(after.creditsRefilledAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The refill happened once: the next call spends from it.
    expect((await startCall(secret)).status).toBe(201);
    expect((await stored(apiKey.id)).creditsRemaining).toBe(3);
  });

  it("resets a monthly balance only once the month has turned", async () => {
    const { secret, apiKey } = await makeKey({ remaining: 0, refill: { amount: 3, interval: "month" } });
    const startOfMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    await shift(apiKey.id, { creditsRefilledAt: startOfMonth });
    expect((await startCall(secret)).status).toBe(429);
    await shift(apiKey.id, { creditsRefilledAt: new Date(startOfMonth.getTime() - 1000) });
    expect((await startCall(secret)).status).toBe(201);
    expect((await stored(apiKey.id)).creditsRemaining).toBe(2);
  });
});

describe("rolling a key with credits", () => {
  it("moves the balance to the new key, and the old key spends that same balance during its grace period", async () => {
    const { secret: oldSecret, apiKey } = await makeKey({ remaining: 5, refill: null });
    expect((await startCall(oldSecret)).status).toBe(201);
    const rolled = await rollApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, graceSeconds: 3600 });
    if (!rolled.ok) throw new Error(rolled.reason);
    const newKey = rolled.created;
    expect((await stored(newKey.apiKey.id)).creditsRemaining).toBe(4);
    expect((await stored(apiKey.id)).creditsRemaining).toBeNull();

    const spent = await Promise.all([startCall(oldSecret), startCall(newKey.secret), startCall(oldSecret), startCall(newKey.secret), startCall(oldSecret), startCall(newKey.secret)]);
    expect(spent.filter((response) => response.status === 201)).toHaveLength(4);
    expect(spent.filter((response) => response.status === 429)).toHaveLength(2);
    expect((await stored(newKey.apiKey.id)).creditsRemaining).toBe(0);
    expect((await startCall(oldSecret)).body.error.code).toBe("usage_exceeded");

    // The old key's own view: its credits are its successor's, as the API says.
    const admin = await makeKey(null);
    const old = await api.send(admin.secret, { path: `/api/v1/api-keys/${apiKey.id}` });
    expect(old.body).toMatchObject({ rolled_to_id: newKey.apiKey.id, credits: null });
  });
});

describe("credits through the management API and the audit log", () => {
  it("creates, reads and changes credits and rate limits, and audits each change but no use", async () => {
    const admin = await makeKey(null);
    const created = await api.send(admin.secret, {
      method: "POST",
      path: "/api/v1/api-keys",
      body: { name: "metered", rate_limit: { requests_per_second: 7, burst: 3 }, credits: { remaining: 3, refill: { amount: 100, interval: "month" } } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ rate_limit: { requests_per_second: 7, burst: 3 }, credits: { remaining: 3, refill: { amount: 100, interval: "month" } } });
    const id = created.body.id as string;
    expect((await startCall(created.body.key)).status).toBe(201);
    expect((await api.send(admin.secret, { path: `/api/v1/api-keys/${id}` })).body.credits.remaining).toBe(2);

    const patched = await api.send(admin.secret, { method: "PATCH", path: `/api/v1/api-keys/${id}`, body: { credits: { remaining: 50 }, rate_limit: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ credits: { remaining: 50, refill: null }, rate_limit: null });

    const events = await getDb()
      .select({ action: auditEvents.action, metadata: auditEvents.metadata })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.targetId, id)));
    expect(events.map((event) => event.action).sort()).toEqual(["api_key.created", "api_key.updated"]);
    const updated = events.find((event) => event.action === "api_key.updated")!;
    expect(updated.metadata).toEqual({
      before: { rateLimit: { perSecond: 7, burst: 3 }, credits: { remaining: 2, refill: { amount: 100, interval: "month" } } },
      after: { rateLimit: null, credits: { remaining: 50, refill: null } },
    });
  });

  it("refuses credits and rate limits that are not whole numbers in range", async () => {
    const admin = await makeKey(null);
    const bad = await api.send(admin.secret, {
      method: "POST",
      path: "/api/v1/api-keys",
      body: { name: "bad-limits", rate_limit: { requests_per_second: 0, burst: 1.5 }, credits: { remaining: -1, refill: { amount: 10, interval: "week" } } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(["credits.refill.interval", "credits.remaining", "rate_limit.burst", "rate_limit.requests_per_second"]);
  });

  it("keeps the calls spent since a form was loaded when the form saves the balance it showed", async () => {
    const { secret, apiKey } = await makeKey({ remaining: 10, refill: null });
    await startCall(secret);
    await startCall(secret);
    // The form showed 10 and still says 10; only the refill changed.
    const kept = await updateApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, changes: { credits: { remaining: 10, refill: { amount: 10, interval: "day" } } }, creditsSeen: 10 });
    expect(kept.ok).toBe(true);
    expect((await stored(apiKey.id)).creditsRemaining).toBe(8);
    // A new number typed in is taken as it is.
    await updateApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, changes: { credits: { remaining: 20, refill: null } }, creditsSeen: 8 });
    expect((await stored(apiKey.id)).creditsRemaining).toBe(20);
  });
});
