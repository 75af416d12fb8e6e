"use client";
import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

export const TooltipProvider = TooltipPrimitive.Provider;

// Radix closes a tooltip when the page scrolls. But focusing a trigger below the fold (Tab) scrolls
// it into view, so a keyboard user would see the tooltip vanish at once: a close caused by a scroll
// in the first half second after opening is ignored. Escape, blur and pointer still close it.
const SETTLE_MS = 500;

export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const openedAt = useRef(0);
  const scrolledAt = useRef(Number.NEGATIVE_INFINITY);

  // A layout effect, so that this listener runs before Radix's (a passive effect of the content).
  useLayoutEffect(() => {
    if (!open) return;
    const onScroll = () => (scrolledAt.current = performance.now());
    window.addEventListener("scroll", onScroll, { capture: true });
    return () => window.removeEventListener("scroll", onScroll, { capture: true });
  }, [open]);

  function changeOpen(next: boolean) {
    const now = performance.now();
    const closedByScroll = now - scrolledAt.current < 5;
    if (!next && closedByScroll && now - openedAt.current < SETTLE_MS) return;
    if (next) openedAt.current = now;
    setOpen(next);
  }

  return (
    <TooltipPrimitive.Root open={open} onOpenChange={changeOpen}>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content sideOffset={4} className="z-50 rounded-md bg-zinc-900 px-2 py-1 text-xs text-white shadow">
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
