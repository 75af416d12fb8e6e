// Serves a Hono API app over real HTTP on a free port behind the request listener server.ts uses
// (its headers, request ids, client address, its answer to requests Node cannot parse), trusting one proxy so tests can set the client
// address with X-Forwarded-For; and the client tests send API requests with.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { API_HEADERS } from "@/lib/security-headers";
import { answerClientError, createRequestListener } from "@/lib/server/request-listener";

export async function serveApi(fetch: Parameters<typeof getRequestListener>[0]): Promise<{ server: Server; base: string }> {
  const server = createServer(
    createRequestListener({
      handleApi: getRequestListener(fetch),
      handleNext: (_req, res) => void res.writeHead(404).end(),
      trustedProxies: 1,
      pageHeaders: () => ({}),
      apiHeaders: API_HEADERS,
      strictTransportSecurity: "max-age=0",
    }),
  );
  // As server.ts does: a request Node's parser refuses gets the 400 envelope, not a closed socket.
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export type ApiRequest = { method?: string; path: string; origin?: string; ip?: string; body?: unknown; headers?: Record<string, string> };
export type ApiResponse = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Sends `request` to `base` with `key` in X-API-Key, `ip` as the client address, `body` as JSON. */
export async function sendApiRequest(base: string, key: string | null | undefined, request: ApiRequest): Promise<ApiResponse> {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method ?? "GET",
    headers: {
      ...(key ? { "X-API-Key": key } : {}),
      ...(request.origin ? { Origin: request.origin } : {}),
      ...(request.ip ? { "X-Forwarded-For": request.ip } : {}),
      ...(request.body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...request.headers,
    },
    body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
