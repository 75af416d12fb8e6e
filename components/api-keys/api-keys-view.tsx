"use client";
// Settings → API Keys: the list, and the generate, reveal, toggle and revoke flows around it.
import { KeyRound, MoreHorizontal, Plus } from "lucide-react";
import { startTransition, useOptimistic, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Switch } from "@/components/ui/switch";
import type { ApiKeyListItem, CreatedApiKey } from "@/db/queries/api-keys";
import { setApiKeyStatusAction } from "@/lib/actions/set-api-key-status";
import { maskKey } from "@/lib/keys/mask";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { RevealKeyDialog } from "./reveal-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";

type Permissions = { create: boolean; toggle: boolean; revoke: boolean };

export function ApiKeysView({ keys, permissions }: { keys: ApiKeyListItem[]; permissions: Permissions }) {
  const [generateOpen, setGenerateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revokeTarget, setRevokeTarget] = useState<ApiKeyListItem | null>(null);
  // The switch flips at once; when the action settles the server's list takes over again,
  // which rolls a refused change back.
  const [optimisticKeys, setOptimisticStatus] = useOptimistic(
    keys,
    (current, change: { id: string; status: ApiKeyListItem["status"] }) =>
      current.map((key) => (key.id === change.id ? { ...key, status: change.status } : key)),
  );

  function toggle(key: ApiKeyListItem, enabled: boolean) {
    startTransition(async () => {
      setOptimisticStatus({ id: key.id, status: enabled ? "active" : "disabled" });
      const failed = (reason: string) => toast.error(`Could not ${enabled ? "enable" : "disable"} "${key.name}": ${reason}`);
      try {
        const result = await setApiKeyStatusAction(null, { keyId: key.id, enabled });
        if (!result?.ok) failed(result?.error ?? "try again.");
      } catch {
        failed("the server could not be reached. Try again.");
      }
    });
  }

  const generateButton = permissions.create ? (
    <Button onClick={() => setGenerateOpen(true)}>
      <Plus className="size-4" aria-hidden />
      Generate API Key
    </Button>
  ) : null;

  return (
    <div>
      <header className="flex items-start justify-between gap-6">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">API Keys</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Keys let your servers and integrations call the Switchboard API on behalf of this workspace. Send one in
            the <code className="font-mono text-xs">X-API-Key</code> header.
          </p>
        </div>
        {optimisticKeys.length > 0 ? <div className="shrink-0">{generateButton}</div> : null}
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
            {generateButton ?? <p className="text-sm text-zinc-500">Ask a workspace admin to generate a key.</p>}
          </div>
        </section>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-xl border border-zinc-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Name</th>
                <th scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Key</th>
                <th scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Status</th>
                <th scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Created</th>
                <th scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Last used</th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {optimisticKeys.map((key) => (
                <tr key={key.id} className="align-top">
                  <td className="max-w-52 px-3 py-3">
                    <p className="truncate font-medium text-zinc-900" title={key.name}>{key.name}</p>
                    {key.description ? (
                      <p className="mt-0.5 truncate text-xs text-zinc-500" title={key.description}>
                        {key.description}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-3 py-3 font-mono text-xs whitespace-nowrap text-zinc-700">{maskKey(key)}</td>
                  <td className="px-3 py-3">
                    <div className="flex items-center gap-2">
                      <Switch
                        checked={key.status === "active"}
                        onCheckedChange={(enabled) => toggle(key, enabled)}
                        disabled={!permissions.toggle}
                        aria-label={`Key ${key.name} active`}
                      />
                      <span className={key.status === "active" ? "text-emerald-700" : "text-zinc-500"}>
                        {key.status === "active" ? "Active" : "Disabled"}
                      </span>
                    </div>
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap text-zinc-700">
                    <RelativeTime date={key.createdAt} />
                    <p className="max-w-40 truncate text-xs text-zinc-500" title={key.createdByEmail}>
                      by {key.createdByEmail}
                    </p>
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap text-zinc-700">
                    {key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : <span className="text-zinc-500">Never</span>}
                  </td>
                  <td className="px-2 py-2 text-right">
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={`Actions for ${key.name}`}>
                          <MoreHorizontal className="size-4" aria-hidden />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent>
                        <DropdownMenuItem
                          onSelect={() => {
                            void navigator.clipboard
                              .writeText(key.id)
                              .then(() => toast.success("Key ID copied"), () => toast.error("Could not copy the key ID"));
                          }}
                        >
                          Copy key ID
                        </DropdownMenuItem>
                        {permissions.revoke ? (
                          <DropdownMenuItem destructive onSelect={() => setRevokeTarget(key)}>
                            Revoke
                          </DropdownMenuItem>
                        ) : null}
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <GenerateKeyDialog
        open={generateOpen}
        onOpenChange={setGenerateOpen}
        onCreated={(key) => {
          setGenerateOpen(false);
          setCreated(key);
        }}
      />
      <RevealKeyDialog created={created} onDone={() => setCreated(null)} />
      <RevokeKeyDialog target={revokeTarget} onClose={() => setRevokeTarget(null)} />
    </div>
  );
}
