// Wires the /api/v1 app to this process's database: cached key lookups, cache invalidation by
// LISTEN/NOTIFY with acks, the server registry, usage counters flushed every few seconds (with
// "last used"), and the rate limiter (in Redis when REDIS_URL is set). server.ts starts it once.
import { randomUUID } from "node:crypto";
import { APPLICATION_NAME, getDb, getSql } from "@/db/client";
import { keyLookupFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { startServerRegistry } from "@/lib/cluster/registry";
import { getEnv } from "@/lib/env";
import { cachedLookup, getKeyCache } from "@/lib/keys/cache";
import { startKeyChangeListener } from "@/lib/keys/invalidation";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createRateLimiter } from "@/lib/keys/rate-limit";
import { createKeyVerifier } from "@/lib/keys/verify";
import { log } from "@/lib/log";
import { FirstRequestRecorder } from "@/lib/onboarding/first-request";
import { describeError, logError } from "@/lib/server/error-log";
import type { HealthProbes } from "@/lib/server/health";
import { getMetrics } from "@/lib/server/metrics";
import { purgeIdempotencyKeys } from "@/lib/services/idempotency";
import { recordFirstRequest } from "@/lib/services/onboarding";
import { startHygieneSweeper } from "@/lib/services/key-hygiene";
import { UsageRecorder } from "@/lib/usage/recorder";
import { getUsageStore } from "@/lib/usage/store";
import { createApiApp } from "./app";

const PURGE_EVERY_MS = 10 * 60_000;

/** How often each server adds its usage counts to the store (README "Usage"). */
export const USAGE_FLUSH_MS = 5_000;

export async function startPlatformApi(options: { usageFlushMs?: number; listenRetryMs?: number } = {}) {
  const db = getDb();
  const cache = getKeyCache();
  const usage = new UsageRecorder(getUsageStore());
  const verifyRequest = createKeyVerifier({ lookup: cachedLookup(cache, keyLookupFrom(db)) });
  const origins = new OriginIndex(publicOriginsFrom(db));
  // Listening before registering: a server counts in receipts only once it can acknowledge.
  const serverId = randomUUID();
  const listener = await startKeyChangeListener({
    url: getEnv().DATABASE_URL!,
    serverId,
    cache,
    onChange: () => origins.invalidate(),
    retryMs: options.listenRetryMs,
  });
  const registry = await startServerRegistry(db, serverId);
  const rateLimiter = createRateLimiter({ redisUrl: getEnv().REDIS_URL });
  // Counted in Redis from the first request when it answers; a dead Redis does not hold up the start.
  await rateLimiter.ready();
  usage.start(options.usageFlushMs ?? USAGE_FLUSH_MS);
  const hygiene = startHygieneSweeper();
  // Idempotency keys are kept 24 hours; a claim treats older rows as free, this only reclaims space.
  const purge = setInterval(() => {
    purgeIdempotencyKeys().catch((error: unknown) => logError("idempotency", error, "purge failed"));
  }, PURGE_EVERY_MS);
  purge.unref();

  const health: HealthProbes = {
    database: () => getSql()`select 1`.execute(),
    // Down also while the cache is not yet trusted again after a reconnect.
    listen: () => listener.connected(),
  };
  getMetrics().provide({
    cacheHits: () => cache.stats.hits,
    cacheMisses: () => cache.stats.loads,
    listenConnected: () => (health.listen() ? 1 : 0),
    rateLimited: () => rateLimiter.stats.refused,
    poolInUse: async () => {
      const [row] = await getSql()<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where application_name = ${APPLICATION_NAME}`;
      return row?.n ?? 0;
    },
  });

  return {
    app: createApiApp({ verifyRequest, origins, rateLimiter, usage, firstRequests: new FirstRequestRecorder(recordFirstRequest) }),
    origins,
    rateLimiter,
    usage,
    serverId,
    /** What GET /readyz reports of this server's dependencies (lib/server/health.ts). */
    health,
    async stop() {
      // At shutdown the database may already be going away; the listener is moot then.
      hygiene.stop();
      clearInterval(purge);
      await registry.stop().catch(() => {});
      await listener.stop().catch(() => {});
      await rateLimiter.stop();
      // A terminal's Ctrl-C reaches the embedded PostgreSQL too, which may close first: the
      // last few seconds of usage counts are then lost, which is worth a line, not a stack.
      await usage.stop().catch((error: unknown) => log.warn({ scope: "usage", error: describeError(error) }, "usage counts not saved at shutdown"));
    },
  };
}
