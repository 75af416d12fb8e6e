import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { burstWindowSeconds, createRateLimiter } from "./rate-limit";

const KEY = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-02T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

/** `n` requests now, one after another; how many passed. */
async function burst(limiter: ReturnType<typeof createRateLimiter>, n: number, limit = { perSecond: 10, burst: 10 }, type: "private" | "public" = "private", ip?: string) {
  let passed = 0;
  for (let i = 0; i < n; i++) if ((await limiter.consume(KEY, type, limit, ip)).allowed) passed++;
  return passed;
}

describe("a key limited to N requests/s with a burst of M (in memory)", () => {
  it("passes N + M in its first second, then N a second", async () => {
    const limiter = createRateLimiter();
    expect(await burst(limiter, 50)).toBe(20);
    for (let second = 1; second < 5; second++) {
      vi.advanceTimersByTime(1000);
      expect(await burst(limiter, 50), `second ${second}`).toBe(10);
    }
  });

  it("serves at most 1.1 N a second to a client that never stops, and gives the burst back after a pause", async () => {
    const limiter = createRateLimiter();
    let passed = 0;
    for (let second = 0; second < 60; second++) {
      passed += await burst(limiter, 50);
      vi.advanceTimersByTime(1000);
    }
    expect(passed).toBeLessThanOrEqual(60 * 11);
    expect(passed).toBeGreaterThanOrEqual(60 * 10);
    vi.advanceTimersByTime(burstWindowSeconds({ perSecond: 10, burst: 10 }) * 1000);
    expect(await burst(limiter, 50)).toBe(20);
  });

  it("answers with the draft's header fields: the policy, what is left and for how long, and Retry-After when refused", async () => {
    const limiter = createRateLimiter();
    const limit = { perSecond: 3, burst: 2 };
    const first = await limiter.consume(KEY, "private", limit);
    expect(first).toMatchObject({ allowed: true, policy: '"key";q=3;w=1;swb-burst=2;swb-burst-w=7', state: '"key";r=2;t=1', refusedBy: null });
    await limiter.consume(KEY, "private", limit);
    await limiter.consume(KEY, "private", limit);
    // Over the rate: what is left is the burst, until the second turns.
    expect((await limiter.consume(KEY, "private", limit)).state).toBe('"key";r=1;t=1');
    await limiter.consume(KEY, "private", limit);
    expect(await limiter.consume(KEY, "private", limit)).toMatchObject({ allowed: false, state: '"key";r=0;t=1', retryAfter: 1, refusedBy: "key" });
    expect(limiter.stats.refused).toBe(1);
  });

  it("refuses at once past the rate when the burst is 0", async () => {
    expect(await burst(createRateLimiter(), 10, { perSecond: 4, burst: 0 })).toBe(4);
  });

  it("counts keys apart, and limits of the same value together", async () => {
    const limiter = createRateLimiter();
    expect(await burst(limiter, 30)).toBe(20);
    expect((await limiter.consume("another-key", "private", { perSecond: 10, burst: 10 })).allowed).toBe(true);
    // A record reloaded from the database brings a new object of the same limit: same counts.
    expect((await limiter.consume(KEY, "private", { perSecond: 10, burst: 10 })).allowed).toBe(false);
  });

  it("limits each visitor of a public key to 5/s with bursts of 10, before the key's own limit", async () => {
    const limiter = createRateLimiter();
    const site = { perSecond: 100, burst: 100 };
    expect(await burst(limiter, 30, site, "public", "203.0.113.1")).toBe(15);
    const refused = await limiter.consume(KEY, "public", site, "203.0.113.1");
    expect(refused).toMatchObject({ allowed: false, refusedBy: "client", retryAfter: 1 });
    expect(refused.policy).toBe('"key";q=100;w=1;swb-burst=100;swb-burst-w=10, "client";q=5;w=1;swb-burst=10;swb-burst-w=20');
    const other = await limiter.consume(KEY, "public", site, "203.0.113.2");
    // The site's limit spent only the 15 requests that passed, not the visitor's refused ones.
    expect(other).toMatchObject({ allowed: true, state: '"key";r=84;t=1, "client";r=4;t=1' });
  });
});

describe("burstWindowSeconds", () => {
  it.each([
    [{ perSecond: 10, burst: 10 }, 10],
    [{ perSecond: 50, burst: 100 }, 20],
    [{ perSecond: 1000, burst: 10 }, 1],
  ])("%j → %i s, so the burst adds at most a tenth of the rate", (limit, seconds) => {
    expect(burstWindowSeconds(limit)).toBe(seconds);
    expect(limit.burst / seconds).toBeLessThanOrEqual(limit.perSecond / 10);
  });
});

describe("consumeWindow (the public leak report's 10 an hour per address)", () => {
  it("allows `points` per window for each id, then refuses with the seconds until the window turns", async () => {
    const limiter = createRateLimiter();
    for (let n = 0; n < 10; n++) expect(await limiter.consumeWindow("leak-report", "203.0.113.9", 10, 3600)).toEqual({ allowed: true, retryAfter: 0 });
    const refused = await limiter.consumeWindow("leak-report", "203.0.113.9", 10, 3600);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(3590);
    expect(refused.retryAfter).toBeLessThanOrEqual(3600);
    // Another address, and the same address under another name, count on their own.
    expect((await limiter.consumeWindow("leak-report", "203.0.113.10", 10, 3600)).allowed).toBe(true);
    expect((await limiter.consumeWindow("other", "203.0.113.9", 10, 3600)).allowed).toBe(true);
  });
});
