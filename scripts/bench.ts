// `npm run bench`: figures for the key check, not pass/fail.
//  1. In-process costs of the verification steps (no network, no database).
//  2. GET /api/v1/me through the real server.ts (production build) on a throwaway embedded
//     PostgreSQL: autocannon, 50 connections, 10 s, with a valid key and with an unknown one.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { closeDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { cachedLookup, KeyCache } from "@/lib/keys/cache";
import { generateKey, parseKey } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { createKeyVerifier, type KeyRecord } from "@/lib/keys/verify";
import { setResolvedEnv } from "@/lib/env";

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
  const record = { id: "k", workspaceId: "w", workspaceName: "W", name: "n", type: "private", status: "active", expiresAt: null, revokedAt: null } satisfies KeyRecord;
  const verify = createKeyVerifier({ lookup: cachedLookup(new KeyCache(), async () => record) });
  const headers = (name: string) => (name === "x-api-key" ? key : null);
  await timeIt("parseKey (format + CRC32 checksum)", 200_000, () => parseKey(key));
  await timeIt("hashKey (SHA-256)", 200_000, () => hashKey(key));
  await timeIt("verify, cache hit (extract→parse→hash→LRU)", 200_000, () => verify(headers));
  await timeIt("verify, malformed key (no hash, no lookup)", 200_000, () => verify(() => "swb_sk_short"));
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
  const created = await createApiKey(actor, { workspaceId: user.workspaceId, type: "private", name: "bench", description: null });
  if (!created.ok) throw new Error("could not create the bench key");
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
    const url = `http://127.0.0.1:${PORT}/api/v1/me`;
    const check = await fetch(url, { headers: { "X-API-Key": created.created.secret } });
    if (check.status !== 200) throw new Error(`valid key answered ${check.status}`);
    console.log(`\nGET /api/v1/me over HTTP (autocannon, ${CONNECTIONS} connections, ${DURATION} s, same machine):`);
    for (const [label, key] of [
      ["valid key (cached after the first request)", created.created.secret],
      ["unknown well-formed key (401)", generateKey("private")],
      ["malformed key (401, no lookup)", "swb_sk_nope"],
    ] as const) {
      const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { "x-api-key": key } });
      console.log(
        `  ${label.padEnd(44)} ${result.requests.average.toFixed(0).padStart(8)} req/s  ` +
          `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
      );
    }
    const status = await readFile(`/proc/${server.pid}/status`, "utf8").catch(() => "");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    if (rssKb) console.log(`  server resident memory after the runs: ${(rssKb / 1024).toFixed(0)} MiB`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await inProcess();
await overHttp();
