"use client";
// A usage chart with its range buttons and a "Show as table" toggle that shows the same numbers.
// The range lives in the URL (?range=7d), so a view can be shared and survives a reload; the page
// re-renders on the server with the new range. The chart library loads after the page.
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useAutoRefresh } from "@/components/ui/use-auto-refresh";
import { OUTCOME_LABELS, type UsageOutcome } from "@/lib/usage/outcomes";
import type { Granularity } from "@/lib/usage/store";
import { USAGE_PRESETS, type SeriesPoint, type UsagePreset } from "@/lib/usage/summary";
import { bucketLabel, formatCount } from "./format";

const UsageChart = dynamic(() => import("./usage-chart"), {
  ssr: false,
  loading: () => <div className="h-60 animate-pulse rounded-md bg-zinc-100" aria-hidden />,
});

type Props = {
  points: SeriesPoint[];
  outcomes: UsageOutcome[];
  granularity: Granularity;
  /** The preset shown, or null for a range of days (the usage page's form). */
  preset: UsagePreset | null;
  /** "the last 24 hours", or the days of the range. */
  rangeLabel?: string;
  /** How often to re-read the figures while the tab is visible (counts arrive every few seconds). */
  refreshMs?: number;
};

export function UsagePanel({ points, outcomes, granularity, preset, rangeLabel = `the last ${USAGE_PRESETS[preset ?? "24h"].label}`, refreshMs = 3_000 }: Props) {
  const router = useRouter();
  // Null only under the Pages Router (pages/docs/), which never renders this.
  const pathname = usePathname() ?? "";
  const searchParams = useSearchParams() ?? new URLSearchParams();
  const [pending, startTransition] = useTransition();
  const [asTable, setAsTable] = useState(false);
  useAutoRefresh({ paused: pending, intervalMs: refreshMs });
  const total = points.reduce((sum, point) => sum + point.total, 0);

  function choose(next: UsagePreset) {
    const params = new URLSearchParams(searchParams);
    params.set("range", next);
    for (const name of ["from", "to", "page"]) params.delete(name);
    startTransition(() => router.replace(`${pathname}?${params}`, { scroll: false }));
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Range" className="inline-flex gap-1">
          {Object.entries(USAGE_PRESETS).map(([key, { label }]) => (
            <Button key={key} size="sm" variant={key === preset ? "primary" : "secondary"} aria-pressed={key === preset} onClick={() => choose(key as UsagePreset)}>
              {label}
            </Button>
          ))}
        </div>
        <div className="flex items-center gap-3">
          {pending ? (
            <span role="status" className="text-sm text-zinc-600">
              Loading…
            </span>
          ) : null}
          <Button size="sm" variant="secondary" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
            Show as table
          </Button>
        </div>
      </div>
      <p className="text-sm text-zinc-700">
        <span className="font-semibold text-zinc-900">{formatCount(total)}</span> requests in {rangeLabel}
      </p>
      {asTable ? (
        <UsageTable points={points} outcomes={outcomes} granularity={granularity} />
      ) : total === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-4 py-10 text-center text-sm text-zinc-600">
          No requests in {rangeLabel}. Requests show here within seconds of being made.
        </p>
      ) : (
        <UsageChart points={points} outcomes={outcomes} granularity={granularity} />
      )}
    </div>
  );
}

/** The chart's numbers: a row per bucket, a column per outcome that occurs. */
function UsageTable({ points, outcomes, granularity }: { points: SeriesPoint[]; outcomes: UsageOutcome[]; granularity: Granularity }) {
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-zinc-200" tabIndex={0} role="region" aria-label="Usage table, scrollable">
      <table className="w-full text-sm">
        <caption className="sr-only">Requests per {granularity} by outcome</caption>
        <thead className="sticky top-0 bg-zinc-50 text-left text-zinc-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {granularity === "hour" ? "Hour (UTC)" : "Day (UTC)"}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Total
            </th>
            {outcomes.map((outcome) => (
              <th key={outcome} scope="col" className="px-3 py-2 text-right font-medium">
                {OUTCOME_LABELS[outcome]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {points.map((point) => (
            <tr key={point.bucketStart}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                {bucketLabel(point.bucketStart, granularity)}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(point.total)}</td>
              {outcomes.map((outcome) => (
                <td key={outcome} className="px-3 py-1.5 text-right tabular-nums">
                  {formatCount(point[outcome] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
