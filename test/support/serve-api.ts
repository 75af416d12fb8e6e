// Serves a Hono API app over real HTTP on a free port behind the request listener server.ts uses
// (its headers, request ids, client address), trusting one proxy so tests can set the client
// address with X-Forwarded-For.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { API_HEADERS } from "@/lib/security-headers";
import { createRequestListener } from "@/lib/server/request-listener";

export async function serveApi(fetch: Parameters<typeof getRequestListener>[0]): Promise<{ server: Server; base: string }> {
  const server = createServer(
    createRequestListener({
      handleApi: getRequestListener(fetch),
      handleNext: (_req, res) => void res.writeHead(404).end(),
      trustedProxies: 1,
      pageHeaders: {},
      apiHeaders: API_HEADERS,
      strictTransportSecurity: "max-age=0",
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
