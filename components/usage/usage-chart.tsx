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
    <figure aria-label={`Requests per ${granularity}, stacked by outcome`}>
      <BarChart data={points} responsive style={{ width: "100%", height: 240 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e4e4e7" />
        <XAxis dataKey="bucketStart" tickFormatter={(value: string) => bucketLabel(value, granularity)} tick={{ fontSize: 12, fill: "#52525b" }} minTickGap={24} />
        <YAxis allowDecimals={false} tickFormatter={formatCount} tick={{ fontSize: 12, fill: "#52525b" }} width={48} />
        <Tooltip labelFormatter={(value) => bucketLabel(String(value), granularity)} formatter={(value) => formatCount(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {outcomes.map((outcome) => (
          <Bar key={outcome} dataKey={outcome} name={OUTCOME_LABELS[outcome]} stackId="requests" fill={OUTCOME_COLORS[outcome]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
