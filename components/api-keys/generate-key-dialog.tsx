"use client";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { FormError, TextAreaField, TextField, useFocusOnFailure } from "@/components/ui/field";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import type { ActionState } from "@/lib/actions/action-state";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { SCOPE_PRESETS } from "@/lib/keys/scopes";
import { PolicyFields, type PolicyDefaults } from "./policy-fields";

// A new key unless the person chooses otherwise: private, full access, never expires.
const NEW_KEY: PolicyDefaults = {
  type: "private",
  allowedOrigins: [],
  allowedIps: [],
  permissions: SCOPE_PRESETS.full_access,
  allowedAgents: [],
  allowTransientAgents: false,
  expiresAt: null,
};

export function GenerateKeyDialog({
  open,
  onOpenChange,
  onCreated,
  returnFocusTo,
  agents,
  defaultName,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (created: CreatedApiKey) => void;
  returnFocusTo: () => HTMLElement | null;
  /** The workspace's agents, to restrict the key to some of them. */
  agents: { id: string; name: string }[];
  /** A name to start from (the onboarding checklist offers "production"). */
  defaultName?: string;
}) {
  // Set when the new key goes on to the reveal dialog, which takes focus: closing this one must
  // not pull focus back out to the page behind it.
  const handedOver = useRef(false);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Generate API Key"
        description="Name the key after where it will live, so you know what breaks if you disable it."
        size="lg"
        returnFocusTo={returnFocusTo}
        onCloseAutoFocus={(event) => {
          if (handedOver.current) event.preventDefault();
          handedOver.current = false;
        }}
      >
        {/* Mounted only while open: the form state starts empty every time. */}
        <GenerateKeyForm
          agents={agents}
          defaultName={defaultName}
          onCreated={(created) => {
            handedOver.current = true;
            onCreated(created);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function GenerateKeyForm({
  onCreated,
  agents,
  defaultName,
}: {
  onCreated: (created: CreatedApiKey) => void;
  agents: { id: string; name: string }[];
  defaultName?: string;
}) {
  const [state, action, pending] = useActionState(
    async (previous: ActionState<CreatedApiKey>, formData: FormData) => {
      const result = await createApiKeyAction(previous, formData);
      if (!result?.ok) return result;
      // Hand the secret to the reveal dialog and keep no copy in this form's state.
      onCreated(result.data);
      return null;
    },
    null,
  );
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);
  return (
    <form ref={form} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={64}
        showCount
        autoFocus
        autoComplete="off"
        placeholder="production"
        defaultValue={failed?.values?.name ?? defaultName}
        errors={failed?.fieldErrors?.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={500}
        showCount
        placeholder="Optional: what uses this key?"
        defaultValue={failed?.values?.description}
        errors={failed?.fieldErrors?.description}
      />
      <PolicyFields chooseType defaults={NEW_KEY} agents={agents} errors={failed?.fieldErrors} values={failed?.values} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Generating…" : "Generate"}
        </Button>
      </div>
    </form>
  );
}
