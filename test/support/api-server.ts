// The /api/v1 app served over real HTTP on a free port behind the same request listener as
// server.ts, against the test database, with the verifier's clock under the test's control; and a
// client that sends a key the usual way. The listener trusts one proxy, so `ip` is sent as
// X-Forwarded-For and becomes the client address the app sees.
import { getDb } from "@/db/client";
import { keyLookupFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { createApiApp } from "@/lib/api/app";
import { cachedLookup, getKeyCache } from "@/lib/keys/cache";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createRateLimiter, type KeyRateLimiter } from "@/lib/keys/rate-limit";
import { createKeyVerifier } from "@/lib/keys/verify";
import { FirstRequestRecorder } from "@/lib/onboarding/first-request";
import { recordFirstRequest } from "@/lib/services/onboarding";
import { UsageRecorder } from "@/lib/usage/recorder";
import { getUsageStore } from "@/lib/usage/store";
import { serveApi, sendApiRequest, type ApiRequest } from "./serve-api";

export type { ApiRequest, ApiResponse } from "./serve-api";

/**
 * `rateLimiter`: the limiter to use (null: none); by default one of its own, counting in memory,
 * or in Redis at `redisUrl`. Usage is counted by a recorder that flushes only when the test calls
 * `usage.flush()`.
 */
export async function startApiServer(options: { now?: () => number; rateLimiter?: KeyRateLimiter | null; redisUrl?: string } = {}) {
  const db = getDb();
  // The process's own cache, as in production: the services evict from it after each change.
  const verifyRequest = createKeyVerifier({ lookup: cachedLookup(getKeyCache(), keyLookupFrom(db)), now: options.now });
  const ownLimiter = options.rateLimiter === undefined ? createRateLimiter({ redisUrl: options.redisUrl }) : null;
  await ownLimiter?.ready();
  const rateLimiter = options.rateLimiter === undefined ? ownLimiter! : (options.rateLimiter ?? undefined);
  const usage = new UsageRecorder(getUsageStore(), { now: options.now });
  const firstRequests = new FirstRequestRecorder(recordFirstRequest);
  const app = createApiApp({ verifyRequest, origins: new OriginIndex(publicOriginsFrom(db), 0), rateLimiter, usage, firstRequests });
  const { server, base } = await serveApi(app.fetch);

  const send = (secret: string | null, request: ApiRequest) => sendApiRequest(base, secret, request);

  return {
    base,
    send,
    rateLimiter,
    usage,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ownLimiter?.stop();
    },
  };
}
