// The key check over HTTP, against the production server (npm run bench): GET /api/v1/me with a
// valid key beside a bare node:http server answering the same JSON (with no headers, and with our
// exact headers and a request id), GET /healthz, requests spread over 100,000 keys, and a flood
// of 200,000 unknown well-formed keys with the server's memory after each phase. Figures, not
// pass/fail; the targets are printed beside them (README "Performance").
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import autocannon from "autocannon";
import { generateKey } from "@/lib/keys/format";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3210);

type Run = { rps: number; p50: number; p99: number; non2xx: number };

/** A run of DURATION seconds, or of `amount` requests when given. */
async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, ...(options.amount ? {} : { duration: DURATION }), ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

const row = (label: string, run: Run) =>
  console.log(`  ${label.padEnd(52)} ${run.rps.toFixed(0).padStart(8)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms${run.non2xx ? `  non-2xx ${run.non2xx}` : ""}`);

/** A request whose X-API-Key is chosen anew for every request. */
function withKey(key: () => string): autocannon.Request {
  return { method: "GET", path: "/api/v1/me", setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-api-key": key() } }) };
}

export async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * A bare node:http server in a process of its own (as the app server is), on two ports: one
 * answering `body` with only Content-Type, one with the app's exact headers and a request id.
 */
async function startBareServer(body: string, headers: Record<string, string>) {
  const source = `
    const http = require("node:http");
    const body = ${JSON.stringify(body)};
    const headers = ${JSON.stringify(headers)};
    const prefix = "req_" + require("node:crypto").randomBytes(9).toString("base64url");
    let n = 0;
    http.createServer((req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(body); }).listen(${BARE_PORT}, "127.0.0.1");
    http.createServer((req, res) => { res.writeHead(200, { ...headers, "x-request-id": prefix + (n++).toString(36) }); res.end(body); })
      .listen(${BARE_PORT + 1}, "127.0.0.1", () => console.log("bare ready"));`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("bare ready") && resolve()));
  return { plain: `http://127.0.0.1:${BARE_PORT}/`, withHeaders: `http://127.0.0.1:${BARE_PORT + 1}/`, stop: () => child.kill() };
}

export async function benchHotPath(options: { base: string; secret: string; spreadKeys: string[]; serverPid: number }) {
  const me = `${options.base}/api/v1/me`;
  const sample = await fetch(me, { headers: { "X-API-Key": options.secret } });
  if (sample.status !== 200) throw new Error(`valid key answered ${sample.status}`);
  const body = await sample.text();
  const skipped = new Set(["date", "connection", "keep-alive", "content-length", "x-request-id"]);
  const headers = Object.fromEntries([...sample.headers].filter(([name]) => !skipped.has(name)));
  const bare = await startBareServer(body, headers);

  try {
    console.log(`\nGET /api/v1/me over HTTP (production server, autocannon ${CONNECTIONS} connections, ${DURATION} s a run, alternating):`);
    const runs: Record<"api" | "plain" | "headers", Run[]> = { api: [], plain: [], headers: [] };
    for (let round = 0; round < 2; round++) {
      runs.api.push(await load(me, { headers: { "x-api-key": options.secret } }));
      runs.plain.push(await load(bare.plain));
      runs.headers.push(await load(bare.withHeaders));
    }
    runs.api.forEach((run, i) => row(`valid key, run ${i + 1}`, run));
    runs.plain.forEach((run, i) => row(`bare node:http, same JSON, run ${i + 1}`, run));
    runs.headers.forEach((run, i) => row(`bare node:http, our headers + request id, run ${i + 1}`, run));
    row("GET /healthz", await load(`${options.base}/healthz`));
    const mean = (list: Run[]) => list.reduce((sum, run) => sum + run.rps, 0) / list.length;
    const single = mean(runs.api);
    console.log(`  authenticated / bare:                        ${(single / mean(runs.plain)).toFixed(2)}  (target ≥ 0.75)`);
    console.log(`  authenticated / bare with the same headers:  ${(single / mean(runs.headers)).toFixed(2)}  (target ≥ 0.90)`);

    console.log(`\n${options.spreadKeys.length.toLocaleString("en")} keys in the database, requests spread over all of them:`);
    // Each request picks a key at random (autocannon would otherwise walk one list in lockstep).
    const keys = options.spreadKeys;
    const requests = [withKey(() => keys[Math.floor(Math.random() * keys.length)]!)];
    // Cold: every key once, in order, so each request is a cache miss (one query).
    let next = 0;
    const cold = await load(me, { requests: [withKey(() => keys[next++ % keys.length]!)], amount: keys.length });
    row("every key once, cold cache (each a miss: one query)", cold);
    const warm = await load(me, { requests });
    row("at random over all of them, warm cache", warm);
    console.log(`  spread (warm) / single key:                  ${(warm.rps / single).toFixed(2)}  (target ≥ 0.5)`);
    console.log(`  spread (cold) / single key:                  ${(cold.rps / single).toFixed(2)}`);
    console.log(`  server resident memory:                      ${(await rssMiB(options.serverPid)).toFixed(0)} MiB`);

    console.log("\nA flood of 200,000 unknown well-formed keys (401), 50,000 a phase:");
    for (let phase = 1; phase <= 4; phase++) {
      const run = await load(me, { requests: [withKey(() => generateKey("private"))], amount: 50_000 });
      console.log(`  phase ${phase}: ${run.rps.toFixed(0).padStart(8)} req/s, server RSS after it ${(await rssMiB(options.serverPid)).toFixed(0)} MiB`);
    }
  } finally {
    bare.stop();
  }
}
