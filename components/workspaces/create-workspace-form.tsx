"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { createWorkspaceAction } from "@/lib/actions/workspaces";

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <TextField
        label="Workspace name"
        name="name"
        required
        maxLength={64}
        autoFocus
        autoComplete="organization"
        defaultValue={failed?.values?.name}
        errors={failed?.fieldErrors?.name}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
