"use client";
// Settings → General: the workspace's name (owners and admins rename it), its ID for
// integrations, and leaving the workspace.
import { LogOut } from "lucide-react";
import { useActionState, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { Role } from "@/db/schema";
import { leaveWorkspaceAction } from "@/lib/actions/leave-workspace";
import { renameWorkspaceAction } from "@/lib/actions/rename-workspace";
import { setKeyHygieneAction } from "@/lib/actions/set-key-hygiene";
import { RequireTwoFactor } from "./require-two-factor";
import { refusalFor } from "@/lib/permissions";

type Props = { workspace: { id: string; name: string }; role: Role; canRename: boolean; unusedKeyDays: number | null; requireTwoFactor: boolean };

export function GeneralView({ workspace, role, canRename, unusedKeyDays, requireTwoFactor }: Props) {
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">General</h1>
        <p className="mt-1 text-sm text-zinc-600">This workspace&apos;s name and ID.</p>
      </header>
      <RenameForm workspace={workspace} canRename={canRename} />
      <WorkspaceId id={workspace.id} />
      <KeyHygiene days={unusedKeyDays} canChange={canRename} />
      <RequireTwoFactor required={requireTwoFactor} canChange={canRename} />
      <LeaveWorkspace name={workspace.name} role={role} />
    </div>
  );
}

function RenameForm({ workspace, canRename }: { workspace: { name: string }; canRename: boolean }) {
  const [state, action, pending] = useActionState(async (...args: Parameters<typeof renameWorkspaceAction>) => {
    const result = await renameWorkspaceAction(...args);
    if (result?.ok) toast.success("Workspace renamed");
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <section aria-labelledby="name-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
      <h2 id="name-heading" className="font-semibold">
        Workspace name
      </h2>
      <form ref={form} action={action} className="mt-4 max-w-md space-y-4" noValidate>
        <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
        <TextField
          label="Name"
          name="name"
          required
          maxLength={64}
          showCount
          defaultValue={failed?.values?.name ?? workspace.name}
          key={workspace.name}
          errors={failed?.fieldErrors?.name}
          disabled={!canRename}
          hint={canRename ? "Everyone in the workspace sees it." : refusalFor("workspace:update")}
        />
        <DisabledReason reason={canRename ? null : refusalFor("workspace:update")}>
          <Button type="submit" disabled={!canRename || pending}>
            {pending ? "Saving…" : "Save name"}
          </Button>
        </DisabledReason>
      </form>
    </section>
  );
}

function WorkspaceId({ id }: { id: string }) {
  return (
    <section aria-labelledby="id-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
      <h2 id="id-heading" className="font-semibold">
        Workspace ID
      </h2>
      <p className="mt-1 text-sm text-zinc-600">
        Also called the tenant ID: integrations and support ask for it. It never changes and grants nothing on its own.
      </p>
      <div className="mt-4 flex max-w-md gap-2">
        <label htmlFor="workspace-id" className="sr-only">
          Workspace ID
        </label>
        <input
          id="workspace-id"
          readOnly
          value={id}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm"
          spellCheck={false}
        />
        <CopyButton text={id} label="Copy workspace ID" what="the ID" compact />
      </div>
    </section>
  );
}

function KeyHygiene({ days, canChange }: { days: number | null; canChange: boolean }) {
  const [state, action, pending] = useActionState(async (...args: Parameters<typeof setKeyHygieneAction>) => {
    const result = await setKeyHygieneAction(...args);
    if (result?.ok) toast.success("Key hygiene saved");
    return result;
  }, null);
  const [enabled, setEnabled] = useState(days !== null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  const reason = canChange ? null : refusalFor("workspace:update");
  return (
    <section aria-labelledby="hygiene-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
      <h2 id="hygiene-heading" className="font-semibold">
        Key hygiene
      </h2>
      <p className="mt-1 text-sm text-zinc-600">
        Keys nobody uses are keys nobody watches. Disable them automatically; each one disabled is in the audit log, and any admin
        can enable it again.
      </p>
      <form ref={form} onSubmit={submitWithoutReset(action)} className="mt-4 max-w-md space-y-3" noValidate>
        <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
        <fieldset disabled={!canChange} className="space-y-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} className="accent-zinc-900" />
            Disable keys unused for a number of days
          </label>
          {enabled ? (
            <TextField
              label="Days without use"
              name="days"
              type="number"
              inputMode="numeric"
              min={7}
              max={365}
              defaultValue={failed?.values?.days ?? String(days ?? 90)}
              errors={failed?.fieldErrors?.days}
              hint="From 7 to 365. A key never used counts from its creation."
            />
          ) : null}
        </fieldset>
        <DisabledReason reason={reason}>
          <Button type="submit" variant="secondary" disabled={!canChange || pending}>
            {pending ? "Saving…" : "Save key hygiene"}
          </Button>
        </DisabledReason>
      </form>
    </section>
  );
}

function LeaveWorkspace({ name, role }: { name: string; role: Role }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="leave-heading" className="rounded-xl border border-red-200 bg-white p-6">
      <h2 id="leave-heading" className="font-semibold">
        Leave workspace
      </h2>
      <p className="mt-1 text-sm text-zinc-600">
        You lose access to {name} at once. {role === "owner" ? "The last owner cannot leave: make someone else an owner first." : ""}
      </p>
      <Button variant="secondary" className="mt-4" onClick={() => setOpen(true)}>
        <LogOut className="size-4" aria-hidden />
        Leave workspace
      </Button>
      <ConfirmDialog
        open={open}
        title={`Leave ${name}?`}
        description="To come back, someone must invite you again."
        confirmLabel="Leave this workspace"
        pendingLabel="Leaving…"
        onConfirm={async () => {
          // Success redirects away from this page; only a refusal (the last owner) comes back.
          const result = await leaveWorkspaceAction(null, {});
          return result?.ok ? { ok: true } : { ok: false, error: result?.error ?? "Could not leave the workspace." };
        }}
        onClose={() => setOpen(false)}
      />
    </section>
  );
}
