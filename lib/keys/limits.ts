// A key's rate limit and call credits as values: their shapes, defaults and bounds, the refill
// calendar (00:00 UTC each day, or on the first of each month), and the conversion from the
// columns they are stored in. The limiter itself is lib/keys/rate-limit.ts; spending a credit is
// lib/services/calls.ts.

/** At most `perSecond` requests a second, plus `burst` more now and then (see rate-limit.ts). */
export type RateLimit = { perSecond: number; burst: number };

export const CREDIT_INTERVALS = ["day", "month"] as const;
export type CreditInterval = (typeof CREDIT_INTERVALS)[number];

/** Call credits: `remaining`, reset to `refill.amount` at the start of each interval (UTC). */
export type KeyCredits = { remaining: number; refill: { amount: number; interval: CreditInterval } | null };

/** What a new key gets unless it asks for another limit or none. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 100 };

/**
 * A public key is shared by every visitor of a site, so each client address also has a limit of
 * its own on that key: one visitor cannot use up the site's limit.
 */
export const PUBLIC_KEY_CLIENT_LIMIT: RateLimit = { perSecond: 5, burst: 10 };

// Sane ceilings: above them a limit protects nothing, and they fit PostgreSQL's integer.
export const MAX_REQUESTS_PER_SECOND = 100_000;
export const MAX_BURST = 1_000_000;
export const MAX_CREDITS = 1_000_000_000;

/** The columns a key's limits are stored in (db/schema.ts). */
export type LimitColumns = {
  rateLimitPerSecond: number | null;
  rateLimitBurst: number | null;
  creditsRemaining: number | null;
  creditsRefillAmount: number | null;
  creditsRefillInterval: CreditInterval | null;
  creditsRefilledAt: Date | null;
};

export function rateLimitOf(row: Pick<LimitColumns, "rateLimitPerSecond" | "rateLimitBurst">): RateLimit | null {
  return row.rateLimitPerSecond === null || row.rateLimitBurst === null ? null : { perSecond: row.rateLimitPerSecond, burst: row.rateLimitBurst };
}

export function rateLimitColumns(limit: RateLimit | null): Pick<LimitColumns, "rateLimitPerSecond" | "rateLimitBurst"> {
  return { rateLimitPerSecond: limit?.perSecond ?? null, rateLimitBurst: limit?.burst ?? null };
}

/**
 * The key's credits as they stand at `now`: a refill that is due but not yet applied (refills are
 * applied lazily, by the next call) is counted, so every reader sees what the next call will see.
 */
export function creditsOf(row: Omit<LimitColumns, "rateLimitPerSecond" | "rateLimitBurst">, now = new Date()): KeyCredits | null {
  if (row.creditsRemaining === null) return null;
  const refill = row.creditsRefillAmount !== null && row.creditsRefillInterval ? { amount: row.creditsRefillAmount, interval: row.creditsRefillInterval } : null;
  const due = refill && row.creditsRefilledAt && row.creditsRefilledAt < periodStart(refill.interval, now);
  return { remaining: due ? refill.amount : row.creditsRemaining, refill };
}

/** The credit columns of `credits`; the refill period starts now (a change is not undone by a due refill). */
export function creditColumns(credits: KeyCredits | null, now = new Date()): Omit<LimitColumns, "rateLimitPerSecond" | "rateLimitBurst"> {
  return {
    creditsRemaining: credits?.remaining ?? null,
    creditsRefillAmount: credits?.refill?.amount ?? null,
    creditsRefillInterval: credits?.refill?.interval ?? null,
    creditsRefilledAt: credits ? now : null,
  };
}

/** 00:00 UTC of the day, or of the first of the month, that `now` falls in. */
export function periodStart(interval: CreditInterval, now: Date): Date {
  return interval === "day"
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** When the next refill happens: the next 00:00 UTC, or the first of next month. */
export function nextRefillAt(interval: CreditInterval, now: Date): Date {
  return interval === "day"
    ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** Whether `after` lets a key make more requests than `before` (null: no limit, the loosest). */
export function rateLimitLooser(after: RateLimit | null, before: RateLimit | null): boolean {
  if (before === null) return false;
  return after === null || after.perSecond > before.perSecond || after.burst > before.burst;
}

/**
 * Whether `after` gives a key more credits than `before` (null: unlimited, the loosest): more
 * remaining, a refill where there was none, a larger refill, or a daily refill instead of a
 * monthly one.
 */
export function creditsLooser(after: KeyCredits | null, before: KeyCredits | null): boolean {
  if (before === null) return false;
  if (after === null || after.remaining > before.remaining) return true;
  if (!after.refill) return false;
  if (!before.refill) return true;
  return after.refill.amount > before.refill.amount || (after.refill.interval === "day" && before.refill.interval === "month");
}
