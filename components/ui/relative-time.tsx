"use client";
// "3 minutes ago", with the exact time on hover and on keyboard focus.
import { Tooltip } from "@/components/ui/tooltip";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["minute", 60];
  return format.format(Math.round(seconds / size), unit);
}

export function RelativeTime({ date }: { date: Date }) {
  const exact = date.toLocaleString("en", { dateStyle: "medium", timeStyle: "long" });
  return (
    <Tooltip content={exact}>
      <time
        dateTime={date.toISOString()}
        tabIndex={0}
        className="rounded-sm underline decoration-zinc-300 decoration-dotted underline-offset-4 focus-visible:outline-2 focus-visible:outline-zinc-900"
        suppressHydrationWarning
      >
        {formatRelative(date)}
      </time>
    </Tooltip>
  );
}
