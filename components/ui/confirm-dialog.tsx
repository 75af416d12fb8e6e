"use client";
// A confirmation before something that cannot be taken back: the consequence in words, Cancel,
// and the action, which stays pending while it runs and shows its refusal in place.
import { useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent } from "./dialog";
import { FormError, useFocusOnFailure } from "./field";

export type ConfirmResult = { ok: true } | { ok: false; error: string };

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pendingLabel,
  onConfirm,
  onClose,
  returnFocusTo,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Runs the action; resolving ok closes the dialog. */
  onConfirm: () => Promise<ConfirmResult>;
  /** `confirmed`: the action succeeded (else the person cancelled). */
  onClose: (confirmed: boolean) => void;
  /** Where focus goes on close, when not back to the opener (after success the opener may be gone). */
  returnFocusTo?: (confirmed: boolean) => HTMLElement | null | undefined;
}) {
  const [pending, startTransition] = useTransition();
  // An object per failure, so that the same message twice still moves focus to it.
  const [failure, setFailure] = useState<{ error: string }>();
  const confirmed = useRef(false);
  const body = useRef<HTMLDivElement>(null);
  useFocusOnFailure(body, failure);

  function confirm() {
    startTransition(async () => {
      const result = await onConfirm().catch((): ConfirmResult => ({ ok: false, error: "The server could not be reached. Try again." }));
      if (result.ok) {
        setFailure(undefined);
        confirmed.current = true;
        onClose(true);
      } else setFailure({ error: result.error });
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !pending) {
          setFailure(undefined);
          onClose(false);
        }
      }}
    >
      <DialogContent
        title={title}
        description={description}
        onOpenAutoFocus={() => (confirmed.current = false)}
        returnFocusTo={returnFocusTo ? () => returnFocusTo(confirmed.current) : undefined}
      >
        <div ref={body}>
          <FormError message={failure?.error} />
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant="danger" onClick={confirm} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
