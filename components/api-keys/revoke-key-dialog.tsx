"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";

export function RevokeKeyDialog({
  target,
  onClose,
}: {
  target: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function revoke() {
    if (!target) return;
    startTransition(async () => {
      const result = await revokeApiKeyAction(null, { keyId: target.id });
      if (result?.ok) {
        toast.success(`API key "${target.name}" revoked`);
        setError(undefined);
        onClose();
      } else {
        setError(result?.error ?? "Could not revoke the key.");
      }
    });
  }

  return (
    <Dialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open && !pending) {
          setError(undefined);
          onClose();
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
      >
        <FormError message={error} />
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
