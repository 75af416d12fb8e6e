// A real outage: an API server (a process of its own) on a PostgreSQL of this test's own, which
// the test stops and starts again. While it is stopped, a key checked a moment before keeps
// working (stale-if-error, for at most its TTL), and everything that needs the database is
// 503 service_unavailable with Retry-After and a hint, never a 500. Once PostgreSQL is back,
// the server recovers by itself (README "The database unreachable"), and acts on a leak report
// it answered during the outage.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { setResolvedEnv } from "@/lib/env";
import { generateKey } from "@/lib/keys/format";
import { createApiKey } from "@/lib/services/api-keys";
import { startCluster, type Cluster, type ClusterRequest } from "../support/cluster";
import { actorOf, createKey, createWorkspace } from "../support/fixtures";
import { freePort } from "../support/free-port";

let dataDir: string;
let port: number;
let database: EmbeddedDatabase;
let cluster: Cluster;
const keys = { cached: "", uncached: "", admin: "" };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-outage-"));
  port = await freePort();
  database = await startEmbeddedPostgres({ dataDir, port });
  await applyMigrations(database.url);
  // The fixtures write through the app's own pool: point it at this test's PostgreSQL for a moment.
  await closeDb();
  setResolvedEnv({ DATABASE_URL: database.url });
  try {
    const owner = await createWorkspace();
    keys.cached = (await createKey(owner, "cached")).secret;
    keys.uncached = (await createKey(owner, "uncached")).secret;
    const admin = await createApiKey(actorOf(owner), {
      workspaceId: owner.workspaceId,
      type: "private",
      name: "admin",
      description: null,
      policy: { rateLimit: null },
    });
    if (!admin.ok) throw new Error("fixture: no admin key");
    keys.admin = admin.created.secret;
  } finally {
    await closeDb();
    setResolvedEnv({ DATABASE_URL: inject("databaseUrl") });
  }
  cluster = await startCluster({ size: 1, databaseUrl: database.url, env: { API_NODE_LISTEN_RETRY_MS: "100" } });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await database?.stop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

const send = (key: string, request: Omit<ClusterRequest, "key">) => cluster.send({ ...request, key });

/** Asks `GET /api/v1/me` with `key` until it answers `status` or `ms` pass; returns the last answer. */
async function pollMe(key: string, status: number, ms: number) {
  const deadline = Date.now() + ms;
  let answer = await send(key, { path: "/api/v1/me" });
  while (answer.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await send(key, { path: "/api/v1/me" });
  }
  return answer;
}

function expectUnavailable(response: Awaited<ReturnType<Cluster["send"]>>, what: string) {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(503);
  expect(response.headers.get("retry-after"), what).toMatch(/^\d+$/);
  expect(response.body.error.code, what).toBe("service_unavailable");
  expect(response.body.error.hint, what).toMatch(/Retry-After/);
}

describe("PostgreSQL stopped under a running API server", () => {
  it("serves a cached key, answers 503 with Retry-After to every check and route that needs the database, and recovers by itself", async () => {
    // Before: the cached key is checked once (now in the cache), the others never.
    expect((await send(keys.cached, { path: "/api/v1/me" })).status).toBe(200);

    await database.stop();

    // A key checked a moment ago still works, on a route that needs nothing more.
    const cached = await send(keys.cached, { path: "/api/v1/me" });
    expect(cached.status, JSON.stringify(cached.body)).toBe(200);
    expect(cached.body.key.name).toBe("cached");

    // Keys the server has not seen: neither yes nor no, so retry.
    expectUnavailable(await send(generateKey("private"), { path: "/api/v1/me" }), "an unknown key");
    expectUnavailable(await send(keys.uncached, { path: "/api/v1/me" }), "a live key not in the cache");
    // A malformed key needs no database: still a 401.
    expect((await send("swb_sk_not-a-key", { path: "/api/v1/me" })).status).toBe(401);

    // The admin key, checked once now that the database is gone, is not cached either.
    expectUnavailable(await send(keys.admin, { path: "/api/v1/agents" }), "the admin key, never checked before");

    // The readiness check says so, and the server stays in the balancer.
    const ready = await cluster.send({ path: "/readyz" });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "degraded", database: "down" });

    // Back: no restart of the API server, no configuration; each key is served again.
    database = await startEmbeddedPostgres({ dataDir, port });
    expect((await pollMe(keys.uncached, 200, 30_000)).status).toBe(200);
    expect((await send(keys.admin, { path: "/api/v1/agents" })).status).toBe(200);
    expect((await send(generateKey("private"), { path: "/api/v1/me" })).status).toBe(401);
  }, 90_000);

  it("answers 503, not 500, to a cached key on a route that needs the database", async () => {
    expect((await send(keys.admin, { path: "/api/v1/agents" })).status).toBe(200); // cached now
    await database.stop();
    try {
      expectUnavailable(await send(keys.admin, { path: "/api/v1/agents" }), "GET /api/v1/agents");
      expectUnavailable(
        await send(keys.admin, { method: "POST", path: "/api/v1/agents", body: { name: "During", voice: "aria", first_message: "Hi" } }),
        "POST /api/v1/agents",
      );
      expectUnavailable(await send(keys.admin, { path: "/api/v1/api-keys" }), "GET /api/v1/api-keys");
      expectUnavailable(
        await send(keys.admin, { method: "POST", path: "/api/v1/api-keys", body: { name: "during", type: "private" }, headers: { "Idempotency-Key": "outage-1" } }),
        "POST /api/v1/api-keys with an Idempotency-Key",
      );
    } finally {
      database = await startEmbeddedPostgres({ dataDir, port });
    }
  }, 90_000);

  it("keeps a leak report made during the outage and disables the key once PostgreSQL is back", async () => {
    expect((await send(keys.cached, { path: "/api/v1/me" })).status).toBe(200);
    await database.stop();
    try {
      const report = await cluster.send({ method: "POST", path: "/api/v1/leaked-keys", body: { key: keys.cached, where: "https://example.com/during-the-outage.js" } });
      expect(report.status).toBe(202);
    } finally {
      database = await startEmbeddedPostgres({ dataDir, port });
    }
    // The report is tried again after 1, 2 and 5 s...: the key stops working without anyone resending it.
    const answer = await pollMe(keys.cached, 401, 45_000);
    expect(answer.status, JSON.stringify(answer.body)).toBe(401);
    expect(answer.body.error.hint).toMatch(/found in public/);
  }, 90_000);
});
