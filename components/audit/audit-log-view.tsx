// Settings → Audit log: every change in the workspace, newest first, as sentences, with the raw
// fields a click away. Filters are a plain GET form, so a filtered view is a link to share, and
// the CSV export downloads exactly what is filtered.
import { Download } from "lucide-react";
import Link from "next/link";
import type { AuditEvent } from "@/db/schema";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import type { AuditQuery } from "@/lib/audit/filter";
import { routes } from "@/lib/routes";

type Event = AuditEvent & { description: string };

type Props = { query: AuditQuery; errors: Record<string, string[]>; actors: string[]; events: Event[]; hasMore: boolean };

const field = "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-zinc-900 focus:ring-1 focus:ring-zinc-900 focus:outline-none";

export function AuditLogView({ query, errors, actors, events, hasMore }: Props) {
  const filters = new URLSearchParams(
    Object.entries({ action: query.action, actor: query.actor, from: query.from, to: query.to }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const older = new URLSearchParams(filters);
  if (events.length > 0) older.set("before", String(events.at(-1)!.id));
  const filtered = filters.size > 0;
  const errorList = Object.entries(errors).flatMap(([name, messages]) => messages.map((message) => `${name}: ${message}`));

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">Audit log</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Every change to keys, members and the workspace, and every failed sign-in of its members, newest first. Events
            cannot be edited or deleted.
          </p>
        </div>
        {/* A GET form: the browser downloads the file (Content-Disposition), no script needed. */}
        <form method="get" action={`${routes.auditLog}/export`}>
          {[...filters].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            className="inline-flex h-9 items-center gap-2 rounded-md border border-zinc-300 bg-white px-4 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
          >
            <Download className="size-4" aria-hidden />
            Export CSV
          </button>
        </form>
      </header>

      <form method="get" className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter events">
        <label className="space-y-1 text-sm font-medium">
          <span>Action</span>
          <select name="action" defaultValue={query.action ?? ""} className={field}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span>Actor</span>
          <select name="actor" defaultValue={query.actor ?? ""} className={field}>
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor} value={actor}>
                {actor}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span>From (UTC)</span>
          <input type="date" name="from" defaultValue={query.from} className={field} />
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span>To (UTC)</span>
          <input type="date" name="to" defaultValue={query.to} className={field} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="h-9 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700">
            Filter
          </button>
          {filtered ? (
            <Link href={routes.auditLog} className="text-sm font-medium underline underline-offset-4">
              Clear
            </Link>
          ) : null}
        </div>
        {errorList.length > 0 ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-5">
            Some filters could not be read and were ignored: {errorList.join("; ")}
          </p>
        ) : null}
      </form>

      {events.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
          {filtered || query.before ? "No events match these filters." : "No events yet. Changes to keys and members will appear here."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white">
          <table className="w-full text-left text-sm" aria-label="Audit events">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Event</th>
                <th scope="col" className="px-4 py-3 font-medium whitespace-nowrap">When (UTC)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {events.map((event) => (
                <tr key={event.id} className="align-top">
                  <td className="px-4 py-3">
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
                  </td>
                  <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-zinc-700">
                    <time dateTime={event.occurredAt.toISOString()}>{event.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {query.before ? (
          <Link href={`${routes.auditLog}${filters.size ? `?${filters}` : ""}`} className="font-medium underline underline-offset-4">
            Newest events
          </Link>
        ) : null}
        {hasMore ? (
          <Link href={`${routes.auditLog}?${older}`} className="font-medium underline underline-offset-4">
            Older events
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
