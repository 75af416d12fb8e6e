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

// Building an Intl formatter costs far more than formatting with one (the exact time's, with its
// time-zone name, most of all), and a list has a few times per row: built per call, they took
// 96 ms of the API Keys page's load at a phone's speed (README "Lighthouse"). One of each, made on
// first use.
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let exactFormat: Intl.DateTimeFormat | undefined;

export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  relativeFormat ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["minute", 60];
  return relativeFormat.format(Math.round(seconds / size), unit);
}

/** "Dec 3, 2026, 9:41:07 AM UTC": rendered only while the tooltip is open. */
function ExactTime({ date }: { date: Date }) {
  exactFormat ??= new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "long" });
  return exactFormat.format(date);
}

export function RelativeTime({ date }: { date: Date }) {
  return (
    <Tooltip content={<ExactTime date={date} />}>
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
