"use client";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { Member } from "@/db/queries/members";
import { removeMemberAction } from "@/lib/actions/remove-member";

/** `afterRemoval`: where focus goes once the member's row is gone (after a cancel: back to the opener). */
export function RemoveMemberDialog({ member, onClose, afterRemoval }: { member: Member | null; onClose: () => void; afterRemoval: () => HTMLElement | null }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const removed = useRef(false);

  function remove() {
    if (!member) return;
    startTransition(async () => {
      const result = await removeMemberAction(null, { userId: member.userId }).catch(() => null);
      if (result?.ok) {
        toast.success(`${member.email} removed from the workspace`);
        setError(undefined);
        removed.current = true;
        onClose();
      } else setError(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }

  return (
    <Dialog open={member !== null} onOpenChange={(open) => !open && !pending && (setError(undefined), onClose())}>
      <DialogContent
        title="Remove member"
        onOpenAutoFocus={() => (removed.current = false)}
        returnFocusTo={() => (removed.current ? afterRemoval() : undefined)}
        description={
          <>
            <strong className="text-zinc-900">{member?.email}</strong> loses access to this workspace on their very next request. Keys they
            created keep working. You can invite them again later.
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
          <Button variant="danger" onClick={remove} disabled={pending}>
            {pending ? "Removing…" : "Remove member"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
