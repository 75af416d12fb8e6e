// Wires the /api/v1 app to this process's database: cached key lookups, cache invalidation by
// LISTEN/NOTIFY with acks, the server registry, and batched "last used" writes. server.ts starts
// it once.
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { keyLookupFrom, lastUsedWriterFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { cachedLookup, getKeyCache } from "@/lib/keys/cache";
import { startServerRegistry } from "@/lib/cluster/registry";
import { getEnv } from "@/lib/env";
import { startKeyChangeListener } from "@/lib/keys/invalidation";
import { LastUsedRecorder } from "@/lib/keys/last-used";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createKeyVerifier } from "@/lib/keys/verify";
import { describeError, logError } from "@/lib/server/error-log";
import { purgeIdempotencyKeys } from "@/lib/services/idempotency";
import { startHygieneSweeper } from "@/lib/services/key-hygiene";
import { createApiApp } from "./app";

const PURGE_EVERY_MS = 10 * 60_000;

export async function startPlatformApi(options: { lastUsedFlushMs?: number; listenRetryMs?: number } = {}) {
  const db = getDb();
  const cache = getKeyCache();
  const lastUsed = new LastUsedRecorder(lastUsedWriterFrom(db));
  const verifyRequest = createKeyVerifier({
    lookup: cachedLookup(cache, keyLookupFrom(db)),
    onVerified: (key) => lastUsed.record(key.id),
  });
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
  lastUsed.start(options.lastUsedFlushMs ?? 5_000);
  const hygiene = startHygieneSweeper();
  // Idempotency keys are kept 24 hours; a claim treats older rows as free, this only reclaims space.
  const purge = setInterval(() => {
    purgeIdempotencyKeys().catch((error: unknown) => logError("idempotency", error, "purge failed"));
  }, PURGE_EVERY_MS);
  purge.unref();

  return {
    app: createApiApp({ verifyRequest, origins }),
    origins,
    serverId,
    /** Whether LISTEN is up and the key cache trusted (for /readyz). */
    listenConnected: () => listener.connected(),
    async stop() {
      // At shutdown the database may already be going away; the listener is moot then.
      hygiene.stop();
      clearInterval(purge);
      await registry.stop().catch(() => {});
      await listener.stop().catch(() => {});
      // A terminal's Ctrl-C reaches the embedded PostgreSQL too, which may close first: the
      // last few seconds of "last used" times are then lost, which is worth a line, not a stack.
      await lastUsed.stop().catch((error: unknown) => console.warn(`> last-used times not saved at shutdown: ${describeError(error)}`));
    },
  };
}
