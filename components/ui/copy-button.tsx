"use client";
// Copies text to the clipboard and says so ("Copied", and to screen readers) for two seconds.
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

export function CopyButton({
  text,
  label = "Copy",
  what,
  onCopied,
  compact,
}: {
  text: string;
  /** The visible text (and, when `compact`, the accessible name). */
  label?: string;
  /** What is copied, for the message when the clipboard is out of reach ("the key"). */
  what: string;
  onCopied?: () => void;
  compact?: boolean;
}) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(false), 2000);
    return () => clearTimeout(timer);
  }, [done]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone(true);
      onCopied?.();
    } catch {
      toast.error(`Could not reach the clipboard. Select ${what} and copy it with your keyboard.`);
    }
  }

  return (
    <Button variant="secondary" size={compact ? "sm" : "md"} onClick={copy} aria-label={compact ? label : undefined} className="shrink-0">
      {done ? <Check className="size-4 text-emerald-700" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {compact ? (done ? "Copied" : "Copy") : done ? "Copied" : label}
      <span className="sr-only" aria-live="polite">
        {done ? "Copied to clipboard" : ""}
      </span>
    </Button>
  );
}
