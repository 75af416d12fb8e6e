// The time range of a usage question, as the API and the dashboard ask it: `from` and `to` in
// UTC (default: the last 24 hours) and a granularity. `from` is rounded down to the start of its
// bucket, `to` is exclusive. The longest range keeps an answer to at most about 750 buckets a
// key and outcome: 31 days by hour, 400 days by day.
import type { Granularity } from "./store";

export const GRANULARITIES = ["hour", "day"] as const satisfies readonly Granularity[];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const BUCKET_MS: Record<Granularity, number> = { hour: HOUR_MS, day: DAY_MS };
export const MAX_RANGE_DAYS: Record<Granularity, number> = { hour: 31, day: 400 };

export type UsageRange = { from: Date; to: Date; granularity: Granularity };

export type RangeResult = { ok: true; range: UsageRange } | { ok: false; details: Record<string, string[]> };

/** Resolves defaults and checks the limits; `from`/`to` already parsed as dates when given. */
export function resolveUsageRange(input: { from?: Date; to?: Date; granularity?: Granularity }, now = Date.now()): RangeResult {
  const granularity = input.granularity ?? "hour";
  const to = input.to ?? new Date(now);
  const asked = input.from ?? new Date(to.getTime() - DAY_MS);
  if (asked.getTime() >= to.getTime()) return { ok: false, details: { from: ["from must be before to."] } };
  // The limit applies to the range as asked; rounding `from` down adds at most one bucket.
  const maxDays = MAX_RANGE_DAYS[granularity];
  if (to.getTime() - asked.getTime() > maxDays * DAY_MS) {
    const other = granularity === "hour" ? " Ask with granularity=day for a longer range." : "";
    return { ok: false, details: { to: [`The range may span at most ${maxDays} days with granularity=${granularity}.${other}`] } };
  }
  return { ok: true, range: { from: floorTo(asked, granularity), to, granularity } };
}

/** The start of the bucket that holds `date` (UTC). */
export function floorTo(date: Date, granularity: Granularity): Date {
  const size = BUCKET_MS[granularity];
  return new Date(Math.floor(date.getTime() / size) * size);
}

/** Every bucket start of a range, oldest first: charts draw a zero where no request came. */
export function bucketStarts(range: UsageRange): Date[] {
  const size = BUCKET_MS[range.granularity];
  const starts: Date[] = [];
  for (let at = range.from.getTime(); at < range.to.getTime(); at += size) starts.push(new Date(at));
  return starts;
}
