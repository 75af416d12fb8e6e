import type { Metadata } from "next";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { getDb } from "@/db/client";
import { listAuditActors, listAuditPage } from "@/db/queries/audit";
import { describeAuditEvent } from "@/lib/audit/describe";
import { parseAuditQuery } from "@/lib/audit/filter";
import { requireSessionContext } from "@/lib/auth/session";
import { parseNewestFirstPage } from "@/lib/lists/pages";
import { can, refusalFor } from "@/lib/permissions";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role } = await requireSessionContext();
  if (!can(role, "audit:read")) {
    return (
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          {refusalFor("audit:read")} Viewers see keys and members, not the audit log.
        </p>
      </div>
    );
  }
  const params = await searchParams;
  const { query, filter, errors } = parseAuditQuery(params);
  const list = parseNewestFirstPage(params);
  const [{ rows, ...page }, actors] = await Promise.all([listAuditPage(getDb(), workspace.id, filter, list), listAuditActors(getDb(), workspace.id)]);
  return (
    <AuditLogView
      query={query}
      list={list}
      page={page}
      errors={errors}
      actors={actors}
      events={rows.map(({ sortKey: _, ...event }) => ({ ...event, description: describeAuditEvent(event) }))}
    />
  );
}
