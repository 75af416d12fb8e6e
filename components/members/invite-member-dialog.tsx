"use client";
// Invite member: email and role, then the invite link, shown once with Copy (and emailed when
// SMTP is configured).
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { Role } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { inviteMemberAction, type CreatedInvitation } from "@/lib/actions/invite-member";
import { assignableRoles, ROLE_HINT } from "@/lib/roles";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  myRole: Role;
  mailConfigured: boolean;
  /** The Invite member button: the email field takes focus before the dialog can note its opener. */
  returnFocusTo: () => HTMLElement | null;
};

export function InviteMemberDialog({ open, onOpenChange, myRole, mailConfigured, returnFocusTo }: Props) {
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setCreated(null);
      }}
    >
      <DialogContent
        title="Invite member"
        returnFocusTo={returnFocusTo}
        description={created ? "Invitation created." : "They join with the role you choose once they accept the link."}
      >
        {created ? <InviteLink created={created} /> : <InviteForm myRole={myRole} mailConfigured={mailConfigured} onCreated={setCreated} />}
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ myRole, mailConfigured, onCreated }: { myRole: Role; mailConfigured: boolean; onCreated: (created: CreatedInvitation) => void }) {
  const [state, action, pending] = useActionState(async (previous: ActionState<CreatedInvitation>, formData: FormData) => {
    const result = await inviteMemberAction(previous, formData);
    if (result?.ok) onCreated(result.data);
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <form ref={form} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        autoFocus
        autoComplete="off"
        placeholder="ana@example.com"
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
      />
      <SelectField
       
        label="Role"
        name="role"
        defaultValue={failed?.values?.role ?? "member"}
        errors={failed?.fieldErrors?.role}
        hint={ROLE_HINT}
        options={assignableRoles(myRole).map((role) => ({ value: role.value, label: role.label }))}
      />
      <p className="text-xs text-zinc-600">
        {mailConfigured
          ? "We email the link, and show it to you to copy as well."
          : "Email is not set up on this server: you will copy the link and send it yourself."}
      </p>
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invite"}
        </Button>
      </div>
    </form>
  );
}

function InviteLink({ created }: { created: CreatedInvitation }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700">
        {created.emailed ? `We emailed this link to ${created.email}.` : `Send this link to ${created.email}.`} It works once, only for
        that address, and expires in 7 days. You will not see it again.
      </p>
      <div className="space-y-1.5">
        <label htmlFor="invite-link" className="block text-sm font-medium">
          Invite link
        </label>
        <div className="flex gap-2">
          <input
            id="invite-link"
            readOnly
            value={created.link}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full min-w-0 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-xs"
            spellCheck={false}
          />
          <CopyButton text={created.link} what="the link" />
        </div>
      </div>
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
