"use client";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { Member } from "@/db/queries/members";
import type { Role } from "@/db/schema";
import { changeMemberRoleAction } from "@/lib/actions/change-member-role";
import { assignableRoles, ROLE_HINT, roleLabel } from "@/lib/roles";

export function ChangeRoleDialog({ member, myRole, onClose }: { member: Member | null; myRole: Role; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={member !== null} onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent title="Change role" description={member ? `${member.name} (${member.email}) is ${roleLabel(member.role).toLowerCase()} now.` : undefined}>
        {/* Keyed by the member, so the choice starts from their role each time. */}
        {member ? <ChangeRoleForm key={member.userId} member={member} myRole={myRole} onDone={onClose} onPending={setPending} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function ChangeRoleForm({ member, myRole, onDone, onPending }: { member: Member; myRole: Role; onDone: () => void; onPending: (pending: boolean) => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  // Controlled, and submitted by hand rather than as a form action (which would reset the
  // select to its first option, Owner, after a refusal).
  const [role, setRole] = useState<Role>(member.role);

  function save(event: FormEvent) {
    event.preventDefault();
    onPending(true);
    startTransition(async () => {
      const result = await changeMemberRoleAction(null, { userId: member.userId, role }).catch(() => null);
      onPending(false);
      if (result?.ok) {
        toast.success(`${member.email} is now ${roleLabel(role).toLowerCase()}`);
        onDone();
      } else setError(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }

  return (
    <form onSubmit={save} className="space-y-4">
      <FormError message={error} />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        options={assignableRoles(myRole).map((option) => ({ value: option.value, label: option.label }))}
        hint={`${ROLE_HINT} The change applies to their very next request.`}
      />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save role"}
        </Button>
      </div>
    </form>
  );
}
