// The dialog "Try it" opens over the static reference: the interactive client (Scalar,
// ./api-reference.tsx), full screen. Escape or "Close the client" closes it, and the focus goes
// back to the button that opened it. Part of the Try it bundle (README "API"), not of Next's.
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ApiReference } from "./api-reference";

export function TryItDialog({ onClose, returnFocusTo }: { onClose: () => void; returnFocusTo: HTMLElement }) {
  const closer = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    document.body.style.overflow = "hidden";
    return () => {
      window.removeEventListener("keydown", onKey);
      document.body.style.overflow = "";
      returnFocusTo.focus();
    };
  }, [onClose, returnFocusTo]);

  return (
    <div role="dialog" aria-modal="true" aria-label="Interactive API client" className="fixed inset-0 z-50 overflow-y-auto bg-white [--scalar-custom-header-height:3.5rem]">
      <div className="sticky top-0 z-10 flex h-14 items-center justify-between border-b border-zinc-200 bg-white px-4 md:px-6">
        <p className="text-sm font-medium">Interactive API client: requests go to this server with the key you enter</p>
        <Button ref={closer} size="sm" variant="secondary" onClick={onClose}>
          Close the client
        </Button>
      </div>
      <ApiReference />
    </div>
  );
}
