// The cost of the rate limiter on its own (lib/keys/rate-limit.ts): consume() in process, in
// memory and against Redis, in µs per request. Figures, not pass/fail. `npm run bench` calls
// benchRateLimiter(); run alone with
//   node --import tsx scripts/bench-rate-limit.ts [redis://…]
// (without a URL it starts a throwaway redis-server when one is on PATH, else skips Redis).
import { pathToFileURL } from "node:url";
import { createRateLimiter, type KeyRateLimiter } from "@/lib/keys/rate-limit";
import { hasRedisServer, startRedisServer } from "../test/support/redis";

export type RateLimiterFigures = {
  /** µs per consume() of a key within its limit, and of one over it. */
  memory: { allowed: number; refused: number };
  /** Sequential (one round trip per request) and with 64 requests in flight; null without Redis. */
  redis: { sequential: number; concurrent: number; refused: number } | null;
};

const LIMIT = { perSecond: 1_000_000_000, burst: 0 };
const SPENT = { perSecond: 1, burst: 0 };

/** µs per call of `fn`, `iterations` times one after another (after a warm-up). */
async function perOp(iterations: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(1000, iterations); i++) await fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn(i);
  return Number(process.hrtime.bigint() - started) / iterations / 1000;
}

/** µs per call of `fn` with `inFlight` calls outstanding at any time: throughput, not latency. */
async function perOpConcurrent(iterations: number, inFlight: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < iterations) await fn(next++);
  }));
  return Number(process.hrtime.bigint() - started) / iterations / 1000;
}

// 10,000 keys in turn, as a busy server sees them, not one hot key.
const keyId = (i: number) => `bench-key-${i % 10_000}`;

async function measure(limiter: KeyRateLimiter, iterations: number) {
  const allowed = await perOp(iterations, (i) => limiter.consume(keyId(i), "private", LIMIT));
  await limiter.consume("bench-spent", "private", SPENT);
  const refused = await perOp(iterations, () => limiter.consume("bench-spent", "private", SPENT));
  return { allowed, refused };
}

export async function benchRateLimiter(options: { redisUrl?: string; log?: (line: string) => void } = {}): Promise<RateLimiterFigures> {
  const log = options.log ?? console.log;
  const line = (label: string, us: number) => log(`  ${label.padEnd(52)} ${(1e6 / us).toFixed(0).padStart(10)} ops/s  ${us.toFixed(2)} µs/op`);
  log("Rate limiter, consume() in process (one core):");

  const memory = createRateLimiter();
  const inMemory = await measure(memory, 200_000);
  await memory.stop();
  line("memory, within the limit", inMemory.allowed);
  line("memory, over the limit (refused)", inMemory.refused);

  let redis: RateLimiterFigures["redis"] = null;
  if (options.redisUrl) {
    const limiter = createRateLimiter({ redisUrl: options.redisUrl, log });
    await limiter.ready();
    if (limiter.stats.fallbacks > 0) log("  (Redis did not answer: these figures are the in-memory fallback's)");
    const sequential = await measure(limiter, 20_000);
    const concurrent = await perOpConcurrent(50_000, 64, (i) => limiter.consume(keyId(i), "private", LIMIT));
    await limiter.stop();
    redis = { sequential: sequential.allowed, concurrent, refused: sequential.refused };
    line("Redis, one request at a time (round trip)", sequential.allowed);
    line("Redis, 64 in flight (throughput)", concurrent);
    line("Redis, over the limit (refused in memory)", sequential.refused);
  } else {
    log("  Redis: no URL given, skipped");
  }
  return { memory: inMemory, redis };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const given = process.argv[2] ?? process.env.REDIS_URL;
  const local = given || !hasRedisServer() ? null : await startRedisServer();
  await benchRateLimiter({ redisUrl: given ?? local?.url });
  await local?.stop();
}
