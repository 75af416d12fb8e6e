"use client";
// A server-rendered page goes stale while its tab stays open: "last used" times move, and other
// people add, disable and revoke things. This re-renders the page's server components when the
// tab comes back into view or regains focus, and on an interval while it is visible.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export function useAutoRefresh({
  paused,
  intervalMs = 30_000,
}: {
  /** True while a refresh could disturb what the person is doing: an open dialog, a pending change. */
  paused: boolean;
  intervalMs?: number;
}) {
  const router = useRouter();
  const pausedRef = useRef(paused);
  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  useEffect(() => {
    // Focus and visibility change together when a person switches back to the tab: one refresh.
    const MIN_GAP_MS = 2_000;
    let last = Date.now();
    function refresh() {
      if (pausedRef.current || document.visibilityState !== "visible" || Date.now() - last < MIN_GAP_MS) return;
      last = Date.now();
      router.refresh();
    }
    const timer = setInterval(refresh, intervalMs);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener("focus", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener("focus", refresh);
    };
  }, [router, intervalMs]);
}
