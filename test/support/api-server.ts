// The /api/v1 app served over real HTTP on a free port behind the same request listener as
// server.ts, against the test database, with the verifier's clock under the test's control; and a
// client that sends a key the usual way. The listener trusts one proxy, so `ip` is sent as
// X-Forwarded-For and becomes the client address the app sees.
import { getDb } from "@/db/client";
import { keyLookupFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { createApiApp } from "@/lib/api/app";
import { cachedLookup, getKeyCache } from "@/lib/keys/cache";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createKeyVerifier } from "@/lib/keys/verify";
import { serveApi } from "./serve-api";

export type ApiRequest = { method?: string; path: string; origin?: string; ip?: string; body?: unknown; headers?: Record<string, string> };
export type ApiResponse = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function startApiServer(options: { now?: () => number } = {}) {
  const db = getDb();
  // The process's own cache, as in production: the services evict from it after each change.
  const verifyRequest = createKeyVerifier({ lookup: cachedLookup(getKeyCache(), keyLookupFrom(db)), now: options.now });
  const app = createApiApp({ verifyRequest, origins: new OriginIndex(publicOriginsFrom(db), 0) });
  const { server, base } = await serveApi(app.fetch);

  async function send(secret: string | null, request: ApiRequest): Promise<ApiResponse> {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method ?? "GET",
      headers: {
        ...(secret ? { "X-API-Key": secret } : {}),
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

  return { base, send, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
