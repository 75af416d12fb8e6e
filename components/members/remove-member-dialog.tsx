"use client";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Member } from "@/db/queries/members";
import { removeMemberAction } from "@/lib/actions/remove-member";

/** `afterRemoval`: where focus goes once the member's row is gone (after a cancel: back to the opener). */
export function RemoveMemberDialog({ member, onClose, afterRemoval }: { member: Member | null; onClose: () => void; afterRemoval: () => HTMLElement | null }) {
  return (
    <ConfirmDialog
      open={member !== null}
      title="Remove member"
      description={
        <>
          <strong className="text-zinc-900">{member?.email}</strong> loses access to this workspace on their very next request. Keys
          they created keep working. You can invite them again later.
        </>
      }
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      onConfirm={async () => {
        const result = await removeMemberAction(null, { userId: member!.userId });
        if (!result?.ok) return { ok: false, error: result?.error ?? "Could not remove the member." };
        toast.success(`${member!.email} removed from the workspace`);
        return { ok: true };
      }}
      onClose={onClose}
      returnFocusTo={(removed) => (removed ? afterRemoval() : undefined)}
    />
  );
}
