// The one process of Switchboard (README "Architecture"): starts or reuses the database, applies
// migrations, then serves /api/v1/* with Hono and everything else with Next, on one port.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import nextEnv from "@next/env";
import next from "next";
import { closeDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { startPlatformApi } from "@/lib/api/platform";
import { getEnv, setResolvedEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { API_HEADERS, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { logError } from "@/lib/server/error-log";
import { Health } from "@/lib/server/health";
import { getMetrics, startMetricsServer } from "@/lib/server/metrics";
import { loadPageHeaders } from "@/lib/server/page-headers";
import { answerClientError, answerStarting, createRequestListener } from "@/lib/server/request-listener";

// What to undo on shutdown, newest first. Registered as each piece starts, so a failed start
// still stops what it had started (above all the embedded database).
const cleanups: [string, () => Promise<unknown>][] = [];
const onShutdown = (name: string, step: () => Promise<unknown>) => cleanups.unshift([name, step]);

// What GET /readyz answers: 503 until everything below has started, and again while draining.
const health = new Health();

async function main() {
  // .env files, read the way Next reads them, before our own settings are parsed.
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
  const env = getEnv();
  const dev = env.NODE_ENV !== "production";

  // Listen first, so that a balancer sees "starting" (503 on /readyz) rather than a refused
  // connection, and a taken port fails the start before anything else is started.
  const starting = createRequestListener({
    handleApi: answerStarting,
    handleNext: answerStarting,
    trustedProxies: env.TRUST_PROXY,
    pageHeaders: () => ({}),
    apiHeaders: API_HEADERS,
    strictTransportSecurity: STRICT_TRANSPORT_SECURITY,
    health,
  });
  let listener = starting;
  const server = createServer((req, res) => listener(req, res));
  server.on("clientError", answerClientError);
  // A client gets a minute to send its whole request (Node's default is five): a slow body
  // must not hold a connection, and a buffered server-action body, for long.
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject); // e.g. EADDRINUSE: fail the start cleanly
    server.listen(env.PORT, env.HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => logError("server", error, "http server error"));
  onShutdown("http server", () => {
    // Give requests in flight five seconds, then close whatever is still open.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
    server.closeIdleConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  const authSecret = env.AUTH_SECRET ?? (await readOrCreateAuthSecret(env.DATA_DIR));
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_POSTGRES_PORT });
    onShutdown("embedded PostgreSQL", () => embedded.stop());
    databaseUrl = embedded.url;
  }
  setResolvedEnv({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret });
  await applyMigrations(databaseUrl);
  onShutdown("database pool", () => closeDb());

  const api = await startPlatformApi();
  onShutdown("api", () => api.stop());
  const metrics = getMetrics();
  if (env.METRICS_PORT) {
    const metricsServer = await startMetricsServer(env.METRICS_PORT, env.HOST);
    onShutdown("metrics server", () => new Promise((resolve) => metricsServer.close(resolve)));
  }
  // Hono's lightweight Request/Response (the adapter's default) give the API about 1.7 times
  // the throughput of real ones (npm run bench); they stand in for the global classes
  // transparently, and the end-to-end suite runs the dashboard on them too.
  const handleApi = getRequestListener(api.app.fetch);
  const nextApp = next({ dev, hostname: "localhost", port: env.PORT });
  await nextApp.prepare();
  onShutdown("next", () => nextApp.close());
  listener = createRequestListener({
    handleApi,
    handleNext: nextApp.getRequestHandler(),
    trustedProxies: env.TRUST_PROXY,
    pageHeaders: loadPageHeaders(env.NEXT_DIST_DIR, { dev }),
    apiHeaders: API_HEADERS,
    strictTransportSecurity: STRICT_TRANSPORT_SECURITY,
    health,
    metrics,
  });
  health.ready(api.health);
  log.info(
    `Switchboard ready on http://localhost:${env.PORT} (${dev ? "development" : "production"}, ` +
      `${env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL"}, Node ${process.version})`,
  );
}

let stopping = false;
async function shutdown(reason: string, exitCode: number) {
  if (stopping) return;
  stopping = true;
  log.info(`${reason}: shutting down`);
  // From now on /readyz answers 503, so a balancer stops sending new requests.
  health.drain();
  // A signal during start waits for the start to finish (or fail), so that everything it
  // started is registered below and stopped, rather than left running (a postmaster, say).
  await started.catch(() => {});
  // Whatever hangs, the process ends.
  setTimeout(() => {
    log.error("shutdown took over 20 s; exiting");
    process.exit(1);
  }, 20_000).unref();
  // Each step runs even if one before it fails, so the embedded database is always stopped.
  for (const [name, step] of cleanups) {
    await step().catch((error) => {
      exitCode = 1;
      logError("server", error, `stopping ${name} failed`);
    });
  }
  process.exit(exitCode);
}

/** A generated secret kept under DATA_DIR, so sessions survive restarts with zero configuration. */
async function readOrCreateAuthSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
const started = main();
started.catch(async (error) => {
  logError("server", error, "Switchboard failed to start");
  await shutdown("failed start", 1);
});
