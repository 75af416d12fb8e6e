"use client";
// The audit log's columns (README "Lists"): each event as a sentence with its raw fields under
// Details, and its time in UTC. The list itself is DataList.
import { DataList, type ListColumn } from "@/components/ui/data-list";
import type { AuditEvent } from "@/db/schema";

export type AuditEventItem = AuditEvent & { description: string };

const columns: ListColumn<AuditEventItem>[] = [
  {
    id: "event",
    header: "Event",
    meta: { className: "min-w-0 @4xl:table-cell @4xl:px-4 @4xl:py-3" },
    cell: ({ row: { original: event } }) => (
      <>
        <p className="text-zinc-900">{event.description}</p>
        <details className="mt-1 text-xs text-zinc-600">
          <summary className="cursor-pointer select-none">Details</summary>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono break-all">
            <dt>action</dt>
            <dd>{event.action}</dd>
            <dt>actor</dt>
            <dd>
              {event.actorType} {event.actorId ?? ""} {event.actorLabel}
            </dd>
            <dt>target</dt>
            <dd>
              {event.targetType} {event.targetId ?? ""} {event.targetLabel ?? ""}
            </dd>
            <dt>ip</dt>
            <dd>{event.ip ?? "none"}</dd>
            <dt>user agent</dt>
            <dd>{event.userAgent ?? "none"}</dd>
            <dt>metadata</dt>
            <dd>{JSON.stringify(event.metadata)}</dd>
          </dl>
        </details>
      </>
    ),
  },
  {
    id: "occurred",
    header: "When (UTC)",
    meta: { className: "font-mono text-xs whitespace-nowrap text-zinc-700 @4xl:table-cell @4xl:px-4 @4xl:py-3" },
    cell: ({ row: { original: event } }) => (
      <time dateTime={event.occurredAt.toISOString()}>{event.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</time>
    ),
  },
];

export function AuditEventsTable({ events }: { events: AuditEventItem[] }) {
  return (
    <DataList
      label="Audit events"
      columns={columns}
      rows={events}
      getRowId={(event) => String(event.id)}
      // Card: the sentence, then its time.
      rowClassName="grid gap-1 px-4 py-3"
    />
  );
}
