// Three API servers on one PostgreSQL and one Redis, each a process of its own
// (test/support/cluster.ts), with requests spread across them: a key's rate limit and its
// credits hold for all three together, not three times over.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, calls } from "@/db/schema";
import type { KeyPolicy } from "@/lib/keys/policy";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { startCluster, type Cluster } from "../support/cluster";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

const REDIS_URL = inject("redisUrl");

describe.skipIf(!REDIS_URL)("three servers on one database and one Redis", () => {
  let cluster: Cluster;
  let owner: TestUser;
  let agentId: string;

  beforeAll(async () => {
    cluster = await startCluster({ size: 3, databaseUrl: inject("databaseUrl"), env: { REDIS_URL } });
    owner = await createWorkspace({ workspaceName: "Cluster limits" });
    agentId = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Agent", description: null, voice: "aria", firstMessage: "Hi" })).id;
  }, 60_000);

  afterAll(() => cluster?.stop());

  async function makeKey(policy: Partial<KeyPolicy>) {
    const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: `cluster-${Date.now()}-${Math.random()}`, description: null, policy });
    if (!result.ok) throw new Error(result.reason);
    return result.created;
  }

  it(
    "gives a key limited to 10/s with a burst of 10 about 20 successes in its first second and 10 a second after it, in total",
    async () => {
      const { secret } = await makeKey({ rateLimit: { perSecond: 10, burst: 10 } });
      // Warm each server's key cache first (one request each, counted), so that the volley below
      // measures the limit, not the first database lookups.
      for (const server of [0, 1, 2]) expect((await cluster.send({ path: "/api/v1/me", key: secret, server })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_100));

      // Six clients in a loop, round-robin over the three servers, for about four seconds.
      const started = Date.now();
      const DURATION = 4_000;
      const successes: number[] = [];
      const seen: number[] = [];
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          while (Date.now() - started < DURATION) {
            const response = await cluster.send({ path: "/api/v1/me", key: secret });
            seen.push(response.status);
            if (response.status === 200) successes.push(Date.now() - started);
          }
        }),
      );
      const elapsed = (Date.now() - started) / 1000;
      expect(seen.filter((status) => status !== 200 && status !== 429)).toEqual([]);
      // Enough requests to saturate the limit many times over, even on a busy machine.
      expect(seen.length).toBeGreaterThan(200);

      const first = successes.filter((ms) => ms < 1_000).length;
      const later = successes.length - first;
      const perSecond = Array.from({ length: Math.ceil(elapsed) }, (_, second) => successes.filter((ms) => ms >= second * 1000 && ms < (second + 1) * 1000).length);
      // The limit's own arithmetic: the first second's window holds 10 + 10, each later window
      // 10, and a window starts at most once a second (so ceil(elapsed) windows after the first).
      // Three servers counting apart would allow three times that.
      expect(first, `successes per second: ${perSecond}`).toBeLessThanOrEqual(20 + 2);
      expect(first).toBeGreaterThanOrEqual(15);
      expect(later, `successes per second: ${perSecond} (${elapsed.toFixed(1)} s in all)`).toBeLessThanOrEqual(10 * Math.ceil(elapsed) + 2);
      expect(later).toBeGreaterThanOrEqual(10 * (Math.floor(elapsed) - 1));
      expect(successes.length).toBeLessThan(3 * 20);
    },
    30_000,
  );

  it("never overspends credits: 50 concurrent calls spread over the three servers start exactly 20", async () => {
    const { secret, apiKey } = await makeKey({ rateLimit: null, credits: { remaining: 20, refill: null } });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => cluster.send({ method: "POST", path: "/api/v1/calls", key: secret, body: { agent_id: agentId, to_number: "+14155552671" } })),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(20);
    expect(responses.filter((response) => response.status === 429 && response.body.error.code === "usage_exceeded")).toHaveLength(30);
    const [spent] = await getDb().select({ n: count() }).from(calls).where(eq(calls.apiKeyId, apiKey.id));
    expect(spent!.n).toBe(20);
    const [key] = await getDb().select({ remaining: apiKeys.creditsRemaining }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(key!.remaining).toBe(0);
  });
});
