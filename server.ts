// The one process of Switchboard (DESIGN.md "Serving"): starts or reuses the database, applies
// migrations, then serves /api/v1/* with Hono and everything else with Next, on one port.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import nextEnv from "@next/env";
import next from "next";
import { closeDb } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { startPlatformApi } from "@/lib/api/platform";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { getEnv, setResolvedEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/security-headers";

async function main() {
  // .env files, read the way Next reads them, before our own settings are parsed.
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
  const env = getEnv();
  const dev = env.NODE_ENV !== "production";

  const authSecret = env.AUTH_SECRET ?? (await readOrCreateAuthSecret(env.DATA_DIR));
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_POSTGRES_PORT });
    databaseUrl = embedded.url;
  }
  setResolvedEnv({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret });
  await applyMigrations(databaseUrl);

  const api = await startPlatformApi();
  // Hono's lightweight Request/Response (the adapter's default) roughly double the API's
  // throughput (npm run bench); they stand in for the global classes transparently, and the
  // end-to-end suite runs the dashboard on them too.
  const handleApi = getRequestListener(api.app.fetch);
  const nextApp = next({ dev, hostname: "localhost", port: env.PORT });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const headers = securityHeaders({ dev });

  const server = createServer((req, res) => {
    // Only this server says who the client is; a client-sent value is overwritten.
    req.headers[CLIENT_IP_HEADER] = clientIp(req, env.TRUST_PROXY);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? "/";
    if (url === "/api/v1" || url.startsWith("/api/v1/") || url.startsWith("/api/v1?")) {
      void handleApi(req, res);
    } else {
      void handleNext(req, res);
    }
  });
  server.listen(env.PORT, env.HOST, () => {
    console.log(
      `> Switchboard ready on http://localhost:${env.PORT} (${dev ? "development" : "production"}, ` +
        `${embedded ? "embedded PostgreSQL" : "DATABASE_URL"})`,
    );
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: shutting down`);
    server.closeIdleConnections();
    // Each step runs even if one before it fails, so the embedded database is always stopped.
    const steps: [string, () => Promise<unknown>][] = [
      ["http server", () => new Promise((resolve) => server.close(resolve))],
      ["api", () => api.stop()],
      ["next", () => nextApp.close()],
      ["database pool", () => closeDb()],
      ["embedded PostgreSQL", async () => embedded?.stop()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      await step().catch((error) => {
        failed = true;
        console.error(`> stopping ${name} failed:`, error);
      });
    }
    process.exit(failed ? 1 : 0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded) {
    return forwarded.split(",")[0]!.trim();
  }
  return req.socket.remoteAddress ?? "unknown";
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

main().catch((error) => {
  console.error("Switchboard failed to start:", error);
  process.exit(1);
});
