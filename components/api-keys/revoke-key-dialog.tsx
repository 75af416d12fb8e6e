"use client";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError, useFocusOnFailure } from "@/components/ui/field";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";

export function RevokeKeyDialog({
  target,
  onClose,
  returnFocusTo,
}: {
  target: { id: string; name: string } | null;
  onClose: (revoked: boolean) => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  const [pending, startTransition] = useTransition();
  // An object per failure, so that the same message twice still moves focus to it.
  const [failure, setFailure] = useState<{ error: string }>();
  const body = useRef<HTMLDivElement>(null);
  useFocusOnFailure(body, failure);

  function revoke() {
    if (!target) return;
    startTransition(async () => {
      const result = await revokeApiKeyAction(null, { keyId: target.id });
      if (result?.ok) {
        toast.success(`API key "${target.name}" revoked`);
        setFailure(undefined);
        onClose(true);
      } else {
        setFailure({ error: result?.error ?? "Could not revoke the key." });
      }
    });
  }

  return (
    <Dialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open && !pending) {
          setFailure(undefined);
          onClose(false);
        }
      }}
    >
      <DialogContent
        title="Revoke API key"
        description={
          <>
            <strong className="text-zinc-900">{target?.name}</strong> will stop working immediately, for every
            request that uses it. This is permanent and cannot be undone.
          </>
        }
        returnFocusTo={returnFocusTo}
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
          <Button variant="danger" onClick={revoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
