"use client";
// Requests per bucket, stacked by outcome (recharts). Loaded on its own, after the page, by
// usage-panel.tsx: the chart library stays out of the page's first JavaScript.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOME_LABELS, type UsageOutcome } from "@/lib/usage/outcomes";
import type { Granularity } from "@/lib/usage/store";
import type { SeriesPoint } from "@/lib/usage/summary";
import { bucketLabel, formatCount } from "./format";
import { OUTCOME_COLORS } from "./outcome-colors";

export default function UsageChart({ points, outcomes, granularity }: { points: SeriesPoint[]; outcomes: UsageOutcome[]; granularity: Granularity }) {
  return (
    // Grid, ticks and tooltip take the palette's colours through CSS, so they follow dark mode
    // (app/globals.css): recharts writes its own light-theme colours as SVG attributes and inline styles.
    <figure
      aria-label={`Requests per ${granularity}, stacked by outcome`}
      className="[&_.recharts-cartesian-axis-tick-value]:fill-zinc-600 [&_.recharts-cartesian-grid_line]:stroke-zinc-200"
    >
      <BarChart data={points} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="bucketStart" tickFormatter={(value: string) => bucketLabel(value, granularity)} tick={{ fontSize: 12 }} minTickGap={24} />
        <YAxis allowDecimals={false} tickFormatter={formatCount} tick={{ fontSize: 12 }} width={48} />
        <Tooltip
          labelFormatter={(value) => bucketLabel(String(value), granularity)}
          formatter={(value) => formatCount(Number(value))}
          contentStyle={{ backgroundColor: "var(--color-white)", borderColor: "var(--color-zinc-200)", borderRadius: 6 }}
          labelStyle={{ color: "var(--color-zinc-900)" }}
          cursor={{ fill: "var(--color-zinc-100)" }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {outcomes.map((outcome) => (
          <Bar key={outcome} dataKey={outcome} name={OUTCOME_LABELS[outcome]} stackId="requests" fill={OUTCOME_COLORS[outcome]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
