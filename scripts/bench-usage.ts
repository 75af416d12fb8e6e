// `npm run bench:usage`: what the PostgreSQL usage store costs with 1,000,000 hourly rows in one
// workspace (10,000 keys, the busiest thousand used every hour for 30 days): each dashboard
// question by range, one key's month, and a flush of 10,000 keys' counts. Figures, not pass/fail.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
} finally {
  await closeDb();
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
}
