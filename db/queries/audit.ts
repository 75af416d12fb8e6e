// The audit log as the dashboard reads it: newest first, filtered, in keyset pages (the id of
// the last event seen), so the thousandth page costs what the first does.
import { and, desc, eq, getTableColumns, gte, lt, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { decodeListCursor } from "@/lib/lists/cursor";
import type { NewestFirstPage } from "@/lib/lists/pages";
import { keysetPage, pageRequest, sortKeyText, type KeysetSort } from "./keyset";

export type AuditFilter = {
  action?: string;
  actor?: string;
  /** Inclusive start and exclusive end of the time range. */
  from?: Date;
  to?: Date;
};

export const AUDIT_PAGE_SIZE = 50;

function conditions(workspaceId: string, filter: AuditFilter): SQL[] {
  const where = [eq(auditEvents.workspaceId, workspaceId)];
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.actor) where.push(eq(auditEvents.actorLabel, filter.actor));
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  return where;
}

/** One page of events older than `before` (an event id), and whether more follow. */
export async function listAuditEvents(db: Database | Transaction, workspaceId: string, filter: AuditFilter, page: { before?: number; limit?: number } = {}) {
  const limit = page.limit ?? AUDIT_PAGE_SIZE;
  const where = conditions(workspaceId, filter);
  if (page.before) where.push(lt(auditEvents.id, page.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return { events: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Every matching event, newest first, in batches (for the CSV export). */
export async function* streamAuditEvents(db: Database | Transaction, workspaceId: string, filter: AuditFilter, batchSize = 1000) {
  let before: number | undefined;
  for (;;) {
    const { events, hasMore } = await listAuditEvents(db, workspaceId, filter, { before, limit: batchSize });
    yield* events;
    if (!hasMore) return;
    before = events.at(-1)!.id;
  }
}

/** Who has acted in the workspace, for the actor filter (the most recent 200 distinct). */
export async function listAuditActors(db: Database | Transaction, workspaceId: string) {
  const rows = await db
    .selectDistinct({ actor: auditEvents.actorLabel })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(auditEvents.actorLabel)
    .limit(200);
  return rows.map((row) => row.actor);
}

/** Settings → Audit log: one keyset page of the filtered events, on the event id (README "Lists"). */
export async function listAuditPage(db: Database | Transaction, workspaceId: string, filter: AuditFilter, page: NewestFirstPage) {
  const sort: KeysetSort = { key: auditEvents.id, keyType: "bigint", id: auditEvents.id, idType: "bigint", desc: page.dir === "desc" };
  const where = and(...conditions(workspaceId, filter));
  return keysetPage({
    sort,
    request: pageRequest(page, decodeListCursor),
    rows: (keyset, orderBy, limit) =>
      db
        .select({ ...getTableColumns(auditEvents), sortKey: sortKeyText(sort) })
        .from(auditEvents)
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit),
    count: (counts) => db.select(counts).from(auditEvents).where(where),
  });
}
