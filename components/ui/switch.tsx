"use client";
// An on/off control: a button with the switch role (WAI-ARIA's switch pattern), so Space and Enter
// toggle it as they press any button. Plain markup rather than a library primitive: a list renders
// one per row, and each primitive measured its own element after mounting, which re-rendered the
// whole list once more while the page loaded (README "Lighthouse").
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

type SwitchProps = Omit<ComponentProps<"button">, "type" | "role" | "onChange"> & {
  checked: boolean;
  onCheckedChange?: (checked: boolean) => void;
};

export function Switch({ checked, onCheckedChange, onClick, className, ...props }: SwitchProps) {
  const state = checked ? "checked" : "unchecked";
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      data-state={state}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full bg-zinc-300 transition-colors",
        // A 20 px track is a small target for a finger: the pseudo-element widens what takes the tap.
        "before:absolute before:-inset-x-1 before:-inset-y-2",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900",
        "data-[state=checked]:bg-emerald-600 disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onCheckedChange?.(!checked);
      }}
      {...props}
    >
      <span
        data-state={state}
        className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]"
      />
    </button>
  );
}
