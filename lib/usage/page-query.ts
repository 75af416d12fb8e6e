// The usage page's range, from its query string (the page and its CSV export share it): a preset
// (?range=24h|7d|30d, the default 24h) or whole UTC days (?from=2026-11-01&to=2026-11-15, `to`
// included, by day). What cannot be read is reported and the default shown, never guessed.
import { z } from "zod";
import { MAX_RANGE_DAYS, resolveUsageRange, type UsageRange } from "./range";
import { isUsagePreset, presetRange, USAGE_PRESETS, type UsagePreset } from "./summary";

const day = z.iso.date("Use a date such as 2026-11-23.");
const DAY_MS = 86_400_000;

const schema = z.object({
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type UsagePageQuery = {
  range: UsageRange;
  /** The preset shown, or null for a range of days. */
  preset: UsagePreset | null;
  /** "the last 24 hours", or "Nov 1 – Nov 15, 2026". */
  label: string;
  /** The days of a custom range as typed, for the form. */
  days: { from?: string; to?: string };
  page: number;
  errors: Record<string, string[]>;
};

export function parseUsagePageQuery(params: Record<string, string | string[] | undefined>, now = Date.now()): UsagePageQuery {
  const single = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));
  const preset = isUsagePreset(single.range) ? single.range : "24h";
  const fallback = { range: presetRange(preset, now), preset, label: `the last ${USAGE_PRESETS[preset].label}`, days: {} };
  const parsed = schema.safeParse(single);
  if (!parsed.success) return { ...fallback, page: 1, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const { from, to, page } = parsed.data;
  if (!from && !to) return { ...fallback, page, errors: {} };

  const days = { from, to };
  const toDay = to ?? new Date(now).toISOString().slice(0, 10);
  const fromDay = from ?? new Date(Date.parse(`${toDay}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const resolved = resolveUsageRange({ from: new Date(`${fromDay}T00:00:00Z`), to: new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY_MS), granularity: "day" });
  if (!resolved.ok) {
    const errors = resolved.details.from ? { to: ["The last day must not be before the first."] } : { to: [`Choose at most ${MAX_RANGE_DAYS.day} days.`] };
    return { ...fallback, days, page, errors };
  }
  return { range: resolved.range, preset: null, label: `${formatDay(fromDay)} – ${formatDay(toDay)}`, days, page, errors: {} };
}

const formatDay = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
