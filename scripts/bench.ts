// `npm run bench`: figures, not pass/fail.
//  1. In-process costs of the verification steps (no network, no database).
//  2. Through the real server.ts (production build) on a throwaway embedded PostgreSQL, with
//     autocannon: the key check beside a bare node:http server, 100,000 keys, a flood of unknown
//     keys (scripts/bench-hot-path.ts), and the cost of key policies.
//  3. The audit log's keyset pages on a workspace holding 100,000 events.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { closeDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { cachedLookup, KeyCache } from "@/lib/keys/cache";
import { displayParts, generateKey, parseKey } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { compileIpAllowlist } from "@/lib/keys/ip-allowlist";
import { compileOrigins } from "@/lib/keys/origins";
import { SCOPE_PRESETS } from "@/lib/keys/scopes";
import { createKeyVerifier, type KeyRecord } from "@/lib/keys/verify";
import { setResolvedEnv } from "@/lib/env";
import { UsageRecorder } from "@/lib/usage/recorder";
import { hasRedisServer, startRedisServer } from "../test/support/redis";
import { benchHotPath, rssMiB } from "./bench-hot-path";
import { benchRateLimiter } from "./bench-rate-limit";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3200);

async function timeIt(label: string, iterations: number, fn: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 1000; i++) await fn();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  const ns = Number(process.hrtime.bigint() - started) / iterations;
  console.log(`  ${label.padEnd(44)} ${(1e9 / ns).toFixed(0).padStart(10)} ops/s  ${(ns / 1000).toFixed(2)} µs/op`);
}

async function inProcess() {
  console.log("In-process key check (one core):");
  const key = generateKey("private");
  const record: KeyRecord = {
    id: "k",
    workspaceId: "w",
    workspaceName: "W",
    name: "n",
    type: "private",
    status: "active",
    expiresAt: null,
    revokedAt: null,
    rolledToId: null,
    permissions: SCOPE_PRESETS.full_access,
    allowedAgents: [],
    allowTransientAgents: false,
    allowedIps: [],
    origins: [],
    ipRanges: [],
    rateLimit: null,
  };
  const verify = createKeyVerifier({ lookup: cachedLookup(new KeyCache(), async () => record) });
  const headers = (name: string) => (name === "x-api-key" ? key : null);
  await timeIt("parseKey (format + CRC32 checksum)", 200_000, () => parseKey(key));
  await timeIt("hashKey (SHA-256)", 200_000, () => hashKey(key));
  await timeIt("verify, cache hit (extract→parse→hash→LRU)", 200_000, () => verify(headers));
  await timeIt("verify, malformed key (no hash, no lookup)", 200_000, () => verify(() => "swb_sk_short"));
  // Every policy a private key can carry, from a request that passes them all.
  const restrictedKey = generateKey("private");
  const restricted: KeyRecord = {
    ...record,
    permissions: SCOPE_PRESETS.read_only,
    allowedAgents: Array.from({ length: 5 }, (_, i) => `agent-${i}`),
    allowedIps: ["10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32", "198.51.100.0/24", "127.0.0.1"],
    ipRanges: compileIpAllowlist(["10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32", "198.51.100.0/24", "127.0.0.1"]),
    expiresAt: new Date(Date.now() + 86_400_000),
  };
  const verifyRestricted = createKeyVerifier({ lookup: cachedLookup(new KeyCache(), async () => restricted) });
  const restrictedHeaders = (name: string) => (name === "x-api-key" ? restrictedKey : null);
  await timeIt("verify, fully restricted key (+IPs, expiry)", 200_000, () => verifyRestricted(restrictedHeaders, { ip: "127.0.0.1" }));
  const publicKey = generateKey("public");
  const verifyPublic = createKeyVerifier({
    lookup: cachedLookup(new KeyCache(), async () => ({ ...record, type: "public", origins: compileOrigins(["https://a.example.com", "https://*.example.org", "http://localhost:3000"]) })),
  });
  await timeIt("verify, public key from an allowed origin", 200_000, () =>
    verifyPublic((name) => (name === "x-api-key" ? publicKey : null), { origin: "http://localhost:3000" }),
  );
  // What counting a request for usage adds (lib/usage/recorder.ts): memory only, no flush here.
  const usage = new UsageRecorder({ record: async () => {} });
  const keys = Array.from({ length: 1_000 }, (_, i) => ({ id: `key-${i}`, workspaceId: "w" }));
  let next = 0;
  await timeIt("usage count, valid (1,000 keys in turn)", 1_000_000, () => usage.count(keys[next++ % keys.length]!, "valid"));
}

async function overHttp() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-bench-"));
  const database = await startEmbeddedPostgres({ dataDir, port: 54349 });
  await applyMigrations(database.url);
  setResolvedEnv({ DATABASE_URL: database.url });
  // Imported after DATABASE_URL is set: these modules use the app's database client. They
  // import `server-only`, which `--conditions=react-server` (package.json) resolves to nothing.
  const { signUp } = await import("@/lib/services/accounts");
  const { createApiKey } = await import("@/lib/services/api-keys");
  const email = `bench-${Date.now()}@example.com`;
  const user = await signUp({ name: "Bench", email, passwordHash: "x", workspaceName: "Bench" }, { ip: null, userAgent: null });
  if (!user.ok || !user.workspaceId) throw new Error("could not create the bench workspace");
  const actor = { type: "user", id: user.userId, email, ip: null, userAgent: null } as const;
  // Benchmarks measure the key check, not the rate limiter (measured on its own): no rate limit.
  const created = await createApiKey(actor, { workspaceId: user.workspaceId, type: "private", name: "bench", description: null, policy: { rateLimit: null } });
  if (!created.ok) throw new Error("could not create the bench key");
  // For the cost of policies: an agent, a key with none, and a key with every restriction a
  // request from this machine passes.
  const { createAgent } = await import("@/lib/services/agents");
  const agent = await createAgent(actor, { workspaceId: user.workspaceId, name: "Bench agent", description: null, voice: "aria", firstMessage: "Hi" });
  const open = await createApiKey(actor, { workspaceId: user.workspaceId, type: "private", name: "open", description: null, policy: { rateLimit: null } });
  const restricted = await createApiKey(actor, {
    workspaceId: user.workspaceId,
    type: "private",
    name: "restricted",
    description: null,
    policy: {
      permissions: SCOPE_PRESETS.read_only,
      allowedAgents: [agent.id],
      allowedIps: ["10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32", "198.51.100.0/24", "127.0.0.1"],
      expiresAt: new Date(Date.now() + 86_400_000),
      rateLimit: null,
    },
  });
  // A limit high enough never to refuse: what counting every request costs.
  const limited = await createApiKey(actor, { workspaceId: user.workspaceId, type: "private", name: "limited", description: null, policy: { rateLimit: { perSecond: 100_000, burst: 1_000_000 } } });
  if (!open.ok || !restricted.ok || !limited.ok) throw new Error("could not create the policy keys");
  const spreadKeys = await insertKeys(user.workspaceId, user.userId, 100_000);
  await closeDb();

  // Node with tsx's loader in one process, so the pid below is the server itself.
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_URL: database.url, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready on") && resolve());
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });

  try {
    await auditLog(database.url, user.workspaceId);
    await benchHotPath({ base: `http://127.0.0.1:${PORT}`, secret: created.created.secret, spreadKeys, serverPid: server.pid! });
    await keyCost("GET /api/v1/agents/{id}: key policies on the hot path", `http://127.0.0.1:${PORT}/api/v1/agents/${agent.id}`, { base: open.created.secret, other: restricted.created.secret }, "policies (read-only scopes, 1 allowed agent, 5 IP ranges, an expiry)");
    await keyCost("GET /api/v1/me: the rate limiter on the hot path (in memory)", `http://127.0.0.1:${PORT}/api/v1/me`, { base: open.created.secret, other: limited.created.secret }, "a rate limit never reached (100,000/s)");
    console.log(`  server resident memory after the runs: ${(await rssMiB(server.pid!)).toFixed(0)} MiB`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `count` live private keys in one workspace, inserted in batches; returns their plaintexts. */
async function insertKeys(workspaceId: string, userId: string, count: number): Promise<string[]> {
  const { getDb } = await import("@/db/client");
  const { apiKeys } = await import("@/db/schema");
  const secrets: string[] = [];
  for (let offset = 0; offset < count; offset += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, count - offset) }, (_, i) => {
      const secret = generateKey("private");
      secrets.push(secret);
      return {
        workspaceId,
        type: "private" as const,
        name: `spread-${offset + i}`,
        hash: hashKey(secret),
        ...displayParts(secret),
        createdByType: "user" as const,
        createdByUserId: userId,
        createdByLabel: "bench",
      };
    });
    await getDb().insert(apiKeys).values(batch);
  }
  return secrets;
}

/** The same request with two keys, taking turns: what the second key's extra checks cost. */
async function keyCost(title: string, url: string, keys: { base: string; other: string }, costOf: string) {
  console.log(`\n${title} (autocannon, ${CONNECTIONS} connections, ${DURATION} s a run, alternating):`);
  const rates: Record<"base" | "other", number[]> = { base: [], other: [] };
  for (let round = 0; round < 2; round++) {
    for (const which of ["base", "other"] as const) {
      const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { "x-api-key": keys[which] } });
      if (result.non2xx > 0) throw new Error(`${which} key: ${result.non2xx} non-2xx answers`);
      rates[which].push(result.requests.average);
      console.log(`  ${`${which === "base" ? "without" : "with"}, run ${round + 1}`.padEnd(44)} ${result.requests.average.toFixed(0).padStart(8)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms`);
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`  ${costOf} cost ${((1 - mean(rates.other) / mean(rates.base)) * 100).toFixed(1)} % of throughput`);
}

/** Pages of the audit log, as the page and the CSV export read them, with 100,000 events. */
async function auditLog(url: string, workspaceId: string) {
  setResolvedEnv({ DATABASE_URL: url });
  const { getDb } = await import("@/db/client");
  const { listAuditEvents, streamAuditEvents } = await import("@/db/queries/audit");
  const { sql } = await import("drizzle-orm");
  const db = getDb();
  const actions = ["api_key.created", "api_key.disabled", "api_key.enabled", "api_key.revoked", "member.role_changed"];
  await db.execute(sql`
    insert into audit_events (workspace_id, occurred_at, actor_type, actor_label, action, target_type, target_label, metadata)
    select ${workspaceId}, now() - make_interval(secs => 100000 - n), 'user', 'user' || (n % 20) || '@example.com',
      (${sql.raw(`array['${actions.join("','")}']`)})[1 + n % 5], 'api_key', 'key-' || n, '{}'::jsonb
    from generate_series(1, 100000) n`);
  await db.execute(sql`analyze audit_events`);
  const middle = (await listAuditEvents(db, workspaceId, {}, { limit: 50_000 })).events.at(-1)!.id;
  console.log("\nAudit log, 100,000 events in one workspace (50 events a page, mean of 200 reads):");
  const time = async (label: string, read: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await read();
    const started = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) await read();
    console.log(`  ${label.padEnd(44)} ${(Number(process.hrtime.bigint() - started) / 200 / 1e6).toFixed(2).padStart(8)} ms`);
  };
  await time("first page", () => listAuditEvents(db, workspaceId, {}));
  await time("a page halfway down (keyset)", () => listAuditEvents(db, workspaceId, {}, { before: middle }));
  await time("filtered by action", () => listAuditEvents(db, workspaceId, { action: "api_key.revoked" }, { before: middle }));
  await time("filtered by actor", () => listAuditEvents(db, workspaceId, { actor: "user7@example.com" }, { before: middle }));
  const dayAgo = new Date(Date.now() - 86_400_000);
  await time("filtered by a date range", () => listAuditEvents(db, workspaceId, { from: dayAgo, to: new Date() }));
  const started = process.hrtime.bigint();
  let exported = 0;
  for await (const _event of streamAuditEvents(db, workspaceId, {})) exported++;
  console.log(`  ${"all of it, as the CSV export reads it".padEnd(44)} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0).padStart(8)} ms (${exported} events)`);
  await closeDb();
}

await inProcess();
const redis = hasRedisServer() ? await startRedisServer() : null;
await benchRateLimiter({ redisUrl: redis?.url });
await redis?.stop();
await overHttp();
