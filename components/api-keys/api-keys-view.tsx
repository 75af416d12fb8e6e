"use client";
// Settings → API Keys: the list, and the generate, reveal, toggle and revoke flows around it.
import { KeyRound, Plus } from "lucide-react";
import { useOptimistic, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useAutoRefresh } from "@/components/ui/use-auto-refresh";
import type { ApiKeyListItem, CreatedApiKey } from "@/db/queries/api-keys";
import { setApiKeyStatusAction } from "@/lib/actions/set-api-key-status";
import { receiptText } from "@/lib/keys/receipt";
import { ApiKeysTable } from "./api-keys-table";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { RevealKeyDialog } from "./reveal-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";

type Permissions = { create: boolean; update: boolean; toggle: boolean; revoke: boolean };

export function ApiKeysView({
  keys,
  permissions,
  agents,
}: {
  keys: ApiKeyListItem[];
  permissions: Permissions;
  agents: { id: string; name: string }[];
}) {
  const [generateOpen, setGenerateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revokeTarget, setRevokeTarget] = useState<ApiKeyListItem | null>(null);
  const [rollTarget, setRollTarget] = useState<ApiKeyListItem | null>(null);
  // The key whose row focus returns to after the reveal: a rolled key's successor.
  const revealedFromRow = useRef<string | null>(null);
  const [togglePending, startToggle] = useTransition();
  // The switch flips at once; when the action settles the server's list takes over again,
  // which rolls a refused change back.
  const [optimisticKeys, setOptimisticStatus] = useOptimistic(
    keys,
    (current, change: { id: string; status: ApiKeyListItem["status"] }) =>
      current.map((key) => (key.id === change.id ? { ...key, status: change.status } : key)),
  );
  // "Last used" and other people's changes show up without a reload; never under an open
  // dialog or a toggle in flight, whose state a refresh could overtake.
  useAutoRefresh({ paused: generateOpen || created !== null || revokeTarget !== null || rollTarget !== null || togglePending });

  // Where focus goes when a dialog closes: back to what opened it, or to the nearest control
  // that still exists once the opener is gone.
  const heading = useRef<HTMLHeadingElement>(null);
  const generateButton = useRef<HTMLButtonElement>(null);
  const actionButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterRevoke = useRef<string | null>(null);

  function toggle(key: ApiKeyListItem, enabled: boolean) {
    startToggle(async () => {
      setOptimisticStatus({ id: key.id, status: enabled ? "active" : "disabled" });
      const failed = (reason: string) => toast.error(`Could not ${enabled ? "enable" : "disable"} "${key.name}": ${reason}`);
      try {
        const result = await setApiKeyStatusAction(null, { keyId: key.id, enabled });
        if (!result?.ok) failed(result?.error ?? "try again.");
        else toast.success(receiptText(`${enabled ? "Enabled" : "Disabled"} "${key.name}"`, result.data.propagation, enabled ? "applies the change" : "refuses the key"));
      } catch {
        failed("the server could not be reached. Try again.");
      }
    });
  }

  function closeRevoke(revoked: boolean) {
    if (revokeTarget) {
      // A revoked row leaves the list with its menu button: focus its neighbour's (the next
      // row's, else the previous one's), or the heading when it was the last key.
      const index = optimisticKeys.findIndex((key) => key.id === revokeTarget.id);
      const neighbour = index === -1 ? undefined : (optimisticKeys[index + 1] ?? optimisticKeys[index - 1]);
      focusAfterRevoke.current = revoked ? (neighbour?.id ?? null) : revokeTarget.id;
    }
    setRevokeTarget(null);
  }

  const generateButtonElement = permissions.create ? (
    <Button ref={generateButton} onClick={() => setGenerateOpen(true)}>
      <Plus className="size-4" aria-hidden />
      Generate API Key
    </Button>
  ) : null;

  return (
    <div>
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-4">
        <div className="min-w-0">
          {/* Focusable from script: where focus goes when the last key is revoked. */}
          <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            API Keys
          </h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Keys let your servers and integrations call the Switchboard API on behalf of this workspace. Send one in
            the <code className="font-mono text-xs">X-API-Key</code> header.
          </p>
        </div>
        {optimisticKeys.length > 0 ? <div className="shrink-0">{generateButtonElement}</div> : null}
      </header>

      {optimisticKeys.length === 0 ? (
        <section className="mt-8 flex flex-col items-center rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-14 text-center">
          <KeyRound className="size-10 text-zinc-400" aria-hidden />
          <h2 className="mt-4 font-semibold">No API keys yet</h2>
          <p className="mt-1 max-w-md text-sm text-zinc-600">
            Generate a key for each place that calls the API (production, staging, your Zapier integration), so you
            can turn one off without touching the others.
          </p>
          <div className="mt-6">
            {generateButtonElement ?? <p className="text-sm text-zinc-500">Ask a workspace admin to generate a key.</p>}
          </div>
        </section>
      ) : (
        <ApiKeysTable
          keys={optimisticKeys}
          canToggle={permissions.toggle}
          canRevoke={permissions.revoke}
          canUpdate={permissions.update}
          onToggle={toggle}
          onRevoke={setRevokeTarget}
          onRoll={setRollTarget}
          actionsRef={(key) => (element) => {
            if (!element) return;
            actionButtons.current.set(key.id, element);
            return () => {
              if (actionButtons.current.get(key.id) === element) actionButtons.current.delete(key.id);
            };
          }}
        />
      )}

      <GenerateKeyDialog
        open={generateOpen}
        onOpenChange={setGenerateOpen}
        onCreated={(key) => {
          setGenerateOpen(false);
          revealedFromRow.current = null;
          setCreated(key);
        }}
        returnFocusTo={() => generateButton.current}
        agents={agents}
      />
      <RollKeyDialog
        target={rollTarget}
        onClose={() => setRollTarget(null)}
        onRolled={(key) => {
          setRollTarget(null);
          revealedFromRow.current = key.apiKey.id;
          setCreated(key);
        }}
        returnFocusTo={() => (rollTarget ? actionButtons.current.get(rollTarget.id) : undefined) ?? heading.current}
      />
      <RevealKeyDialog
        created={created}
        onDone={() => setCreated(null)}
        returnFocusTo={() => (revealedFromRow.current ? actionButtons.current.get(revealedFromRow.current) : generateButton.current) ?? heading.current}
      />
      <RevokeKeyDialog
        target={revokeTarget}
        onClose={closeRevoke}
        returnFocusTo={() => {
          const id = focusAfterRevoke.current;
          return (id ? actionButtons.current.get(id) : undefined) ?? heading.current;
        }}
      />
    </div>
  );
}
