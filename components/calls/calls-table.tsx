"use client";
// The call list's columns (README "Lists"); the list itself is DataList.
import { DataList, tableCell, type ListColumn } from "@/components/ui/data-list";
import { RelativeTime } from "@/components/ui/relative-time";
import { STATUS_LABELS } from "@/lib/calls/filter";
import type { CallStatus } from "@/lib/calls/schedule";
import { cn } from "@/lib/utils";
import type { CallItem } from "./calls-view";

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

const columns: ListColumn<CallItem>[] = [
  {
    id: "status",
    header: "Status",
    meta: { className: cn("col-start-2 row-start-1 justify-self-end", tableCell) },
    cell: ({ row: { original: call } }) => <StatusBadge status={call.status} />,
  },
  {
    id: "agent",
    header: "Agent",
    meta: { className: cn("col-start-1 row-start-1 min-w-0 font-medium", tableCell) },
    cell: ({ row: { original: call } }) => (
      <p className="truncate @4xl:max-w-48">
        <AgentName agent={call.agent} />
      </p>
    ),
  },
  {
    // The number called, and the one calling under it: one column, so metadata keeps some room.
    id: "number",
    header: "Number",
    meta: { className: cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm", tableCell) },
    cell: ({ row: { original: call } }) => (
      <>
        <span className="@4xl:hidden">To </span>
        <span className="font-mono text-zinc-800 tabular-nums">{call.toNumber}</span>
        <span className="text-zinc-500 @4xl:block @4xl:text-xs">
          <span className="@4xl:hidden"> · </span>from {call.fromNumber ? <span className="font-mono tabular-nums">{call.fromNumber}</span> : "the default number"}
        </span>
      </>
    ),
  },
  {
    // In the table this column takes the room the others leave, and long metadata truncates.
    id: "metadata",
    header: "Metadata",
    meta: { className: cn("col-span-2 min-w-0 text-xs text-zinc-600 @4xl:w-full @4xl:max-w-0", tableCell) },
    cell: ({ row: { original: call } }) => {
      const metadata = metadataBrief(call.metadata);
      return metadata ? (
        <p className="truncate font-mono" title={metadata.full}>
          <span className="font-sans @4xl:hidden">Metadata </span>
          {metadata.text}
        </p>
      ) : (
        <span className="text-zinc-500">
          <span className="@4xl:hidden">No metadata</span>
          <span className="hidden @4xl:inline">None</span>
        </span>
      );
    },
  },
  {
    id: "created",
    header: "Started",
    meta: { className: cn("col-span-2 flex min-w-0 gap-1 text-xs text-zinc-600 @4xl:block @4xl:text-sm @4xl:text-zinc-700", tableCell) },
    cell: ({ row: { original: call } }) => (
      <>
        <span className="shrink-0 @4xl:hidden">Started</span>
        <span className="shrink-0 whitespace-nowrap">
          <RelativeTime date={call.createdAt} />
        </span>
        <p className="min-w-0 truncate text-zinc-500 @4xl:max-w-44 @4xl:text-xs" title={call.apiKeyName ?? undefined}>
          {call.apiKeyName ? `by key ${call.apiKeyName}` : "by an unknown key"}
        </p>
      </>
    ),
  },
];

export function CallsTable({ calls }: { calls: CallItem[] }) {
  return (
    <DataList
      label="Calls"
      columns={columns}
      rows={calls}
      getRowId={(call) => call.id}
      // Card: agent and status on the first line, then the numbers, metadata and start.
      rowClassName="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 px-4 py-3"
    />
  );
}
