"use client";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField, useFocusOnFailure } from "@/components/ui/field";
import { createWorkspaceAction } from "@/lib/actions/workspaces";

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <form ref={form} action={action} className="mt-4 space-y-4" noValidate>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <TextField
        label="Workspace name"
        name="name"
        required
        maxLength={64}
        showCount
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
