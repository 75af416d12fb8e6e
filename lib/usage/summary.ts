// Usage as people read it: series with a zero for every quiet bucket (so a chart and its table
// show the same rows), the top refusal reasons, and the dashboard's ranges. Safe in the browser.
import { USAGE_OUTCOMES, type UsageOutcome } from "./outcomes";
import { bucketStarts, floorTo, type UsageRange } from "./range";
import type { BucketTotal, Granularity } from "./store";

/** The dashboard's ranges: the buttons of a key's page and of the usage page. */
export const USAGE_PRESETS = {
  "24h": { label: "24 hours", days: 1, granularity: "hour" },
  "7d": { label: "7 days", days: 7, granularity: "day" },
  "30d": { label: "30 days", days: 30, granularity: "day" },
} as const satisfies Record<string, { label: string; days: number; granularity: Granularity }>;

export type UsagePreset = keyof typeof USAGE_PRESETS;

export function isUsagePreset(value: unknown): value is UsagePreset {
  return typeof value === "string" && Object.hasOwn(USAGE_PRESETS, value);
}

/** The range of a preset ending now: whole buckets, the current one included. */
export function presetRange(preset: UsagePreset, now = Date.now()): UsageRange {
  const { days, granularity } = USAGE_PRESETS[preset];
  const to = new Date(now);
  // 24 hours is the current hour and the 23 before it; 7 days is today and the 6 before it.
  const buckets = granularity === "hour" ? days * 24 : days;
  const size = granularity === "hour" ? 3_600_000 : 86_400_000;
  const from = new Date(floorTo(to, granularity).getTime() - (buckets - 1) * size);
  return { from, to, granularity };
}

/** One bucket of a series: its start, a count per outcome, and their total. */
export type SeriesPoint = { bucketStart: string; total: number } & Partial<Record<UsageOutcome, number>>;

/** A point for every bucket of the range, zero where nothing came; and the outcomes that occur, in API order. */
export function toSeries(totals: BucketTotal[], range: UsageRange): { points: SeriesPoint[]; outcomes: UsageOutcome[] } {
  const byStart = new Map<number, SeriesPoint>();
  const points = bucketStarts(range).map((start) => {
    const point: SeriesPoint = { bucketStart: start.toISOString(), total: 0 };
    byStart.set(start.getTime(), point);
    return point;
  });
  const seen = new Set<UsageOutcome>();
  for (const { bucketStart, outcome, count } of totals) {
    const point = byStart.get(bucketStart.getTime());
    if (!point) continue;
    point[outcome] = (point[outcome] ?? 0) + count;
    point.total += count;
    seen.add(outcome);
  }
  return { points, outcomes: USAGE_OUTCOMES.filter((outcome) => seen.has(outcome)) };
}

/** Refusals of a range by reason, most frequent first. */
export function topRefusals(totals: { outcome: UsageOutcome; count: number }[]): { outcome: Exclude<UsageOutcome, "valid">; count: number }[] {
  const sums = new Map<Exclude<UsageOutcome, "valid">, number>();
  for (const { outcome, count } of totals) if (outcome !== "valid") sums.set(outcome, (sums.get(outcome) ?? 0) + count);
  return [...sums].map(([outcome, count]) => ({ outcome, count })).sort((a, b) => b.count - a.count);
}

/** A key's requests over a range: its total, how many were valid, and its most frequent refusal. */
export type KeySummary = { keyId: string; total: number; valid: number; refused: number; topRefusal: Exclude<UsageOutcome, "valid"> | null };

/** Each key's summary, busiest first (ties by id, so pages are stable). */
export function summarizeKeys(totals: { keyId: string; outcome: UsageOutcome; count: number }[]): KeySummary[] {
  const byKey = new Map<string, KeySummary & { refusals: Map<Exclude<UsageOutcome, "valid">, number> }>();
  for (const { keyId, outcome, count } of totals) {
    let summary = byKey.get(keyId);
    if (!summary) byKey.set(keyId, (summary = { keyId, total: 0, valid: 0, refused: 0, topRefusal: null, refusals: new Map() }));
    summary.total += count;
    if (outcome === "valid") summary.valid += count;
    else {
      summary.refused += count;
      summary.refusals.set(outcome, (summary.refusals.get(outcome) ?? 0) + count);
    }
  }
  return [...byKey.values()]
    .map(({ refusals, ...summary }) => ({ ...summary, topRefusal: topRefusals([...refusals].map(([outcome, count]) => ({ outcome, count })))[0]?.outcome ?? null }))
    .sort((a, b) => b.total - a.total || a.keyId.localeCompare(b.keyId));
}

/** The range's requests per outcome, in API order, outcomes with none left out. */
export function outcomeTotals(totals: { outcome: UsageOutcome; count: number }[]): { outcome: UsageOutcome; count: number }[] {
  const sums = new Map<UsageOutcome, number>();
  for (const { outcome, count } of totals) sums.set(outcome, (sums.get(outcome) ?? 0) + count);
  return USAGE_OUTCOMES.filter((outcome) => sums.has(outcome)).map((outcome) => ({ outcome, count: sums.get(outcome)! }));
}

/** Each key's requests per bucket (oldest first, zeros included) and how many were refused: a list's sparklines. */
export function sparklines(rows: { keyId: string; bucketStart: Date; outcome: UsageOutcome; count: number }[], keyIds: string[], range: UsageRange) {
  const starts = bucketStarts(range).map((start) => start.getTime());
  const index = new Map(starts.map((start, i) => [start, i]));
  const lines = new Map(keyIds.map((keyId) => [keyId, { points: new Array<number>(starts.length).fill(0), refused: 0 }]));
  for (const { keyId, bucketStart, outcome, count } of rows) {
    const line = lines.get(keyId);
    const at = index.get(bucketStart.getTime());
    if (!line || at === undefined) continue;
    line.points[at]! += count;
    if (outcome !== "valid") line.refused += count;
  }
  return lines;
}
