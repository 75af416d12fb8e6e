import { describe, expect, it } from "vitest";
import { parseUsagePageQuery } from "./page-query";
import { resolveUsageRange } from "./range";
import { outcomeTotals, presetRange, sparklines, summarizeKeys, topRefusals, toSeries } from "./summary";

const NOW = Date.UTC(2026, 11, 2, 10, 30);

describe("usage ranges", () => {
  it("rounds from down to its bucket and defaults to the last 24 hours by hour", () => {
    const result = resolveUsageRange({}, NOW);
    expect(result).toEqual({ ok: true, range: { from: new Date(Date.UTC(2026, 11, 1, 10)), to: new Date(NOW), granularity: "hour" } });
  });

  it("refuses a range longer than 31 days by hour or 400 by day, and one that ends before it starts", () => {
    const day = 86_400_000;
    expect(resolveUsageRange({ from: new Date(NOW - 31 * day), to: new Date(NOW) }, NOW).ok).toBe(true);
    expect(resolveUsageRange({ from: new Date(NOW - 32 * day), to: new Date(NOW) }, NOW)).toMatchObject({ ok: false, details: { to: [expect.stringContaining("granularity=day")] } });
    expect(resolveUsageRange({ from: new Date(NOW - 400 * day), to: new Date(NOW), granularity: "day" }, NOW).ok).toBe(true);
    expect(resolveUsageRange({ from: new Date(NOW - 402 * day), to: new Date(NOW), granularity: "day" }, NOW).ok).toBe(false);
    expect(resolveUsageRange({ from: new Date(NOW), to: new Date(NOW - 1) }, NOW)).toMatchObject({ ok: false, details: { from: ["from must be before to."] } });
  });

  it("makes a preset of whole buckets, the current one included", () => {
    const day = presetRange("24h", NOW);
    expect(day.from).toEqual(new Date(Date.UTC(2026, 11, 1, 11)));
    const week = presetRange("7d", NOW);
    expect(week).toEqual({ from: new Date(Date.UTC(2026, 10, 26)), to: new Date(NOW), granularity: "day" });
  });
});

describe("usage series and summaries", () => {
  const range = presetRange("24h", NOW);
  const at = (hour: number) => new Date(Date.UTC(2026, 11, 2, hour));

  it("draws a zero for every quiet bucket and lists the outcomes that occur in API order", () => {
    const { points, outcomes } = toSeries(
      [
        { bucketStart: at(9), outcome: "rate_limited", count: 2 },
        { bucketStart: at(9), outcome: "valid", count: 5 },
        { bucketStart: at(10), outcome: "valid", count: 1 },
      ],
      range,
    );
    expect(points).toHaveLength(24);
    expect(points.at(-2)).toEqual({ bucketStart: at(9).toISOString(), total: 7, valid: 5, rate_limited: 2 });
    expect(points.at(-1)).toEqual({ bucketStart: at(10).toISOString(), total: 1, valid: 1 });
    expect(points[0]).toEqual({ bucketStart: range.from.toISOString(), total: 0 });
    expect(outcomes).toEqual(["valid", "rate_limited"]);
  });

  it("orders refusals by count and keys by total, with each key's most frequent refusal", () => {
    const totals = [
      { keyId: "b", outcome: "valid" as const, count: 3 },
      { keyId: "a", outcome: "disabled" as const, count: 1 },
      { keyId: "a", outcome: "ip_not_allowed" as const, count: 4 },
      { keyId: "a", outcome: "valid" as const, count: 10 },
    ];
    expect(topRefusals(totals)).toEqual([
      { outcome: "ip_not_allowed", count: 4 },
      { outcome: "disabled", count: 1 },
    ]);
    expect(summarizeKeys(totals)).toEqual([
      { keyId: "a", total: 15, valid: 10, refused: 5, topRefusal: "ip_not_allowed" },
      { keyId: "b", total: 3, valid: 3, refused: 0, topRefusal: null },
    ]);
    expect(outcomeTotals(totals)).toEqual([
      { outcome: "valid", count: 13 },
      { outcome: "disabled", count: 1 },
      { outcome: "ip_not_allowed", count: 4 },
    ]);
  });
});

describe("sparklines", () => {
  it("gives every key of the page 24 hourly points, zeros for quiet hours and keys, and its refusals", () => {
    const range = presetRange("24h", NOW);
    const lines = sparklines(
      [
        { keyId: "a", bucketStart: new Date(Date.UTC(2026, 11, 2, 10)), outcome: "valid", count: 3 },
        { keyId: "a", bucketStart: new Date(Date.UTC(2026, 11, 2, 10)), outcome: "disabled", count: 1 },
        { keyId: "a", bucketStart: new Date(Date.UTC(2026, 11, 1, 11)), outcome: "valid", count: 2 },
      ],
      ["a", "b"],
      range,
    );
    expect(lines.get("a")!.points).toEqual([2, ...new Array(22).fill(0), 4]);
    expect(lines.get("a")!.refused).toBe(1);
    expect(lines.get("b")).toEqual({ points: new Array(24).fill(0), refused: 0 });
  });
});

describe("the usage page's query", () => {
  it("reads a preset, a range of days (the last day included) or falls back with the reason", () => {
    expect(parseUsagePageQuery({ range: "7d" }, NOW)).toMatchObject({ preset: "7d", label: "the last 7 days", errors: {} });
    const days = parseUsagePageQuery({ from: "2026-11-01", to: "2026-11-15", page: "2" }, NOW);
    expect(days).toMatchObject({ preset: null, label: "Nov 1, 2026 – Nov 15, 2026", page: 2, errors: {} });
    expect(days.range).toEqual({ from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-16T00:00:00Z"), granularity: "day" });
    expect(parseUsagePageQuery({ from: "2026-11-20", to: "2026-11-01" }, NOW)).toMatchObject({ preset: "24h", errors: { to: ["The last day must not be before the first."] } });
    expect(parseUsagePageQuery({ from: "2024-01-01", to: "2026-11-01" }, NOW).errors.to).toEqual(["Choose at most 400 days."]);
    expect(parseUsagePageQuery({ from: "yesterday", range: "1y", page: "-3" }, NOW)).toMatchObject({ preset: "24h", errors: { from: [expect.stringContaining("2026-11-23")] } });
  });
});
