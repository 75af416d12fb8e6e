"use client";
// Keeps the call list current: a call rings, connects and ends within a minute, so while any call
// on screen is still live the page refreshes every few seconds; otherwise at the usual pace, and
// when the tab comes back into view (new calls arrive through the API at any time).
import { useAutoRefresh } from "@/components/ui/use-auto-refresh";

const LIVE_REFRESH_MS = 3_000;

export function CallsAutoRefresh({ live }: { live: boolean }) {
  useAutoRefresh({ paused: false, intervalMs: live ? LIVE_REFRESH_MS : 30_000 });
  return null;
}
