"use client";
import { useState, useTransition } from "react";
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
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function save(formData: FormData) {
    if (!member) return;
    startTransition(async () => {
      const result = await changeMemberRoleAction(null, { userId: member.userId, role: formData.get("role") }).catch(() => null);
      if (result?.ok) {
        toast.success(`${member.email} is now ${roleLabel(formData.get("role") as Role).toLowerCase()}`);
        setError(undefined);
        onClose();
      } else setError(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }

  return (
    <Dialog open={member !== null} onOpenChange={(open) => !open && !pending && (setError(undefined), onClose())}>
      <DialogContent title="Change role" description={member ? `${member.name} (${member.email}) is ${roleLabel(member.role).toLowerCase()} now.` : undefined}>
        {member ? (
          <form action={save} className="space-y-4">
            <FormError message={error} />
            <SelectField
              label="Role"
              name="role"
              defaultValue={member.role}
              options={assignableRoles(myRole).map((role) => ({ value: role.value, label: role.label }))}
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
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
