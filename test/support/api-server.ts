// The /api/v1 app served over real HTTP on a free port, against the test database, with the
// verifier's clock under the test's control; and a client that sends a key the usual way.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { getDb } from "@/db/client";
import { keyLookupFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { createApiApp } from "@/lib/api/app";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { cachedLookup, getKeyCache } from "@/lib/keys/cache";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createRateLimiter, type KeyRateLimiter } from "@/lib/keys/rate-limit";
import { createKeyVerifier } from "@/lib/keys/verify";

export type ApiRequest = { method?: string; path: string; origin?: string; ip?: string; body?: unknown; headers?: Record<string, string> };
export type ApiResponse = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `rateLimiter`: the limiter to use (null: none); by default one of its own, counting in memory,
 * or in Redis at `redisUrl`.
 */
export async function startApiServer(options: { now?: () => number; rateLimiter?: KeyRateLimiter | null; redisUrl?: string } = {}) {
  const db = getDb();
  // The process's own cache, as in production: the services evict from it after each change.
  const verifyRequest = createKeyVerifier({ lookup: cachedLookup(getKeyCache(), keyLookupFrom(db)), now: options.now });
  const ownLimiter = options.rateLimiter === undefined ? createRateLimiter({ redisUrl: options.redisUrl }) : null;
  await ownLimiter?.ready();
  const rateLimiter = options.rateLimiter === undefined ? ownLimiter! : (options.rateLimiter ?? undefined);
  const app = createApiApp({ verifyRequest, origins: new OriginIndex(publicOriginsFrom(db), 0), rateLimiter });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function send(secret: string | null, request: ApiRequest): Promise<ApiResponse> {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method ?? "GET",
      headers: {
        ...(secret ? { "X-API-Key": secret } : {}),
        ...(request.origin ? { Origin: request.origin } : {}),
        ...(request.ip ? { [CLIENT_IP_HEADER]: request.ip } : {}),
        ...(request.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...request.headers,
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  return {
    base,
    send,
    rateLimiter,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ownLimiter?.stop();
    },
  };
}
