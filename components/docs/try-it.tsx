"use client";
// "Try it": the interactive client (Scalar, components/docs/api-reference.tsx) on demand, over the
// static reference. Nothing of it loads until the button is pressed, so the page stays light;
// Escape or "Close the client" returns to the reference where it was.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

const ApiReference = dynamic(async () => (await import("./api-reference")).ApiReference, {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-zinc-600">Loading the interactive client…</p>,
});

export function TryIt() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const returnTo = opener.current;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    document.body.style.overflow = "hidden";
    return () => {
      window.removeEventListener("keydown", onKey);
      document.body.style.overflow = "";
      returnTo?.focus();
    };
  }, [open]);

  return (
    <>
      <Button ref={opener} size="sm" variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Try it
      </Button>
      {open ? (
        <div role="dialog" aria-modal="true" aria-label="Interactive API client" className="fixed inset-0 z-50 overflow-y-auto bg-white [--scalar-custom-header-height:3.5rem]">
          <div className="sticky top-0 z-10 flex h-14 items-center justify-between border-b border-zinc-200 bg-white px-4 md:px-6">
            <p className="text-sm font-medium">Interactive API client: requests go to this server with the key you enter</p>
            <Button ref={closer} size="sm" variant="secondary" onClick={() => setOpen(false)}>
              Close the client
            </Button>
          </div>
          <ApiReference />
        </div>
      ) : null}
    </>
  );
}
