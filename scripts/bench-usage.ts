// `npm run bench:usage`: what the PostgreSQL usage store costs with 1,000,000 hourly rows in one
// workspace (10,000 keys, the busiest thousand used every hour for 30 days): each dashboard
// question by range, one key's month, and a flush of 10,000 keys' counts; then what counting
// costs on the hot path: GET /api/v1/me over HTTP with and without the recorder, in turns.
// Figures, not pass/fail.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { setResolvedEnv } from "@/lib/env";
import { presetRange, type UsagePreset } from "@/lib/usage/summary";
import { seedUsageRows } from "./seed-usage";

const dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-bench-usage-"));
const database = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_POSTGRES_PORT ?? 54351) });
try {
  await applyMigrations(database.url);
  setResolvedEnv({ DATABASE_URL: database.url });
  const { postgresUsageStore } = await import("@/db/queries/usage");
  const db = getDb();
  const [workspace] = await db.execute<{ id: string }>(sql`insert into workspaces (name) values ('Usage bench') returning id`);
  const workspaceId = workspace!.id;
  const keys = await db.execute<{ id: string }>(sql`
    insert into api_keys (workspace_id, type, name, hash, start, "end", created_by_type, created_by_label)
    select ${workspaceId}, 'private', 'key-' || i, md5(i::text || random()::text), 'swb_sk_abcd', 'wxyz', 'user', 'bench'
    from generate_series(1, 10000) as i
    returning id`);
  const keyIds = keys.map((key) => key.id);
  const started = performance.now();
  const rows = await seedUsageRows(db, workspaceId, keyIds, 1_000_000);
  const [size] = await db.execute<{ size: string }>(sql`select pg_size_pretty(pg_total_relation_size('key_usage')) as size`);
  console.log(`Seeded ${rows.toLocaleString("en")} usage rows for ${keyIds.length.toLocaleString("en")} keys in ${((performance.now() - started) / 1000).toFixed(1)} s (key_usage with its indexes: ${size!.size}; the daily rollup beside it)`);

  const store = postgresUsageStore(db);
  const median = async (fn: () => Promise<unknown>, runs = 7) => {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  console.log("\nMedian of 7, ms (the usage page runs the first two together):");
  for (const preset of ["24h", "7d", "30d"] as UsagePreset[]) {
    const range = presetRange(preset);
    const [scanned] = await db.execute<{ n: string }>(sql`select count(*) as n from key_usage where workspace_id = ${workspaceId} and bucket_start >= ${range.from.toISOString()} and bucket_start < ${range.to.toISOString()}`);
    const byBucket = await median(() => store.totalsByBucket({ workspaceId, ...range }));
    const byKey = await median(() => store.totalsByKey({ workspaceId, ...range }));
    console.log(`  ${preset.padEnd(4)} ${Number(scanned!.n).toLocaleString("en").padStart(9)} hourly rows   by bucket ${byBucket.toFixed(1).padStart(7)}   by key ${byKey.toFixed(1).padStart(7)}`);
  }
  const month = presetRange("30d");
  const oneKey = await median(() => store.totalsByBucket({ workspaceId, keyIds: [keyIds[0]!], ...month }));
  console.log(`  one key, 30 days by day (a key's page)          ${oneKey.toFixed(1).padStart(7)}`);
  const sparklines = await median(() => store.query({ workspaceId, keyIds: keyIds.slice(0, 20), ...presetRange("24h") }));
  console.log(`  20 keys, 24 hours by hour (a page of sparklines) ${sparklines.toFixed(1).padStart(6)}`);
  const bucketStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const flush = await median(
    () => store.record({ counts: keyIds.map((keyId) => ({ workspaceId, keyId, bucketStart, outcome: "valid" as const, count: 3 })), lastUsed: keyIds.map((keyId) => ({ keyId, at: new Date() })), rejected: [] }),
    5,
  );
  console.log(`  a flush of 10,000 keys' counts and last-used times (one statement) ${flush.toFixed(1)}`);
  await hotPathCost(database.url);
} finally {
  await closeDb();
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/** GET /api/v1/me through the same app without counting, counting usage, and with the first-request check, 5 s each in turn, 3 rounds. */
async function hotPathCost(databaseUrl: string) {
  const { createApiKey } = await import("@/lib/services/api-keys");
  // A workspace of its own: the one above holds as many keys as a workspace may.
  const [workspace] = await getDb().execute<{ id: string }>(sql`insert into workspaces (name) values ('Hot path') returning id`);
  const workspaceId = workspace!.id;
  const [owner] = await getDb().execute<{ id: string }>(sql`insert into users (name, email) values ('Bench', ${`bench-${Date.now()}@example.com`}) returning id`);
  const created = await createApiKey(
    { type: "user", id: owner!.id, email: "bench@example.com", ip: null, userAgent: null },
    { workspaceId, type: "private", name: "hot-path", description: null, policy: { rateLimit: null } },
  );
  if (!created.ok) throw new Error("could not create the bench key");
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/usage-cost-server.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const [without, counting, full] = await new Promise<[string, string, string]>((resolve, reject) => {
      server.stdout.on("data", (chunk: Buffer) => {
        const ready = /ready (\S+) (\S+) (\S+)/.exec(chunk.toString());
        if (ready) resolve([ready[1]!, ready[2]!, ready[3]!]);
      });
      server.once("exit", (code) => reject(new Error(`usage-cost-server exited with ${code}`)));
    });
    const load = async (base: string) => {
      const result = await autocannon({ url: `${base}/api/v1/me`, connections: 50, duration: 5, headers: { "x-api-key": created.created.secret } });
      if (result.non2xx) throw new Error(`${result.non2xx} answers were not 2xx`);
      return result.requests.average;
    };
    // Warm all three (JIT, key cache).
    for (const base of [without, counting, full]) await load(base);
    const rounds: { without: number; counting: number; full: number }[] = [];
    for (let round = 0; round < 3; round++) rounds.push({ without: await load(without), counting: await load(counting), full: await load(full) });
    const change = (value: number, base: number) => `${((value / base - 1) * 100).toFixed(1)} %`;
    console.log("\nGET /api/v1/me over HTTP, the /api/v1 app alone (no Next), 50 connections, 5 s per run:");
    for (const [index, round] of rounds.entries()) {
      console.log(
        `  round ${index + 1}: without counting ${round.without.toFixed(0)} req/s, counting usage ${round.counting.toFixed(0)} req/s (${change(round.counting, round.without)}), ` +
          `and the first request (onboarding) ${round.full.toFixed(0)} req/s (${change(round.full, round.counting)} against counting usage)`,
      );
    }
    const sum = (key: "without" | "counting" | "full") => rounds.reduce((total, round) => total + round[key], 0);
    console.log(`  overall: counting usage ${change(sum("counting"), sum("without"))}, then the first request ${change(sum("full"), sum("counting"))} (negative: slower)`);
  } finally {
    server.kill("SIGTERM");
  }
}
