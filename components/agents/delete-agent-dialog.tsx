"use client";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AgentRow } from "@/db/queries/agents";
import { deleteAgentAction } from "@/lib/actions/delete-agent";

/**
 * `afterDeletion`: where focus goes once the agent's row is gone; `afterCancel`: back to the
 * row's menu button (the menu item that opened the dialog no longer exists).
 */
export function DeleteAgentDialog({
  agent,
  onClose,
  afterDeletion,
  afterCancel,
}: {
  agent: AgentRow | null;
  onClose: () => void;
  afterDeletion: () => HTMLElement | null;
  afterCancel: () => HTMLElement | null | undefined;
}) {
  return (
    <ConfirmDialog
      open={agent !== null}
      title="Delete agent"
      description={
        <>
          <strong className="break-words text-zinc-900">{agent?.name}</strong> can no longer be used for new calls, including by API
          keys restricted to it. Past calls keep their history and still show which agent made them. This cannot be undone.
        </>
      }
      confirmLabel="Delete agent"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        const result = await deleteAgentAction(null, { agentId: agent!.id });
        if (!result?.ok) return { ok: false, error: result?.error ?? "Could not delete the agent." };
        toast.success(`Agent "${agent!.name}" deleted`);
        return { ok: true };
      }}
      onClose={onClose}
      returnFocusTo={(deleted) => (deleted ? afterDeletion() : afterCancel())}
    />
  );
}
