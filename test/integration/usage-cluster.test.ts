// Usage counts of API servers that are processes of their own (test/support/cluster.ts): the
// counts of two servers add up in the same buckets; a SIGTERM flushes what a server counted; a
// SIGKILL loses at most what it counted since its last flush (README "Usage").
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { createApiKey } from "@/lib/services/api-keys";
import { startCluster, type Cluster } from "../support/cluster";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

// Server 0 flushes only at shutdown (within this test's time); servers 1 and 2 twice a second.
const FLUSH_MS = 500;
const nodeEnv = (index: number) => ({ API_NODE_USAGE_FLUSH_MS: String(index === 0 ? 3_600_000 : FLUSH_MS) });

let cluster: Cluster;
let owner: TestUser;

beforeAll(async () => {
  cluster = await startCluster({ size: 3, databaseUrl: inject("databaseUrl"), nodeEnv });
  owner = await createWorkspace({ workspaceName: "Usage cluster" });
}, 60_000);
afterAll(() => cluster?.stop());

async function makeKey(name: string) {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name, description: null, policy: { rateLimit: null } });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

/** Valid requests stored for a key, and in how many rows (one per hour bucket). */
async function stored(keyId: string) {
  const [row] = await getDb().execute<{ n: string; rows: string }>(sql`select coalesce(sum(count), 0) as n, count(*) as rows from key_usage where api_key_id = ${keyId} and outcome = 'valid'`);
  return { count: Number(row!.n), rows: Number(row!.rows) };
}

async function sendMany(secret: string, server: number, n: number) {
  for (let i = 0; i < n; i++) expect((await cluster.send({ path: "/api/v1/me", key: secret, server })).status).toBe(200);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, FLUSH_MS * 3));

describe("usage counted by several servers", () => {
  it("adds two servers' counts up in the same buckets", async () => {
    const { apiKey, secret } = await makeKey("two-servers");
    await Promise.all([sendMany(secret, 1, 30), sendMany(secret, 2, 20)]);
    await settle();
    const { count, rows } = await stored(apiKey.id);
    expect(count).toBe(50);
    // One row per hour: two if the test straddled an hour boundary, never one per server.
    expect(rows).toBeLessThanOrEqual(2);
  });

  it("flushes what a server counted when it is stopped with SIGTERM", async () => {
    const { apiKey, secret } = await makeKey("sigterm");
    await sendMany(secret, 0, 25);
    // Server 0 would not flush for an hour: only its shutdown can have written these.
    expect((await stored(apiKey.id)).count).toBe(0);
    await cluster.nodes[0]!.stop();
    expect((await stored(apiKey.id)).count).toBe(25);
  });

  it("loses at most the counts since the last flush when a server is killed with SIGKILL", async () => {
    const { apiKey, secret } = await makeKey("sigkill");
    await sendMany(secret, 2, 10);
    await settle();
    expect((await stored(apiKey.id)).count).toBe(10);
    await sendMany(secret, 2, 5);
    const exited = new Promise<void>((resolve) => cluster.nodes[2]!.onExit(resolve));
    process.kill(cluster.nodes[2]!.pid, "SIGKILL");
    await exited;
    const { count } = await stored(apiKey.id);
    // The five sent after the last flush may or may not have been flushed before the kill.
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(15);
  });
});
