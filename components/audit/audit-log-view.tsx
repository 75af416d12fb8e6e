// Settings → Audit log: every change in the workspace, newest first, as sentences, with the raw
// fields a click away. Filters are a GET form (README "Lists"), so a filtered view is a link to
// share, and the CSV export downloads exactly what is filtered.
import { Download } from "lucide-react";
import { ListPager, type PageInfo } from "@/components/ui/list-pager";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { AUDIT_ACTIONS } from "@/lib/audit/events";
import type { AuditQuery } from "@/lib/audit/filter";
import type { ListParams } from "@/lib/lists/href";
import type { NewestFirstPage } from "@/lib/lists/pages";
import { routes } from "@/lib/routes";
import { AuditEventsTable, type AuditEventItem } from "./audit-events-table";

type Props = {
  query: AuditQuery;
  list: NewestFirstPage;
  page: PageInfo;
  errors: Record<string, string[]>;
  actors: string[];
  events: AuditEventItem[];
};

export function AuditLogView({ query, list, page, errors, actors, events }: Props) {
  const filters: ListParams = { action: query.action, actor: query.actor, from: query.from, to: query.to };
  const filtered = Object.values(filters).some(Boolean);
  const params: ListParams = { ...filters, dir: list.dir === "desc" ? undefined : list.dir, limit: list.limit === 20 ? undefined : list.limit, cursor: list.cursor, before: list.before };
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
          {Object.entries(filters).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={String(value)} /> : null,
          )}
          <button
            type="submit"
            className="inline-flex h-9 items-center gap-2 rounded-md border border-zinc-300 bg-white px-4 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
          >
            <Download className="size-4" aria-hidden />
            Export CSV
          </button>
        </form>
      </header>

      <ListToolbar
        label="Filter events"
        path={routes.auditLog}
        selects={[
          { name: "action", label: "Action", value: query.action ?? "", options: [{ value: "", label: "All actions" }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: action }))] },
          { name: "actor", label: "Actor", value: query.actor ?? "", options: [{ value: "", label: "Anyone" }, ...actors.map((actor) => ({ value: actor, label: actor }))] },
        ]}
        dates={[
          { name: "from", label: "From (UTC)", value: query.from ?? "" },
          { name: "to", label: "To (UTC)", value: query.to ?? "" },
        ]}
        sort={{ value: `occurred.${list.dir}`, options: [{ value: "occurred.desc", label: "Newest first" }, { value: "occurred.asc", label: "Oldest first" }] }}
        pageSize={list.limit}
        clearHref={filtered ? routes.auditLog : null}
        errors={errorList}
      />

      {events.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
          {query.action && !query.actor && !query.from && !query.to
            ? `No ${query.action} events.`
            : filtered
              ? "No events match these filters."
              : page.total > 0
                ? "No more events."
                : "No events yet. Changes to keys and members will appear here."}
        </p>
      ) : (
        <div>
          <AuditEventsTable events={events} />
          <ListPager page={page} path={routes.auditLog} params={params} noun="events" newestFirst={list.dir === "desc"} />
        </div>
      )}
    </div>
  );
}
