// Calls: every call of the workspace, newest first, with its status now. Calls are started only
// through the API, so this page reads and filters. The filters are a plain GET form, so a
// filtered view is a link; pages are cursor links.
import { PhoneCall } from "lucide-react";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { SelectField } from "@/components/ui/select-field";
import { CALL_STATUSES, type CallStatus } from "@/lib/calls/schedule";
import { STATUS_LABELS, type CallsQuery } from "@/lib/calls/filter";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { CallsAutoRefresh } from "./calls-auto-refresh";

export type CallItem = {
  id: string;
  status: CallStatus;
  agent: { kind: "saved" | "transient"; name: string } | { kind: "deleted"; name: string | null };
  toNumber: string;
  fromNumber: string | null;
  metadata: Record<string, string | number | boolean | null>;
  createdAt: Date;
  apiKeyName: string | null;
};

type Props = {
  calls: CallItem[];
  nextCursor: string | null;
  paged: boolean;
  query: CallsQuery;
  /** Filters that could not be read, and were ignored. */
  errors: string[];
  agents: { id: string; name: string }[];
  /** Where this dashboard (and its API) is reached, for the example command. */
  origin: string;
};

// Table layout only: cells sit in their columns, and the padding the cards have on the row.
const cell = "@4xl:table-cell @4xl:px-3 @4xl:py-3";
const header = "px-3 py-3 font-medium whitespace-nowrap";

export function CallsView({ calls, nextCursor, paged, query, errors, agents, origin }: Props) {
  const filters = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  const filtered = filters.size > 0;
  const older = new URLSearchParams(filters);
  if (nextCursor) older.set("cursor", nextCursor);
  // A link to a deleted agent's calls still filters by it: name it rather than showing "All agents".
  const agentOptions = agents.map((agent) => ({ value: agent.id, label: agent.name }));
  if (query.agent && !agents.some((agent) => agent.id === query.agent)) agentOptions.push({ value: query.agent, label: "Deleted agent" });

  return (
    <div className="space-y-6">
      {/* Statuses move on within seconds: refresh quickly while any call on screen is still live. */}
      <CallsAutoRefresh live={calls.some((call) => call.status !== "completed")} />
      <header className="min-w-0">
        <h1 className="text-2xl font-semibold">Calls</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600">
          Every call your agents make, newest first. Calls are started through the API; their status updates here as they ring,
          connect and end.
        </p>
      </header>

      {/* Nothing to filter in a workspace without calls: the empty state alone says what to do. */}
      {calls.length === 0 && !filtered && !paged && errors.length === 0 ? null : (
        <form method="get" action={routes.calls} aria-label="Filter calls" className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto]">
          <SelectField label="Agent" name="agent" defaultValue={query.agent ?? ""} options={[{ value: "", label: "All agents" }, ...agentOptions]} />
          <SelectField
            label="Status"
            name="status"
            defaultValue={query.status ?? ""}
            options={[{ value: "", label: "Any status" }, ...CALL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))]}
          />
          <div className="flex items-end gap-3">
            <button
              type="submit"
              className="h-9 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
            >
              Filter
            </button>
            {filtered ? (
              <Link href={routes.calls} className="pb-2 text-sm font-medium underline underline-offset-4">
                Clear
              </Link>
            ) : null}
          </div>
          {errors.length > 0 ? (
            <p role="alert" className="text-sm text-red-700 sm:col-span-3">
              Some filters could not be read and were ignored: {errors.join("; ")}.
            </p>
          ) : null}
        </form>
      )}

      {calls.length === 0 ? (
        filtered || paged ? (
          <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
            {filtered ? "No calls match these filters." : "No older calls."}
          </p>
        ) : (
          <EmptyState origin={origin} agentId={agents[0]?.id} />
        )
      ) : (
        <CallsTable calls={calls} />
      )}

      {paged || nextCursor ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {paged ? (
            <Link href={`${routes.calls}${filtered ? `?${filters}` : ""}`} className="font-medium underline underline-offset-4">
              Newest
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={`${routes.calls}?${older}`} className="font-medium underline underline-offset-4">
              Older calls
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function EmptyState({ origin, agentId }: { origin: string; agentId?: string }) {
  const curl = [
    `curl -X POST ${origin}/api/v1/calls \\`,
    `  -H "X-API-Key: $SWITCHBOARD_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"agent_id": "${agentId ?? "AGENT_ID"}", "to_number": "+14155552671"}'`,
  ].join("\n");
  return (
    <section aria-labelledby="calls-empty-heading" className="rounded-xl border border-dashed border-zinc-300 bg-white px-4 py-10 sm:px-6">
      <div className="flex flex-col items-center text-center">
        <PhoneCall className="size-10 text-zinc-400" aria-hidden />
        <h2 id="calls-empty-heading" className="mt-4 font-semibold">
          No calls yet
        </h2>
        <p className="mt-1 max-w-lg text-sm text-zinc-600">
          Calls are started through the API, not from this dashboard: send{" "}
          <code className="font-mono text-xs whitespace-nowrap">POST /api/v1/calls</code> with an API key, an agent and the number to call. Each call
          then shows up here.
          {agentId ? null : (
            <>
              {" "}
              First <Link href={routes.agents} className="font-medium underline underline-offset-4">create an agent</Link> and use
              its ID as <code className="font-mono text-xs">agent_id</code>.
            </>
          )}
        </p>
      </div>
      <div className="mx-auto mt-6 max-w-2xl">
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm font-medium text-zinc-800">Start a call</p>
          <CopyButton text={curl} label="Copy curl command" what="the command" compact />
        </div>
        {/* Scrolls inside itself: a command must not wrap into something that no longer pastes. */}
        <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100" tabIndex={0} aria-label="Example curl command">
          {curl}
        </pre>
        <p className="mt-2 text-xs text-zinc-600">
          Generate a key under <Link href={routes.apiKeys} className="underline underline-offset-4">Settings → API Keys</Link> and
          put it in <code className="font-mono">SWITCHBOARD_API_KEY</code>.
        </p>
      </div>
    </section>
  );
}

const STATUS_LOOKS: Record<CallStatus, string> = {
  queued: "bg-zinc-100 text-zinc-700",
  ringing: "bg-amber-100 text-amber-900",
  in_progress: "bg-sky-100 text-sky-900",
  completed: "bg-emerald-100 text-emerald-900",
};

function StatusBadge({ status }: { status: CallStatus }) {
  return (
    <span className={cn("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", STATUS_LOOKS[status])}>
      {status === "ringing" || status === "in_progress" ? (
        <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current motion-reduce:animate-none" />
      ) : null}
      {STATUS_LABELS[status]}
    </span>
  );
}

function AgentName({ agent }: { agent: CallItem["agent"] }) {
  if (agent.kind === "saved") return <span className="text-zinc-900">{agent.name}</span>;
  if (agent.kind === "transient") return <span className="text-zinc-900">Transient: {agent.name}</span>;
  return (
    <span className="text-zinc-600 italic">
      Deleted agent
      {agent.name ? <span className="not-italic text-zinc-500"> (was {agent.name})</span> : null}
    </span>
  );
}

/**
 * The first two metadata fields as `key: value`, the rest counted; the whole object on hover.
 * Sorted by key: PostgreSQL's jsonb keeps keys in its own order (shortest first), not the caller's.
 */
function metadataBrief(metadata: CallItem["metadata"]) {
  const entries = Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  const shown = entries.slice(0, 2).map(([key, value]) => `${key}: ${value === null ? "null" : String(value)}`);
  return { text: shown.join(", ") + (entries.length > 2 ? ` +${entries.length - 2} more` : ""), full: JSON.stringify(metadata, null, 1) };
}

function CallsTable({ calls }: { calls: CallItem[] }) {
  return (
    // `relative`: the visually hidden header text is absolutely positioned, and without a
    // positioned ancestor it escapes this box's clip and widens the whole page.
    <div className="@container relative overflow-x-auto rounded-xl border border-zinc-200 bg-white">
      <table role="table" aria-label="Calls" className="block w-full text-left text-sm @4xl:table">
        <thead
          role="rowgroup"
          className="hidden border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase @4xl:table-header-group"
        >
          <tr role="row">
            <th role="columnheader" scope="col" className={header}>Status</th>
            <th role="columnheader" scope="col" className={header}>Agent</th>
            <th role="columnheader" scope="col" className={header}>Number</th>
            <th role="columnheader" scope="col" className={header}>Metadata</th>
            <th role="columnheader" scope="col" className={header}>Started</th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-zinc-100 @4xl:table-row-group">
          {calls.map((call) => {
            const metadata = metadataBrief(call.metadata);
            return (
              <tr
                key={call.id}
                role="row"
                // Card: agent and status on the first line, then the numbers, metadata and start.
                className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 px-4 py-3 @4xl:table-row @4xl:p-0 @4xl:align-top"
              >
                <td role="cell" className={cn("col-start-2 row-start-1 justify-self-end", cell)}>
                  <StatusBadge status={call.status} />
                </td>
                <td role="cell" className={cn("col-start-1 row-start-1 min-w-0 font-medium", cell)}>
                  <p className="truncate @4xl:max-w-48">
                    <AgentName agent={call.agent} />
                  </p>
                </td>
                {/* The number called, and the one calling under it: one column, so metadata keeps some room. */}
                <td role="cell" className={cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm", cell)}>
                  <span className="@4xl:hidden">To </span>
                  <span className="font-mono text-zinc-800 tabular-nums">{call.toNumber}</span>
                  <span className="text-zinc-500 @4xl:block @4xl:text-xs">
                    <span className="@4xl:hidden"> · </span>from{" "}
                    {call.fromNumber ? <span className="font-mono tabular-nums">{call.fromNumber}</span> : "the default number"}
                  </span>
                </td>
                {/* In the table this column takes the room the others leave, and long metadata truncates. */}
                <td role="cell" className={cn("col-span-2 min-w-0 text-xs text-zinc-600 @4xl:w-full @4xl:max-w-0", cell)}>
                  {metadata ? (
                    <p className="truncate font-mono" title={metadata.full}>
                      <span className="font-sans @4xl:hidden">Metadata </span>
                      {metadata.text}
                    </p>
                  ) : (
                    <span className="text-zinc-500">
                      <span className="@4xl:hidden">No metadata</span>
                      <span className="hidden @4xl:inline">None</span>
                    </span>
                  )}
                </td>
                <td role="cell" className={cn("col-span-2 flex min-w-0 gap-1 text-xs text-zinc-600 @4xl:block @4xl:text-sm @4xl:text-zinc-700", cell)}>
                  <span className="shrink-0 @4xl:hidden">Started</span>
                  <span className="shrink-0 whitespace-nowrap">
                    <RelativeTime date={call.createdAt} />
                  </span>
                  <p className="min-w-0 truncate text-zinc-500 @4xl:max-w-44 @4xl:text-xs" title={call.apiKeyName ?? undefined}>
                    {call.apiKeyName ? `by key ${call.apiKeyName}` : "by an unknown key"}
                  </p>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
