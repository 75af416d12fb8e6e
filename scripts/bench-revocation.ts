// `npm run bench:revocation`: how fast a disabled key is refused by the other servers. Figures,
// not pass/fail. Three API servers (test/support/api-node.ts: each a process with its own key
// cache, LISTEN connection and row in the server registry) on a throwaway embedded PostgreSQL.
// Fifty times: create a key, warm every server's cache with it, disable it through server 0
// (PATCH /api/v1/api-keys/{id}), and poll servers 1 and 2 back to back until both refuse it.
// Three runs: servers idle; servers saturated (autocannon on all three); server 2's LISTEN
// connection cut (it stays down for the run). Prints the median and maximum, and the receipts'
// own figures. Targets: maximum under 1 s in every run, median under 50 ms.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { setResolvedEnv } from "@/lib/env";
import { startCluster, type Cluster } from "@/test/support/cluster";

const ROUNDS = Number(process.env.BENCH_REVOCATION_ROUNDS ?? 50);
const LOAD_CONNECTIONS = Number(process.env.BENCH_REVOCATION_CONNECTIONS ?? 10);
// Pause between two polls of one server. 0 polls back to back, which on a 2-core machine is a
// load of its own (two loops here, two servers answering) that slows the change it measures.
const POLL_MS = Number(process.env.BENCH_REVOCATION_POLL_MS ?? 1);

/** ms: until both refused; patchMs: until the PATCH answered; pollMs: a poll's mean round trip. */
type Round = { ms: number; patchMs: number; pollMs: number; receipt: { servers: number; confirmed: number; ms: number } };

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-bench-revocation-"));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  let cluster: Cluster | undefined;
  const load: ChildProcess[] = [];
  try {
    await applyMigrations(database.url);
    setResolvedEnv({ DATABASE_URL: database.url });
    // After DATABASE_URL is set: these use the app's database client (and import `server-only`,
    // which `--conditions=react-server` in package.json resolves to nothing).
    const { signUp } = await import("@/lib/services/accounts");
    const { createApiKey } = await import("@/lib/services/api-keys");
    const { closeDb } = await import("@/db/client");
    const email = `bench-${Date.now()}@example.com`;
    const user = await signUp({ name: "Bench", email, passwordHash: "x", workspaceName: "Bench" }, { ip: null, userAgent: null });
    if (!user.ok || !user.workspaceId) throw new Error("could not create the bench workspace");
    const workspaceId = user.workspaceId;
    const actor = { type: "user", id: user.userId, email, ip: null, userAgent: null } as const;
    const newKey = async (name: string) => {
      const created = await createApiKey(actor, { workspaceId, type: "private", name: `${name}-${Date.now()}-${Math.random()}`, description: null });
      if (!created.ok) throw new Error(`could not create a key: ${created.reason}`);
      return created.created;
    };
    const admin = (await newKey("admin")).secret;
    const loadKey = (await newKey("load")).secret;

    // Server 2's LISTEN connection, once cut, stays down for the rest of the run.
    cluster = await startCluster({ size: 3, databaseUrl: database.url, nodeEnv: (index): Record<string, string> => (index === 2 ? { API_NODE_LISTEN_RETRY_MS: "3600000" } : {}) });
    const servers = cluster;
    console.log(`Revocation across 3 API servers on one PostgreSQL (${cpus().length} cores, ${cpus()[0]?.model.trim()}, Node ${process.version}), ${ROUNDS} keys a run:`);
    console.log("  from the PATCH that disables a key on server 0 until servers 1 and 2 both answer it 401\n");

    async function round(): Promise<Round> {
      const key = await newKey("target");
      for (const server of [0, 1, 2]) {
        // Twice: the second answer comes from the cache (where the server trusts it).
        for (let i = 0; i < 2; i++) {
          const status = (await servers.send({ path: "/api/v1/me", key: key.secret, server })).status;
          if (status !== 200) throw new Error(`warming server ${server}: ${status}`);
        }
      }
      const started = performance.now();
      let polls = 0;
      const refusedAt = (server: number) =>
        (async () => {
          for (;;) {
            const { status } = await servers.send({ path: "/api/v1/me", key: key.secret, server });
            polls++;
            if (status === 401) return performance.now();
            if (status !== 200) throw new Error(`server ${server} answered ${status}`);
            if (POLL_MS > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
        })();
      const [[disabled, answered], one, two] = await Promise.all([
        servers
          .send({ method: "PATCH", path: `/api/v1/api-keys/${key.apiKey.id}`, key: admin, body: { status: "disabled" }, server: 0 })
          .then((response) => [response, performance.now()] as const),
        refusedAt(1),
        refusedAt(2),
      ]);
      if (disabled.status !== 200) throw new Error(`PATCH answered ${disabled.status}`);
      const last = Math.max(one, two);
      // Two pollers ran side by side until the last refusal: each poll's round trip, on average.
      return { ms: last - started, patchMs: answered - started, pollMs: (2 * (last - started)) / polls, receipt: disabled.body.propagation };
    }

    async function run(label: string) {
      const rounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) rounds.push(await round());
      report(label, rounds);
    }

    await run("idle");

    // Each load generator a process of its own, so that it does not slow this one's polling.
    for (const node of servers.nodes) {
      load.push(
        spawn(process.execPath, ["--input-type=module", "-e", LOAD_GENERATOR, `http://127.0.0.1:${node.port}/api/v1/me`, String(LOAD_CONNECTIONS), loadKey], {
          stdio: ["ignore", "pipe", "inherit"],
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const loadStarted = performance.now();
    await run(`saturated (autocannon, ${LOAD_CONNECTIONS} connections on each server)`);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const served = await Promise.all(load.splice(0).map(stopLoad));
    console.log(`    load served meanwhile: ${Math.round(served.reduce((a, b) => a + b, 0) / (loadSeconds + 2)).toLocaleString("en")} req/s across the three servers\n`);

    await servers.cutListen(2);
    await run("server 2's LISTEN connection cut");
    await closeDb();
  } finally {
    await Promise.all(load.map(stopLoad));
    await cluster?.stop();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(label: string, rounds: Round[]) {
  const ms = rounds.map((r) => r.ms).sort((a, b) => a - b);
  const receipts = rounds.map((r) => r.receipt);
  const tally = new Map<string, number>();
  for (const r of receipts) tally.set(`${r.confirmed} of ${r.servers}`, (tally.get(`${r.confirmed} of ${r.servers}`) ?? 0) + 1);
  const receiptMs = receipts.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`  ${label}:`);
  console.log(`    refused by both other servers after: median ${fmt(quantile(ms, 0.5))} ms, p90 ${fmt(quantile(ms, 0.9))} ms, max ${fmt(ms.at(-1)!)} ms`);
  console.log(
    `    receipts: ${[...tally].map(([k, n]) => `${n} × ${k}`).join(", ")} servers; their ms: median ${quantile(receiptMs, 0.5)}, max ${receiptMs.at(-1)}`,
  );
  // The PATCH answers once the acks are in: what came before them is the request and its transaction.
  const untilNotify = rounds.map((r) => r.patchMs - r.receipt.ms).sort((a, b) => a - b);
  const poll = rounds.map((r) => r.pollMs).sort((a, b) => a - b);
  console.log(`    where the time goes (medians): request and transaction until the NOTIFY ${fmt(quantile(untilNotify, 0.5))} ms; one poll's round trip ${fmt(quantile(poll, 0.5))} ms\n`);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const fmt = (ms: number) => ms.toFixed(1);

// autocannon until SIGTERM, then its request count on stdout. Args: url, connections, key.
const LOAD_GENERATOR = `
import autocannon from "autocannon";
const instance = autocannon({ url: process.argv[1], connections: Number(process.argv[2]), duration: 3600, headers: { "x-api-key": process.argv[3] } });
process.on("SIGTERM", () => instance.stop());
instance.then((result) => { console.log(JSON.stringify({ total: result.requests.total, non2xx: result.non2xx })); process.exit(0); });
`;

/** Stops a load generator and returns the requests it sent. */
function stopLoad(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(0);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once("exit", () => {
      try {
        resolve((JSON.parse(output) as { total: number }).total);
      } catch {
        resolve(0);
      }
    });
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

await main();
