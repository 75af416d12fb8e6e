// 429 rate_limited over real HTTP, counted in memory and in Redis: the RateLimit-Policy and
// RateLimit header fields on every answer to a limited key (and on none to a key without a
// limit), Retry-After on the refusal, the per-visitor limit of public keys, and a Redis that
// goes away mid-test, after which every server counts on its own without refusing traffic.
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { RateLimit } from "@/lib/keys/limits";
import { captureLogs } from "@/lib/log";
import type { KeyPolicy } from "@/lib/keys/policy";
import { createRateLimiter } from "@/lib/keys/rate-limit";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer, type ApiResponse } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";
import { hasRedisServer, startRedisServer } from "../support/redis";

const REDIS_URL = inject("redisUrl");
const ORIGIN = "https://shop.example.com";

let owner: TestUser;
let agentId: string;

beforeAll(async () => {
  owner = await createWorkspace({ workspaceName: "Rate limits" });
  agentId = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Agent", description: null, voice: "aria", firstMessage: "Hi" })).id;
});

let counter = 0;
async function makeKey(type: "private" | "public", policy: Partial<KeyPolicy>) {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type, name: `limited-${counter++}`, description: null, policy });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

const statuses = (responses: ApiResponse[]) => responses.map((response) => response.status);
const count = (responses: ApiResponse[], status: number) => responses.filter((response) => response.status === status).length;

describe.each([
  { store: "memory", redisUrl: undefined },
  { store: "redis", redisUrl: REDIS_URL },
])("a rate-limited key, counted in $store", ({ store, redisUrl }) => {
  let api: Awaited<ReturnType<typeof startApiServer>>;
  const skip = store === "redis" && !redisUrl;

  beforeAll(async () => {
    if (!skip) api = await startApiServer({ redisUrl });
  });
  afterAll(() => api?.close());

  it.skipIf(skip)("answers 429 rate_limited with Retry-After and the RateLimit fields once its rate and burst are spent", async () => {
    expect(api.rateLimiter?.store).toBe(store);
    const { secret } = await makeKey("private", { rateLimit: { perSecond: 2, burst: 3 } });
    // All at once, so that they fall in one second even on a slow machine.
    const responses = await Promise.all(Array.from({ length: 12 }, () => api.send(secret, { path: "/api/v1/me" })));
    expect(count(responses, 200), String(statuses(responses))).toBeGreaterThanOrEqual(5);
    // 2 + 3 in the first second; one more only if a second turned during the volley.
    expect(count(responses, 200), String(statuses(responses))).toBeLessThanOrEqual(7);
    expect(count(responses, 200) + count(responses, 429)).toBe(12);

    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.body.error).toMatchObject({ code: "rate_limited", message: "Too many requests for this key." });
    expect(refused.body.error.hint).toMatch(/2 requests a second \(with bursts of 3 more\)\. Wait \d+ s \(the Retry-After header\)/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("ratelimit-policy")).toBe('"key";q=2;w=1;swb-burst=3;swb-burst-w=15');
    expect(refused.headers.get("ratelimit")).toMatch(/^"key";r=0;t=[1-9]\d*$/);
  });

  it.skipIf(skip)("carries the RateLimit fields on a 200 and on the route's own errors, and serves the key again a second later", async () => {
    const { secret } = await makeKey("private", { rateLimit: { perSecond: 5, burst: 0 } });
    const ok = await api.send(secret, { path: "/api/v1/me" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-policy")).toBe('"key";q=5;w=1;swb-burst=0;swb-burst-w=1');
    expect(ok.headers.get("ratelimit")).toMatch(/^"key";r=4;t=1$/);
    const missing = await api.send(secret, { path: "/api/v1/agents/3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("ratelimit")).toMatch(/^"key";r=3;t=1$/);
    for (let i = 0; i < 3; i++) await api.send(secret, { path: "/api/v1/me" });
    expect((await api.send(secret, { path: "/api/v1/me" })).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await api.send(secret, { path: "/api/v1/me" })).status).toBe(200);
  });

  it.skipIf(skip)("limits each visitor of a public key on their own: one address spent, another still served", async () => {
    const { secret } = await makeKey("public", { allowedOrigins: [ORIGIN], rateLimit: { perSecond: 100, burst: 100 } });
    const read = (ip: string) => api.send(secret, { path: `/api/v1/agents/${agentId}`, origin: ORIGIN, ip });
    const greedy = await Promise.all(Array.from({ length: 25 }, () => read("203.0.113.7")));
    // 5 a second with bursts of 10: 15 at once, one more if a second turned.
    expect(count(greedy, 200), String(statuses(greedy))).toBeGreaterThanOrEqual(15);
    expect(count(greedy, 200), String(statuses(greedy))).toBeLessThanOrEqual(17);
    const refused = greedy.find((response) => response.status === 429)!;
    expect(refused.body.error.hint).toMatch(/Each visitor may make 5 requests a second/);
    expect(refused.headers.get("ratelimit")).toMatch(/^"client";r=0;t=\d+$/);
    // The page can read them: they are exposed to its script.
    expect(refused.headers.get("access-control-expose-headers")).toMatch(/RateLimit, RateLimit-Policy, Retry-After/);

    const neighbour = await read("203.0.113.8");
    expect(neighbour.status).toBe(200);
    expect(neighbour.headers.get("ratelimit-policy")).toBe('"key";q=100;w=1;swb-burst=100;swb-burst-w=10, "client";q=5;w=1;swb-burst=10;swb-burst-w=20');
  });
});

describe("a key without a rate limit", () => {
  it("gets no RateLimit fields, and costs no call to the limiter", async () => {
    const limiter = createRateLimiter();
    const consume = vi.spyOn(limiter, "consume");
    const api = await startApiServer({ rateLimiter: limiter });
    try {
      const unlimited = await makeKey("private", { rateLimit: null });
      const responses = await Promise.all(Array.from({ length: 300 }, () => api.send(unlimited.secret, { path: "/api/v1/me" })));
      expect(count(responses, 200)).toBe(300);
      expect(responses[0]!.headers.get("ratelimit")).toBeNull();
      expect(responses[0]!.headers.get("ratelimit-policy")).toBeNull();
      expect(consume).not.toHaveBeenCalled();

      const limited = await makeKey("private", {});
      const defaults = await api.send(limited.secret, { path: "/api/v1/me" });
      expect(defaults.headers.get("ratelimit-policy")).toBe('"key";q=50;w=1;swb-burst=100;swb-burst-w=20');
      expect(consume).toHaveBeenCalledTimes(1);
    } finally {
      await api.close();
    }
  });
});

describe.skipIf(!hasRedisServer())("Redis going away mid-test", () => {
  let logs: ReturnType<typeof captureLogs> | undefined;
  afterEach(() => logs?.restore());

  it("keeps serving with each server's own counts, logs one warning, and never answers 5xx", async () => {
    const redis = await startRedisServer();
    logs = captureLogs();
    const api = await startApiServer({ redisUrl: redis.url });
    const probe = new Redis(redis.url);
    try {
      const limit: RateLimit = { perSecond: 3, burst: 0 };
      const { secret, apiKey } = await makeKey("private", { rateLimit: limit });
      expect((await api.send(secret, { path: "/api/v1/me" })).status).toBe(200);
      // Counted in Redis, under the key's id: never the key itself.
      const stored = await probe.keys("swb:rl:*");
      expect(stored.some((name) => name.includes(apiKey.id))).toBe(true);
      expect(stored.join(" ")).not.toContain(secret.slice(7));
      probe.disconnect();

      await redis.stop();
      const responses: ApiResponse[] = [];
      const until = Date.now() + 2_500;
      while (Date.now() < until) {
        responses.push(...(await Promise.all(Array.from({ length: 5 }, () => api.send(secret, { path: "/api/v1/me" })))));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(responses.filter((response) => response.status >= 500)).toEqual([]);
      expect(statuses(responses).every((status) => status === 200 || status === 429)).toBe(true);
      // Limits still hold, on this server alone: about 3 a second over 2.5 s, never the whole volley.
      expect(count(responses, 200), String(statuses(responses))).toBeGreaterThanOrEqual(3);
      expect(count(responses, 200), String(statuses(responses))).toBeLessThanOrEqual(4 * limit.perSecond);
      expect(count(responses, 429)).toBeGreaterThan(0);
      // Another key is served as ever.
      const other = await makeKey("private", {});
      expect((await api.send(other.secret, { path: "/api/v1/me" })).status).toBe(200);

      const warnings = logs.entries().filter((entry) => entry.scope === "rate-limit" && entry.level === "warn").map((entry) => entry.msg);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Redis unreachable/);
      expect(warnings[0]).not.toContain(redis.url);
      expect(api.rateLimiter!.stats.fallbacks).toBeGreaterThan(0);
    } finally {
      probe.disconnect();
      await api.close();
      await redis.stop();
    }
  });
});
