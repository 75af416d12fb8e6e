// Per-key rate limits (README "Rate limits"), framework-free. Counts live in this process by
// default; with a Redis URL they live in Redis, shared by every server. A Redis that goes away
// never refuses traffic: each request is then counted in this process instead (rate-limiter-
// flexible's insurance limiter), with one warning per outage. Redis keys carry the key's id,
// never the key.
//
// The shape of a limit: a key limited to N requests/s with a burst of M gets at most N + M in its
// first second and N a second after that, as a token bucket of N/s with M spare tokens would.
// It is built from two fixed windows (the idea of rate-limiter-flexible's BurstyRateLimiter,
// written out here so that the answer can say how much is left): the rate window, N points per
// second, and behind it the burst window, M points per W seconds, spent only by requests over the
// rate. W = ceil(10 M / N) seconds, so the burst comes back at most M/W ≤ N/10 a second: a client
// that never stops gets no more than 1.1 N a second, while one that pauses gets its burst back.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { log as logger } from "@/lib/log";
import { describeError } from "@/lib/server/error-log";
import type { KeyType } from "./format";
import { PUBLIC_KEY_CLIENT_LIMIT, type RateLimit } from "./limits";

/** The answer for one request: whether it may pass, and the RateLimit header fields to send. */
export type RateLimitOutcome = {
  allowed: boolean;
  /** RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers-11): the limits, constant per key. */
  policy: string;
  /** RateLimit: what is left now and for how many seconds (empty when it could not be counted). */
  state: string;
  /** Whole seconds until a refused request may pass (at least 1). */
  retryAfter: number;
  /** Which limit refused it: the key's, or its client address's on a public key. */
  refusedBy: "key" | "client" | null;
};

export type KeyRateLimiter = {
  /** Counts one request of key `keyId` under `limit` (and of its client address, for a public key). */
  consume(keyId: string, type: KeyType, limit: RateLimit, clientIp?: string | null): Promise<RateLimitOutcome>;
  /**
   * A plain fixed window outside the key limits, in the same store (memory or Redis): at most
   * `points` requests per `seconds` for each `id` under `name` (the public leak report: 10 an hour
   * per client address). Whole seconds until the window turns when refused.
   */
  consumeWindow(name: string, id: string, points: number, seconds: number): Promise<{ allowed: boolean; retryAfter: number }>;
  /** Resolves once Redis answers (or after `timeoutMs` without it); at once in memory. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  readonly store: "memory" | "redis";
  /** Running totals, for metrics: refusals, requests counted here while Redis could not, faults. */
  readonly stats: { refused: number; fallbacks: number; errors: number };
};

const REDIS_PREFIX = "swb:rl";

/**
 * Two fixed windows of one limit (see the top of this file), and its RateLimit-Policy: alone, and
 * followed by the per-visitor limit for a public key (built once, not per request).
 */
type Stage = { rate: RateLimiterAbstract; burst: RateLimiterAbstract | null; policy: string; publicPolicy: string };

type Take = { allowed: boolean; remaining: number; resetMs: number };

export function burstWindowSeconds(limit: RateLimit): number {
  return Math.max(1, Math.ceil((10 * limit.burst) / limit.perSecond));
}

/** A policy item of the draft; the burst, which the draft has no parameter for, in vendor parameters. */
function policyItem(name: string, limit: RateLimit): string {
  return `"${name}";q=${limit.perSecond};w=1;swb-burst=${limit.burst};swb-burst-w=${burstWindowSeconds(limit)}`;
}

const CLIENT_POLICY = policyItem("client", PUBLIC_KEY_CLIENT_LIMIT);

export function createRateLimiter(options: { redisUrl?: string; log?: (line: string) => void } = {}): KeyRateLimiter {
  const log = options.log ?? ((line: string) => logger.warn({ scope: "rate-limit" }, line));
  const stats = { refused: 0, fallbacks: 0, errors: 0 };
  const redis = options.redisUrl ? connectRedis(options.redisUrl, log, stats) : null;

  // One pair of limiters per distinct limit: records of the same limit share their counts. The
  // WeakMap finds it from the record's own limit object (one per cached record) without
  // building a string; the Map finds it again when the record is reloaded.
  const byObject = new WeakMap<RateLimit, Stage>();
  const byValue = new Map<string, Stage>();

  function stageFor(limit: RateLimit, name: string): Stage {
    let stage = byObject.get(limit);
    if (stage) return stage;
    const id = `${name}:${limit.perSecond}:${limit.burst}`;
    stage = byValue.get(id);
    if (!stage) {
      const policy = policyItem(name, limit);
      stage = {
        rate: limiter(`${id}:r`, limit.perSecond, 1),
        burst: limit.burst > 0 ? limiter(`${id}:b`, limit.burst, burstWindowSeconds(limit)) : null,
        policy,
        publicPolicy: `${policy}, ${CLIENT_POLICY}`,
      };
      byValue.set(id, stage);
    }
    byObject.set(limit, stage);
    return stage;
  }

  function limiter(keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
    if (!redis) return new RateLimiterMemory({ keyPrefix, points, duration });
    return new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: `${REDIS_PREFIX}:${keyPrefix}`,
      points,
      duration,
      // Fail at once, not after a timeout, while the connection is down.
      rejectIfRedisNotReady: true,
      // Once a window is spent, this server refuses the rest of it without asking Redis again.
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: new InsuranceLimiter({ keyPrefix, points, duration }, redis.onFallback),
    });
  }

  const clientStage = () => stageFor(PUBLIC_KEY_CLIENT_LIMIT, "client");
  const windows = new Map<string, RateLimiterAbstract>();
  let lastError = 0;

  async function count(keyId: string, type: KeyType, limit: RateLimit, clientIp: string | null | undefined): Promise<RateLimitOutcome> {
    const stage = stageFor(limit, "key");
    if (type === "public" && clientIp) {
      // The visitor's own limit first: a visitor refused here spends nothing of the site's.
      const client = clientStage();
      const policy = stage.publicPolicy;
      const visitor = await take(client, `${keyId}:${clientIp}`);
      if (!visitor.allowed) return refuse("client", policy, `"client";r=0;t=${seconds(visitor.resetMs)}`, visitor.resetMs);
      const site = await take(stage, keyId);
      const state = `"key";r=${site.remaining};t=${seconds(site.resetMs)}, "client";r=${visitor.remaining};t=${seconds(visitor.resetMs)}`;
      return site.allowed ? allow(policy, state) : refuse("key", policy, state, site.resetMs);
    }
    const taken = await take(stage, keyId);
    const state = `"key";r=${taken.remaining};t=${seconds(taken.resetMs)}`;
    return taken.allowed ? allow(stage.policy, state) : refuse("key", stage.policy, state, taken.resetMs);
  }

  return {
    store: redis ? "redis" : "memory",
    stats,
    async consume(keyId, type, limit, clientIp) {
      try {
        return await count(keyId, type, limit, clientIp);
      } catch (error) {
        // The insurance limiter absorbs a failing Redis; anything else is a fault of the limiter,
        // which must not take the API down with it: the request passes, uncounted.
        stats.errors++;
        if (Date.now() - lastError > 60_000) {
          lastError = Date.now();
          log(`the limiter failed, so requests pass uncounted: ${describeError(error)}`);
        }
        return allow(stageFor(limit, "key").policy, "");
      }
    },
    async consumeWindow(name, id, points, duration) {
      const windowId = `window:${name}:${points}:${duration}`;
      let window = windows.get(windowId);
      if (!window) windows.set(windowId, (window = limiter(windowId, points, duration)));
      try {
        await window.consume(id);
        return { allowed: true, retryAfter: 0 };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) {
          // As for key limits: a fault of the limiter lets the request through, uncounted.
          stats.errors++;
          return { allowed: true, retryAfter: 0 };
        }
        stats.refused++;
        return { allowed: false, retryAfter: seconds(refusal.msBeforeNext) };
      }
    },
    async ready(timeoutMs = 2_000) {
      if (!redis || redis.client.status === "ready") return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        redis.client.once("ready", done);
        function done() {
          clearTimeout(timer);
          redis!.client.off("ready", done);
          resolve();
        }
      });
    },
    async stop() {
      await redis?.stop();
    },
  };

  function refuse(refusedBy: "key" | "client", policy: string, state: string, resetMs: number): RateLimitOutcome {
    stats.refused++;
    return { allowed: false, policy, state, retryAfter: seconds(resetMs), refusedBy };
  }
}

function allow(policy: string, state: string): RateLimitOutcome {
  return { allowed: true, policy, state, retryAfter: 0, refusedBy: null };
}

/** Whole seconds for the headers: at least 1, as a client waiting 0 would only be refused again. */
const seconds = (ms: number) => (ms > 1000 ? Math.ceil(ms / 1000) : 1);

/** One request against a limit: the rate window, and the burst once the rate is spent. */
async function take(stage: Stage, id: string): Promise<Take> {
  let overRate: RateLimiterRes;
  try {
    const within = await stage.rate.consume(id);
    // Within the rate: at least this much is left this second (the burst may add to it).
    return { allowed: true, remaining: within.remainingPoints, resetMs: within.msBeforeNext };
  } catch (refusal) {
    overRate = outcomeOf(refusal);
  }
  if (!stage.burst) return { allowed: false, remaining: 0, resetMs: overRate.msBeforeNext };
  try {
    const burst = await stage.burst.consume(id);
    // Over the rate: until its window turns, only what is left of the burst remains.
    return { allowed: true, remaining: burst.remainingPoints, resetMs: overRate.msBeforeNext };
  } catch (refusal) {
    outcomeOf(refusal);
    return { allowed: false, remaining: 0, resetMs: overRate.msBeforeNext };
  }
}

/** A refusal is a RateLimiterRes; anything else is a failure of the limiter itself, rethrown. */
function outcomeOf(refusal: unknown): RateLimiterRes {
  if (refusal instanceof RateLimiterRes) return refusal;
  throw refusal;
}

/** The in-process limiter that counts while Redis cannot; tells its owner each time it does. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(key: string | number, points?: number, options?: { [key: string]: unknown }) {
    this.onUse();
    return super.consume(key, points, options);
  }
}

/**
 * The Redis connection: commands fail at once while it is down (no offline queue, no retries),
 * it reconnects by itself, and it logs one warning per outage, never the URL (it may hold a
 * password).
 */
function connectRedis(url: string, log: (line: string) => void, stats: { fallbacks: number }) {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // A Redis that hangs costs a request at most this long, then the request is counted here.
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let stopped = false;
  let down = false;
  let lastSlowWarning = 0;

  function outage(reason: string) {
    if (down || stopped) return;
    down = true;
    log(`Redis unreachable (${reason}): each server counts rate limits on its own until it is back`);
  }

  client.on("error", (error: unknown) => outage(describeError(error)));
  client.on("ready", () => {
    if (!down || stopped) return;
    down = false;
    logger.info({ scope: "rate-limit" }, "Redis reachable again: rate limits are shared by every server again");
  });

  return {
    client,
    onFallback() {
      stats.fallbacks++;
      if (client.status !== "ready") return outage(`connection ${client.status}`);
      // Connected but a command failed or timed out: worth a line, not one per request.
      const now = Date.now();
      if (now - lastSlowWarning < 60_000 || stopped) return;
      lastSlowWarning = now;
      log("a Redis command failed or timed out: that request was counted on this server only");
    },
    async stop() {
      stopped = true;
      await client.quit().catch(() => client.disconnect());
    },
  };
}
