"use client";
import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * Not modal: a modal menu hides the rest of the page from assistive technology with aria-hidden
 * while its controls stay focusable (axe: aria-hidden-focus), and locks page scrolling, which
 * shifts the layout. Focus still moves into the menu, and Escape or a click outside closes it.
 */
export function DropdownMenu(props: ComponentProps<typeof Menu.Root>) {
  return <Menu.Root modal={false} {...props} />;
}

export const DropdownMenuTrigger = Menu.Trigger;

export function DropdownMenuContent({ className, ...props }: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        align="end"
        sideOffset={4}
        collisionPadding={8}
        className={cn("z-50 min-w-40 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg", className)}
        {...props}
      />
    </Menu.Portal>
  );
}

export function DropdownMenuItem({
  className,
  destructive,
  ...props
}: ComponentProps<typeof Menu.Item> & { destructive?: boolean }) {
  return (
    <Menu.Item
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none",
        destructive ? "text-red-600 data-highlighted:bg-red-50" : "text-zinc-800 data-highlighted:bg-zinc-100",
        className,
      )}
      {...props}
    />
  );
}
