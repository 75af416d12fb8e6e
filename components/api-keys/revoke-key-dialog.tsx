"use client";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";
import { receiptText } from "@/lib/keys/receipt";

export function RevokeKeyDialog({
  target,
  onClose,
  returnFocusTo,
}: {
  target: { id: string; name: string } | null;
  onClose: (revoked: boolean) => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  return (
    <ConfirmDialog
      open={target !== null}
      title="Revoke API key"
      description={
        <>
          <strong className="text-zinc-900">{target?.name}</strong> will stop working immediately, for every request that
          uses it. This is permanent and cannot be undone.
        </>
      }
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      onConfirm={async () => {
        const result = await revokeApiKeyAction(null, { keyId: target!.id });
        if (!result?.ok) return { ok: false, error: result?.error ?? "Could not revoke the key." };
        toast.success(receiptText(`API key "${target!.name}" revoked`, result.data.propagation, "refuses the key"));
        return { ok: true };
      }}
      onClose={onClose}
      returnFocusTo={returnFocusTo}
    />
  );
}
