// GET /readyz through a database outage: an API server on a PostgreSQL of this test's own, which
// the test stops and starts again. The server stays in the balancer, reporting the database down
// (README "Operations"), and reports it up again once PostgreSQL is back.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { startCluster, type Cluster } from "../support/cluster";
import { freePort } from "../support/free-port";

let dataDir: string;
let port: number;
let database: EmbeddedDatabase;
let cluster: Cluster;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-readiness-"));
  port = await freePort();
  database = await startEmbeddedPostgres({ dataDir, port });
  await applyMigrations(database.url);
  cluster = await startCluster({ size: 1, databaseUrl: database.url });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await database?.stop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

async function readyzUntil(predicate: (body: { database?: string }) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await cluster.send({ path: "/readyz" });
    if (predicate(response.body) || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("GET /readyz through a database outage", () => {
  it("reports the database up, then down while PostgreSQL is stopped (still 200, degraded), then up again", async () => {
    const before = await cluster.send({ path: "/readyz" });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: "ok", database: "up" });

    await database.stop();
    const during = await readyzUntil((body) => body.database === "down");
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ status: "degraded", database: "down" });
    expect((await cluster.send({ path: "/healthz" })).status).toBe(200);

    database = await startEmbeddedPostgres({ dataDir, port });
    const after = await readyzUntil((body) => body.database === "up", 30_000);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ database: "up" });
  }, 90_000);
});
