"use client";
// Create agent and Edit agent: one form, empty or filled with the agent's fields.
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { FormError, TextAreaField, TextField, useFocusOnFailure } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { AgentRow } from "@/db/queries/agents";
import type { ActionState } from "@/lib/actions/action-state";
import { createAgentAction } from "@/lib/actions/create-agent";
import { updateAgentAction } from "@/lib/actions/update-agent";
import { AGENT_LIMITS, VOICES } from "@/lib/agents/schema";

/** `editing`: the agent being edited; null for a new one. */
export function AgentFormDialog({
  open,
  editing,
  onClose,
  onSaved,
  returnFocusTo,
}: {
  open: boolean;
  editing: AgentRow | null;
  onClose: () => void;
  onSaved: (agent: AgentRow) => void;
  /** The button that opened the dialog: the Name field takes focus before the dialog can note its opener. */
  returnFocusTo: () => HTMLElement | null | undefined;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <DialogContent
        title={editing ? "Edit agent" : "Create agent"}
        description={
          editing
            ? "Calls already made keep the settings they had; new calls use these."
            : "An agent is the voice on a call: what it is called, how it sounds and what it says first."
        }
        returnFocusTo={returnFocusTo}
      >
        {/* Mounted only while open, and keyed by agent: the form state starts afresh every time. */}
        <AgentForm key={editing?.id ?? "new"} editing={editing} onSaved={onSaved} />
      </DialogContent>
    </Dialog>
  );
}

function AgentForm({ editing, onSaved }: { editing: AgentRow | null; onSaved: (agent: AgentRow) => void }) {
  const [state, action, pending] = useActionState(async (previous: ActionState<AgentRow>, formData: FormData) => {
    const result = editing ? await updateAgentAction(previous, formData) : await createAgentAction(previous, formData);
    if (result?.ok) onSaved(result.data);
    return result;
  }, null);
  const failed = state && !state.ok ? state : undefined;
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, failed);

  // What the fields start with: after a failure, what was typed; else the agent's current values.
  const initial = failed?.values ?? {
    name: editing?.name ?? "",
    description: editing?.description ?? "",
    voice: editing?.voice ?? VOICES[0],
    firstMessage: editing?.firstMessage ?? "",
  };
  // An agent created through the API may use a voice the form does not list: keep it selectable.
  const voices: string[] = [...VOICES];
  if (initial.voice && !voices.includes(initial.voice)) voices.push(initial.voice);

  return (
    <form ref={form} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {editing ? <input type="hidden" name="agentId" value={editing.id} /> : null}
      <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={AGENT_LIMITS.name}
        showCount
        autoFocus
        autoComplete="off"
        placeholder="Support line"
        defaultValue={initial.name}
        errors={failed?.fieldErrors?.name}
      />
      <TextAreaField
        label="Description"
        name="description"
        maxLength={AGENT_LIMITS.description}
        showCount
        rows={2}
        placeholder="Optional: what is this agent for?"
        defaultValue={initial.description}
        errors={failed?.fieldErrors?.description}
      />
      <SelectField
        label="Voice"
        name="voice"
        defaultValue={initial.voice}
        errors={failed?.fieldErrors?.voice}
        options={voices.map((voice) => ({ value: voice, label: voice.charAt(0).toUpperCase() + voice.slice(1) }))}
      />
      <TextAreaField
        label="First message"
        name="firstMessage"
        required
        maxLength={AGENT_LIMITS.firstMessage}
        showCount
        rows={4}
        placeholder="Hi, this is Ava from Acme. Is now a good time to talk about your appointment?"
        hint="What the agent says as soon as the call is answered."
        defaultValue={initial.firstMessage}
        errors={failed?.fieldErrors?.firstMessage}
      />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {editing ? (pending ? "Saving…" : "Save agent") : pending ? "Creating…" : "Create agent"}
        </Button>
      </div>
    </form>
  );
}
