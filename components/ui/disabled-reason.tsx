"use client";
// A control the person's role cannot use stays visible but disabled, with a tooltip saying why.
// Disabled buttons take no pointer or keyboard events, so the tooltip sits on a focusable wrapper.
import type { ReactNode } from "react";
import { Tooltip } from "./tooltip";

export function DisabledReason({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Tooltip content={reason}>
      <span tabIndex={0} aria-label={reason} className="inline-flex rounded-md focus-visible:outline-2 focus-visible:outline-zinc-900">
        {children}
      </span>
    </Tooltip>
  );
}
