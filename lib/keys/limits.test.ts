import { describe, expect, it } from "vitest";
import { creditsLooser, creditsOf, nextRefillAt, periodStart, rateLimitLooser } from "./limits";

const at = (iso: string) => new Date(iso);

describe("the refill calendar (00:00 UTC)", () => {
  it.each([
    ["day", "2026-12-02T23:59:59Z", "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z"],
    ["day", "2026-12-31T12:00:00Z", "2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["month", "2026-12-02T12:00:00Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["month", "2027-02-28T23:00:00Z", "2027-02-01T00:00:00Z", "2027-03-01T00:00:00Z"],
  ] as const)("%s at %s: the period began %s, the next refill is %s", (interval, now, start, next) => {
    expect(periodStart(interval, at(now)).toISOString()).toBe(at(start).toISOString());
    expect(nextRefillAt(interval, at(now)).toISOString()).toBe(at(next).toISOString());
  });
});

describe("creditsOf", () => {
  const stored = { creditsRemaining: 3, creditsRefillAmount: 100, creditsRefillInterval: "day" as const, creditsRefilledAt: at("2026-12-02T08:00:00Z") };
  it("reads the balance as stored within the period it was refilled in", () => {
    expect(creditsOf(stored, at("2026-12-02T23:00:00Z"))).toEqual({ remaining: 3, refill: { amount: 100, interval: "day" } });
  });
  it("counts a refill that is due but not yet applied", () => {
    expect(creditsOf(stored, at("2026-12-03T00:00:00Z"))?.remaining).toBe(100);
  });
  it("never refills a balance without a refill, and null is unlimited", () => {
    expect(creditsOf({ ...stored, creditsRefillAmount: null, creditsRefillInterval: null }, at("2027-06-01T00:00:00Z"))).toEqual({ remaining: 3, refill: null });
    expect(creditsOf({ creditsRemaining: null, creditsRefillAmount: null, creditsRefillInterval: null, creditsRefilledAt: null })).toBeNull();
  });
});

describe("looser", () => {
  it("treats null as the loosest rate limit, and compares rate and burst each", () => {
    expect(rateLimitLooser(null, { perSecond: 1, burst: 0 })).toBe(true);
    expect(rateLimitLooser({ perSecond: 1, burst: 1 }, { perSecond: 1, burst: 0 })).toBe(true);
    expect(rateLimitLooser({ perSecond: 1, burst: 0 }, { perSecond: 2, burst: 0 })).toBe(false);
    expect(rateLimitLooser({ perSecond: 1000, burst: 1000 }, null)).toBe(false);
  });
  it("treats unlimited as the most credits, and a daily refill as more than a monthly one", () => {
    const monthly = { remaining: 10, refill: { amount: 10, interval: "month" as const } };
    expect(creditsLooser(null, monthly)).toBe(true);
    expect(creditsLooser({ remaining: 10, refill: { amount: 10, interval: "day" } }, monthly)).toBe(true);
    expect(creditsLooser({ remaining: 10, refill: { amount: 5, interval: "month" } }, monthly)).toBe(false);
    expect(creditsLooser({ remaining: 1, refill: { amount: 1, interval: "month" } }, { remaining: 10, refill: null })).toBe(true);
  });
});
