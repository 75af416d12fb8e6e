// Usage over real HTTP (README "Usage"): every outcome of a known key is counted under its name
// in hourly buckets, refused requests are kept (at most 100 a key, never key material), keys of no
// workspace are left out, and the management API answers from the buckets.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, keyRejections } from "@/db/schema";
import { generateKey } from "@/lib/keys/format";
import type { KeyPolicy } from "@/lib/keys/policy";
import { createAgent } from "@/lib/services/agents";
import { createApiKey, revokeApiKey, setApiKeyStatus } from "@/lib/services/api-keys";
import { getUsageStore } from "@/lib/usage/store";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let counter = 0;

beforeAll(async () => {
  api = await startApiServer({ rateLimiter: null });
  owner = await createWorkspace({ workspaceName: "Usage" });
});
afterAll(() => api?.close());

async function makeKey(policy: Partial<KeyPolicy> = {}, type: "private" | "public" = "private", workspace = owner) {
  const result = await createApiKey(actorOf(workspace), { workspaceId: workspace.workspaceId, type, name: `usage-${counter++}`, description: null, policy: { rateLimit: null, ...policy } });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

/** The stored counts of a key, as "outcome count" lines. */
async function countsOf(keyId: string) {
  const rows = await getDb().execute<{ outcome: string; n: string }>(sql`select outcome, sum(count) as n from key_usage where api_key_id = ${keyId} group by outcome order by outcome`);
  return rows.map((row) => `${row.outcome} ${row.n}`);
}

describe("usage counters", () => {
  it("counts each outcome of a key under its own name, in the key's workspace", async () => {
    const agent = await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Allowed", description: null, voice: "aria", firstMessage: "Hi" });
    const other = await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Other", description: null, voice: "aria", firstMessage: "Hi" });
    const { apiKey, secret } = await makeKey({
      allowedAgents: [agent.id],
      permissions: { agents: "read", calls: "write", api_keys: "none" },
      allowedIps: ["203.0.113.0/24"],
      rateLimit: null,
      credits: { remaining: 1, refill: null },
    });
    const ip = "203.0.113.9";
    const call = { method: "POST", path: "/api/v1/calls", ip, body: { agent_id: agent.id, to_number: "+14155552671" } };
    const expected = [
      [{ path: "/api/v1/me", ip }, 200],
      [{ path: "/api/v1/missing", ip }, 404], // a valid key on an unknown path is still use
      [call, 201],
      [call, 429], // usage_exceeded: its one credit is spent
      [{ path: `/api/v1/agents/${other.id}`, ip }, 403], // agent_not_allowed
      [{ path: "/api/v1/api-keys", ip }, 403], // forbidden: no api_keys scope
      [{ path: "/api/v1/me", ip: "198.51.100.1" }, 403], // ip_not_allowed
      [{ path: "/api/v1/me", ip, origin: "https://app.example.com" }, 403], // private_key_in_browser
    ] as const;
    for (const [request, status] of expected) expect((await api.send(secret, request)).status, request.path).toBe(status);
    await setApiKeyStatus(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, status: "disabled" });
    expect((await api.send(secret, { path: "/api/v1/me", ip })).status).toBe(401);

    await api.usage.flush();
    expect(await countsOf(apiKey.id)).toEqual([
      "agent_not_allowed 1",
      "disabled 1",
      "forbidden 1",
      "ip_not_allowed 1",
      "private_key_in_browser 1",
      "usage_exceeded 1",
      "valid 3",
    ]);
    const [row] = await getDb().select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("counts rate_limited, revoked, expired and the public key's origin refusals", async () => {
    const limited = await makeKey({ rateLimit: { perSecond: 1, burst: 0 } });
    const limiter = await startApiServer();
    try {
      expect((await limiter.send(limited.secret, { path: "/api/v1/me" })).status).toBe(200);
      expect((await limiter.send(limited.secret, { path: "/api/v1/me" })).status).toBe(429);
      await limiter.usage.flush();
    } finally {
      await limiter.close();
    }
    expect(await countsOf(limited.apiKey.id)).toEqual(["rate_limited 1", "valid 1"]);

    const revoked = await makeKey();
    await revokeApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: revoked.apiKey.id });
    const expiring = await makeKey({ expiresAt: new Date(Date.now() + 1_000) });
    const publicKey = await makeKey({ allowedOrigins: ["https://shop.example.com"] }, "public");
    expect((await api.send(revoked.secret, { path: "/api/v1/me" })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await api.send(expiring.secret, { path: "/api/v1/me" })).status).toBe(401);
    expect((await api.send(publicKey.secret, { path: `/api/v1/agents/${randomUUID()}` })).status).toBe(403);
    expect((await api.send(publicKey.secret, { path: `/api/v1/agents/${randomUUID()}`, origin: "https://evil.example" })).status).toBe(403);
    await api.usage.flush();
    expect(await countsOf(revoked.apiKey.id)).toEqual(["revoked 1"]);
    expect(await countsOf(expiring.apiKey.id)).toEqual(["expired 1"]);
    expect(await countsOf(publicKey.apiKey.id)).toEqual(["origin_not_allowed 1", "origin_required 1"]);
  });

  it("leaves malformed and unknown keys out of every workspace's usage", async () => {
    const before = await getDb().execute<{ n: string }>(sql`select coalesce(sum(count), 0) as n from key_usage`);
    expect((await api.send("swb_sk_not-a-key", { path: "/api/v1/me" })).status).toBe(401);
    expect((await api.send(generateKey("private"), { path: "/api/v1/me" })).status).toBe(401);
    expect((await api.send(null, { path: "/api/v1/me" })).status).toBe(401);
    await api.usage.flush();
    const after = await getDb().execute<{ n: string }>(sql`select coalesce(sum(count), 0) as n from key_usage`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("keeps the latest 100 refused requests of a key, with no key material anywhere", async () => {
    const { apiKey, secret } = await makeKey({ allowedIps: ["192.0.2.1"] });
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.send(secret, { path: `/api/v1/me?api_key=${secret}&n=${round}-${i}`, ip: "198.51.100.7", headers: { "User-Agent": `probe ${secret}` } }),
        ),
      );
      await api.usage.flush();
    }
    // 150 refused, in three flushes; refusals of another key are not touched.
    const rows = await getDb().select().from(keyRejections).where(eq(keyRejections.apiKeyId, apiKey.id));
    expect(rows).toHaveLength(100);
    expect(rows[0]).toMatchObject({ outcome: "ip_not_allowed", ip: "198.51.100.7", path: "/api/v1/me", userAgent: "probe swb_sk_[redacted]" });
    expect(await countsOf(apiKey.id)).toEqual(["ip_not_allowed 150"]);

    const everything = await getDb().execute(sql`select (select json_agg(u) from key_usage u)::text as usage, (select json_agg(r) from key_rejections r)::text as rejected`);
    const text = JSON.stringify(everything);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/swb_[sp]k_[0-9A-Za-z]{8}/);
  });
});

describe("GET /api/v1/usage and GET /api/v1/api-keys/{id}/usage", () => {
  let reader: { secret: string; apiKey: { id: string } };
  let used: { secret: string; apiKey: { id: string } };
  const hour = (iso: string) => new Date(iso);

  beforeAll(async () => {
    const workspace = await createWorkspace({ workspaceName: "Usage API" });
    reader = await makeKey({ permissions: { agents: "none", calls: "none", api_keys: "read" } }, "private", workspace);
    used = await makeKey({}, "private", workspace);
    await getUsageStore().record({
      counts: [
        { workspaceId: workspace.workspaceId, keyId: used.apiKey.id, bucketStart: hour("2026-11-01T10:00:00Z"), outcome: "valid", count: 5 },
        { workspaceId: workspace.workspaceId, keyId: used.apiKey.id, bucketStart: hour("2026-11-01T11:00:00Z"), outcome: "valid", count: 7 },
        { workspaceId: workspace.workspaceId, keyId: used.apiKey.id, bucketStart: hour("2026-11-01T11:00:00Z"), outcome: "disabled", count: 2 },
        { workspaceId: workspace.workspaceId, keyId: used.apiKey.id, bucketStart: hour("2026-11-02T00:00:00Z"), outcome: "valid", count: 1 },
        { workspaceId: workspace.workspaceId, keyId: reader.apiKey.id, bucketStart: hour("2026-11-01T10:00:00Z"), outcome: "valid", count: 3 },
      ],
      lastUsed: [],
      rejected: [],
    });
  });

  it("answers counts per key, hour and outcome within the range", async () => {
    const response = await api.send(reader.secret, { path: `/api/v1/api-keys/${used.apiKey.id}/usage?from=2026-11-01T10:30:00Z&to=2026-11-02T00:00:00Z` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: [
        { key_id: used.apiKey.id, bucket_start: "2026-11-01T10:00:00.000Z", outcome: "valid", count: 5 },
        { key_id: used.apiKey.id, bucket_start: "2026-11-01T11:00:00.000Z", outcome: "disabled", count: 2 },
        { key_id: used.apiKey.id, bucket_start: "2026-11-01T11:00:00.000Z", outcome: "valid", count: 7 },
      ],
      from: "2026-11-01T10:00:00.000Z",
      to: "2026-11-02T00:00:00.000Z",
      granularity: "hour",
    });
  });

  it("adds hours up into UTC days, and filters the workspace's usage by key", async () => {
    const all = await api.send(reader.secret, { path: "/api/v1/usage?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&granularity=day" });
    expect(all.status).toBe(200);
    expect(all.body.data).toEqual([
      { key_id: used.apiKey.id, bucket_start: "2026-11-01T00:00:00.000Z", outcome: "disabled", count: 2 },
      { key_id: used.apiKey.id, bucket_start: "2026-11-01T00:00:00.000Z", outcome: "valid", count: 12 },
      { key_id: reader.apiKey.id, bucket_start: "2026-11-01T00:00:00.000Z", outcome: "valid", count: 3 },
      { key_id: used.apiKey.id, bucket_start: "2026-11-02T00:00:00.000Z", outcome: "valid", count: 1 },
    ].sort((a, b) => a.bucket_start.localeCompare(b.bucket_start) || a.key_id.localeCompare(b.key_id) || a.outcome.localeCompare(b.outcome)));
    const one = await api.send(reader.secret, { path: `/api/v1/usage?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&granularity=day&key_id=${reader.apiKey.id}` });
    expect(one.body.data).toEqual([{ key_id: reader.apiKey.id, bucket_start: "2026-11-01T00:00:00.000Z", outcome: "valid", count: 3 }]);
  });

  it("defaults to the last 24 hours by hour", async () => {
    const response = await api.send(reader.secret, { path: "/api/v1/usage" });
    expect(response.status).toBe(200);
    const span = Date.parse(response.body.to) - Date.parse(response.body.from);
    expect(span).toBeGreaterThan(24 * 3_600_000);
    expect(span).toBeLessThanOrEqual(25 * 3_600_000);
    expect(response.body.granularity).toBe("hour");
  });

  it.each([
    ["from=2026-10-01T00:00:00Z&to=2026-11-02T00:00:00Z", "to", "at most 31 days with granularity=hour"],
    ["from=2025-01-01T00:00:00Z&to=2026-11-02T00:00:00Z&granularity=day", "to", "at most 400 days with granularity=day"],
    ["from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from", "from must be before to"],
    ["from=yesterday", "from", "ISO 8601"],
    ["granularity=minute", "granularity", "hour or day"],
    ["key_id=nope", "key_id", "UUID"],
  ])("answers 400 for %s, naming %s", async (query, field, message) => {
    const response = await api.send(reader.secret, { path: `/api/v1/usage?${query}` });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.details[field].join(" ")).toContain(message);
  });

  it("keeps each workspace's usage to itself, and needs a private key with api_keys:read", async () => {
    const stranger = await makeKey({ permissions: { agents: "none", calls: "none", api_keys: "read" } });
    expect((await api.send(stranger.secret, { path: `/api/v1/api-keys/${used.apiKey.id}/usage` })).status).toBe(404);
    const leak = await api.send(stranger.secret, { path: `/api/v1/usage?key_id=${used.apiKey.id}&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z` });
    expect(leak.body.data).toEqual([]);
    const noScope = await makeKey({ permissions: { agents: "read", calls: "read", api_keys: "none" } });
    expect((await api.send(noScope.secret, { path: "/api/v1/usage" })).status).toBe(403);
    const publicKey = await makeKey({ allowedOrigins: ["https://shop.example.com"] }, "public");
    expect((await api.send(publicKey.secret, { path: "/api/v1/usage", origin: "https://shop.example.com" })).status).toBe(403);
  });
});

describe("the usage store", () => {
  it("writes last used for a batch of 40,000 keys (past PostgreSQL's 65,535 parameters) in one go, never backwards", async () => {
    const { apiKey } = await makeKey();
    const at = new Date("2026-06-01T12:00:00.000Z");
    const lastUsed = [...Array.from({ length: 39_999 }, () => ({ keyId: randomUUID(), at })), { keyId: apiKey.id, at }];
    await getUsageStore().record({ counts: [], lastUsed, rejected: [] });
    await getUsageStore().record({ counts: [], lastUsed: [{ keyId: apiKey.id, at: new Date("2026-05-01T00:00:00.000Z") }], rejected: [] });
    const [row] = await getDb().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.at).toEqual(at);
  });

  it("adds a flush's counts to the counts already in a bucket, and skips keys that are gone", async () => {
    const { apiKey } = await makeKey();
    const bucketStart = new Date("2026-06-01T12:00:00.000Z");
    const count = { workspaceId: owner.workspaceId, keyId: apiKey.id, bucketStart, outcome: "valid" as const, count: 2 };
    await getUsageStore().record({ counts: [count, { ...count, keyId: randomUUID() }], lastUsed: [], rejected: [] });
    await getUsageStore().record({ counts: [{ ...count, count: 3 }], lastUsed: [], rejected: [] });
    expect(await countsOf(apiKey.id)).toEqual(["valid 5"]);
  });

  it("keeps the daily rollup equal to the hours, also for a flush that holds two hours of one day", async () => {
    const { apiKey } = await makeKey();
    const count = { workspaceId: owner.workspaceId, keyId: apiKey.id, outcome: "valid" as const };
    await getUsageStore().record({
      counts: [
        { ...count, bucketStart: new Date("2026-06-01T10:00:00Z"), count: 2 },
        { ...count, bucketStart: new Date("2026-06-01T11:00:00Z"), count: 3 },
        { ...count, bucketStart: new Date("2026-06-02T00:00:00Z"), count: 4 },
      ],
      lastUsed: [],
      rejected: [],
    });
    const range = { workspaceId: owner.workspaceId, keyIds: [apiKey.id], from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-03T00:00:00Z") };
    const byDay = await getUsageStore().totalsByBucket({ ...range, granularity: "day" });
    expect(byDay.map((row) => `${row.bucketStart.toISOString()} ${row.count}`)).toEqual(["2026-06-01T00:00:00.000Z 5", "2026-06-02T00:00:00.000Z 4"]);
    const byHour = await getUsageStore().totalsByKey({ ...range, granularity: "hour" });
    expect(byHour).toEqual([{ keyId: apiKey.id, outcome: "valid", count: 9 }]);
  });
});
