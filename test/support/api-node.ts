// One API server as a process of its own, for tests that need several servers on one database
// (test/support/cluster.ts): the same platform API and request listener server.ts mounts, on its
// own key cache, LISTEN connection and pool, with /healthz and /readyz; other requests outside
// /api/v1 get a 404 (no Next here).
// Env: DATABASE_URL (required), API_NODE_PORT (0: any free port), API_NODE_LISTEN_RETRY_MS (how
// long a cut LISTEN connection stays down before the first reconnect), API_NODE_USAGE_FLUSH_MS (how
// often usage counts are flushed), plus what the platform reads.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { closeDb } from "@/db/client";
import { startPlatformApi } from "@/lib/api/platform";
import { API_HEADERS } from "@/lib/security-headers";
import { Health } from "@/lib/server/health";
import { createRequestListener } from "@/lib/server/request-listener";

const retry = Number(process.env.API_NODE_LISTEN_RETRY_MS ?? 0);
const usageFlush = Number(process.env.API_NODE_USAGE_FLUSH_MS ?? 0);
const api = await startPlatformApi({ ...(retry > 0 && { listenRetryMs: retry }), ...(usageFlush > 0 && { usageFlushMs: usageFlush }) });
const health = new Health();
health.ready(api.health);
const server = createServer(
  createRequestListener({
    handleApi: getRequestListener(api.app.fetch),
    handleNext: (_req, res) => {
      res.writeHead(404).end();
    },
    trustedProxies: 1,
    pageHeaders: () => ({}),
    apiHeaders: API_HEADERS,
    strictTransportSecurity: "max-age=0",
    health,
  }),
);
server.listen(Number(process.env.API_NODE_PORT ?? 0), "127.0.0.1", () => {
  // The parent waits for this line.
  console.log(`api-node ready on ${(server.address() as AddressInfo).port} as ${api.serverId}`);
});

async function stop() {
  server.closeAllConnections();
  server.close();
  await api.stop().catch(() => {});
  await closeDb().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
