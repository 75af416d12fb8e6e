"use client";
// Settings → API Keys: the list, and the generate, reveal, toggle and revoke flows around it.
import { KeyRound, Plus } from "lucide-react";
import Link from "next/link";
import { useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DataList } from "@/components/ui/data-list";
import { ListPager, type PageInfo } from "@/components/ui/list-pager";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { useAutoRefresh } from "@/components/ui/use-auto-refresh";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import type { LeakedKey } from "@/db/queries/leaked-keys";
import { setApiKeyStatusAction } from "@/lib/actions/set-api-key-status";
import { receiptText } from "@/lib/keys/receipt";
import { listHref, type ListParams } from "@/lib/lists/href";
import { listNeedsControls } from "@/lib/lists/page-sizes";
import { routes } from "@/lib/routes";
import { apiKeyColumns, keyRowClassName, type KeyRow } from "./api-key-columns";
import { ApiKeysIntro } from "./api-keys-intro";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { LeakedKeysBanner } from "./leaked-keys-banner";
import { RevealKeyDialog } from "./reveal-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";

type Permissions = { create: boolean; update: boolean; toggle: boolean; revoke: boolean };

/** The list's state as the server read it from the URL (lib/lists/api-keys.ts). */
export type KeyListState = {
  q?: string;
  status?: "active" | "disabled" | "revoked";
  type?: "private" | "public";
  expiring: boolean;
  unused: boolean;
  sort: "created" | "last_used" | "name";
  dir: "asc" | "desc";
  limit: number;
  cursor?: string;
  before?: string;
};

const SORT_OPTIONS = [
  { value: "created.desc", label: "Newest first" },
  { value: "created.asc", label: "Oldest first" },
  { value: "last_used.desc", label: "Recently used" },
  { value: "last_used.asc", label: "Least recently used" },
  { value: "name.asc", label: "Name (A–Z)" },
  { value: "name.desc", label: "Name (Z–A)" },
];

export function ApiKeysView({
  keys,
  page,
  list,
  expiringSoonDays,
  permissions,
  agents,
  leaked = { keys: [], more: 0 },
}: {
  keys: KeyRow[];
  page: PageInfo;
  list: KeyListState;
  expiringSoonDays: number;
  permissions: Permissions;
  agents: { id: string; name: string }[];
  /** Keys found in public and not yet rolled (README "Leaked keys"), for the banner. */
  leaked?: { keys: LeakedKey[]; more: number };
}) {
  const [generateOpen, setGenerateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revokeTarget, setRevokeTarget] = useState<KeyRow | null>(null);
  const [rollTarget, setRollTarget] = useState<KeyRow | null>(null);
  // The key whose row focus returns to after the reveal: a rolled key's successor.
  const revealedFromRow = useRef<string | null>(null);
  const [togglePending, startToggle] = useTransition();
  // The switch flips at once; when the action settles the server's list takes over again,
  // which rolls a refused change back.
  const [optimisticKeys, setOptimisticStatus] = useOptimistic(
    keys,
    (current, change: { id: string; status: KeyRow["status"] }) =>
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

  const { navigate } = useListNavigation();
  const columns = useMemo(
    () =>
      apiKeyColumns({
        canToggle: permissions.toggle,
        canRevoke: permissions.revoke,
        canUpdate: permissions.update,
        onToggle: (key, enabled) => toggle(key, enabled),
        onRevoke: setRevokeTarget,
        onRoll: setRollTarget,
        actionsRef: (key) => (element) => {
          if (!element) return;
          actionButtons.current.set(key.id, element);
          return () => {
            if (actionButtons.current.get(key.id) === element) actionButtons.current.delete(key.id);
          };
        },
      }),
    // toggle() only reads state through setters and the transition, which are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [permissions.toggle, permissions.revoke, permissions.update],
  );

  function toggle(key: KeyRow, enabled: boolean) {
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

  const filtered = !!(list.q || list.status || list.type || list.expiring || list.unused);
  // The workspace has keys (or something is filtered): otherwise the first-key empty state.
  const hasKeys = filtered || page.total > 0 || !!list.cursor || !!list.before;
  const params: ListParams = { ...list, sort: list.sort === "created" && list.dir === "desc" ? undefined : list.sort, dir: list.sort === "created" && list.dir === "desc" ? undefined : list.dir, limit: list.limit === 20 ? undefined : list.limit };

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
          <ApiKeysIntro />
        </div>
        {hasKeys ? <div className="shrink-0">{generateButtonElement}</div> : null}
      </header>

      <LeakedKeysBanner
        keys={leaked.keys}
        more={leaked.more}
        canRoll={permissions.update}
        onRolled={(key) => {
          revealedFromRow.current = null;
          setCreated(key);
        }}
      />

      {hasKeys && listNeedsControls({ total: page.total, narrowed: filtered || !!list.cursor || !!list.before || list.sort !== "created" || list.dir !== "desc", limit: list.limit }) ? (
        <ListToolbar
          label="Filter keys"
          path={routes.apiKeys}
          search={{ label: "Search keys", placeholder: "Name", value: list.q ?? "" }}
          selects={[
            {
              name: "status",
              label: "Status",
              value: list.status ?? "",
              options: [
                { value: "", label: "Active and disabled" },
                { value: "active", label: "Active" },
                { value: "disabled", label: "Disabled" },
                { value: "revoked", label: "Revoked" },
              ],
            },
            {
              name: "type",
              label: "Type",
              value: list.type ?? "",
              options: [
                { value: "", label: "Any type" },
                { value: "private", label: "Private" },
                { value: "public", label: "Public" },
              ],
            },
          ]}
          flags={[
            { name: "expiring", label: "Expiring soon", checked: list.expiring },
            { name: "unused", label: "Unused 30+ days", checked: list.unused },
          ]}
          sort={{ value: `${list.sort}.${list.dir}`, options: SORT_OPTIONS }}
          pageSize={list.limit}
          clearHref={filtered ? listHref(routes.apiKeys, { sort: params.sort, dir: params.dir, limit: params.limit }) : null}
        />
      ) : null}

      {!hasKeys ? (
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
          <p className="mt-6 text-sm text-zinc-600">
            New here? The{" "}
            <Link href={routes.guide("getting-started")} className="font-medium underline underline-offset-4">
              Getting started
            </Link>{" "}
            guide goes from a key to your first request in three steps.
          </p>
        </section>
      ) : optimisticKeys.length === 0 ? (
        <section className="mt-6 rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
          <h2 className="font-semibold">{emptyMessage(list, expiringSoonDays)}</h2>
          <p className="mt-1 text-sm text-zinc-600">{filtered ? "Change or clear the filters to see other keys." : "No keys on this page."}</p>
        </section>
      ) : (
        <>
          <DataList
            label="API keys"
            className="mt-6"
            columns={columns}
            rows={optimisticKeys}
            getRowId={(key) => key.id}
            rowClassName={keyRowClassName}
            sort={{ id: list.sort, desc: list.dir === "desc" }}
            onSortChange={(sort) => navigate({ sort: sort.id, dir: sort.desc ? "desc" : "asc" })}
          />
          <ListPager page={page} path={routes.apiKeys} params={params} noun="keys" newestFirst={list.sort === "created" && list.dir === "desc"} />
        </>
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

/** "No disabled keys", "No public keys expiring soon", "No keys named like “prod”": what the filters found nothing of. */
function emptyMessage(list: KeyListState, expiringSoonDays: number): string {
  const kinds = [list.status, list.type].filter(Boolean).join(" ");
  const conditions = [
    list.q ? `matching “${list.q}”` : null,
    list.expiring ? `expiring in the next ${expiringSoonDays} days` : null,
    list.unused ? "unused for 30+ days" : null,
  ].filter(Boolean);
  return ["No", kinds, "keys", conditions.join(" and ")].filter(Boolean).join(" ");
}
