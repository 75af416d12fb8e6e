"use client";
// Settings → Members → "Reset two-factor sign-in" (owners), for a member who lost their second factor.
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Member } from "@/db/queries/members";
import { resetMemberSecondFactorAction } from "@/lib/actions/reset-member-second-factor";

export function ResetSecondFactorDialog({ member, onClose }: { member: Member | null; onClose: () => void }) {
  return (
    <ConfirmDialog
      open={member !== null}
      title="Reset two-factor sign-in"
      description={
        <>
          <strong className="text-zinc-900">{member?.email}</strong> loses their authenticator app, recovery codes and passkeys, and is
          signed out everywhere. They sign in with their password and set up a new second factor. Do this only when you are sure it is
          them asking.
        </>
      }
      confirmLabel="Reset two-factor sign-in"
      pendingLabel="Resetting…"
      onConfirm={async () => {
        const result = await resetMemberSecondFactorAction(null, { userId: member!.userId });
        if (!result?.ok) return { ok: false, error: result?.error ?? "Could not reset the second factor." };
        toast.success(`Two-factor sign-in of ${member!.email} reset`);
        return { ok: true };
      }}
      onClose={onClose}
    />
  );
}
