// How bucket times read: hours as "14:00" (UTC) with the day when it changes, days as "Dec 2".
import type { Granularity } from "@/lib/usage/store";

export function bucketLabel(iso: string, granularity: Granularity): string {
  const date = new Date(iso);
  if (granularity === "day") return date.toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
  return `${date.toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" })}, ${date.toISOString().slice(11, 16)}`;
}

export { formatCount } from "@/lib/format-count";
