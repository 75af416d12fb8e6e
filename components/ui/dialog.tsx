"use client";
// Radix Dialog with our looks: focus trap, Escape and aria come from Radix.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export const Dialog = DialogPrimitive.Root;
export const DialogClose = DialogPrimitive.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
  size = "md",
  returnFocusTo,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & {
  title: string;
  description?: ReactNode;
  size?: "md" | "lg";
  /**
   * Where focus goes when the dialog closes, when that is not simply back where it came from
   * (the opener is gone, or another dialog opened it). Returning nothing falls back to the
   * element that had focus when the dialog opened.
   */
  returnFocusTo?: () => HTMLElement | null | undefined;
}) {
  // Radix returns focus only to a Dialog.Trigger. Ours are opened from buttons, menus and other
  // dialogs, so without this focus would fall to <body> on every close.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
      <DialogPrimitive.Content
        className={cn(
          // Centred with margins rather than a translate, so it never blurs on half pixels and
          // stays inside the viewport on a phone; a tall dialog scrolls inside itself.
          "fixed inset-0 z-50 m-auto h-fit max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-y-auto overscroll-contain",
          size === "lg" ? "max-w-2xl" : "max-w-lg",
          "rounded-xl border border-zinc-200 bg-white p-5 shadow-xl focus:outline-none sm:p-6",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
        onOpenAutoFocus={(event) => {
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          onOpenAutoFocus?.(event);
        }}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (event.defaultPrevented) return;
          event.preventDefault();
          const target = returnFocusTo?.() ?? opener.current;
          if (target?.isConnected) target.focus();
        }}
        {...props}
      >
        <DialogPrimitive.Title className="pr-8 text-lg font-semibold text-zinc-900">{title}</DialogPrimitive.Title>
        {description ? (
          <DialogPrimitive.Description className="mt-1 text-sm text-zinc-600">{description}</DialogPrimitive.Description>
        ) : null}
        <div className="mt-4">{children}</div>
        <DialogPrimitive.Close
          className="absolute top-4 right-4 rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-zinc-900"
          aria-label="Close"
        >
          <X className="size-4" aria-hidden />
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}
