// Calls: plain data access (a call is created in lib/services/calls.ts). Status is not stored:
// it follows from the call's schedule and the clock (lib/calls/schedule.ts), so filtering by
// status is a filter on those times.
import { and, eq, gt, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { agents, calls } from "@/db/schema";
import type { CallStatus } from "@/lib/calls/schedule";
import { decodeListCursor } from "@/lib/lists/cursor";
import type { NewestFirstPage } from "@/lib/lists/pages";
import { afterCursor, newestFirst, page, type Cursor } from "@/lib/pagination";
import { keysetPage, pageRequest, sortKeyText, type KeysetSort } from "./keyset";

export const callColumns = {
  id: calls.id,
  agentId: calls.agentId,
  agentName: agents.name,
  transientAgent: calls.transientAgent,
  toNumber: calls.toNumber,
  fromNumber: calls.fromNumber,
  metadata: calls.metadata,
  createdAt: calls.createdAt,
  ringingAt: calls.ringingAt,
  answeredAt: calls.answeredAt,
  endedAt: calls.endedAt,
  apiKeyId: calls.apiKeyId,
  apiKeyName: calls.apiKeyName,
};

const statusIs: Record<CallStatus, () => SQL> = {
  queued: () => gt(calls.ringingAt, new Date()),
  ringing: () => and(lte(calls.ringingAt, new Date()), gt(calls.answeredAt, new Date()))!,
  in_progress: () => and(lte(calls.answeredAt, new Date()), gt(calls.endedAt, new Date()))!,
  completed: () => lte(calls.endedAt, new Date()),
};

export async function findCall(db: Database | Transaction, workspaceId: string, id: string) {
  const [row] = await db
    .select(callColumns)
    .from(calls)
    .leftJoin(agents, eq(agents.id, calls.agentId))
    .where(and(eq(calls.workspaceId, workspaceId), eq(calls.id, id)));
  return row ?? null;
}

export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

/**
 * One page of the workspace's calls, newest first. `agentIds` restricts to calls of those agents
 * (and, with `includeTransient`, of inline agents): a key limited to some agents sees only theirs.
 */
export async function listCalls(
  db: Database | Transaction,
  workspaceId: string,
  options: { cursor?: Cursor | null; limit: number; agentId?: string; status?: CallStatus; agentIds?: string[]; includeTransient?: boolean },
) {
  const restricted = options.agentIds
    ? or(options.agentIds.length ? inArray(calls.agentId, options.agentIds) : undefined, options.includeTransient ? isNull(calls.agentId) : undefined)
    : undefined;
  if (options.agentIds && !restricted) return page<CallRow>([], options.limit);
  const rows = await db
    .select(callColumns)
    .from(calls)
    .leftJoin(agents, eq(agents.id, calls.agentId))
    .where(
      and(
        eq(calls.workspaceId, workspaceId),
        options.agentId ? eq(calls.agentId, options.agentId) : undefined,
        options.status ? statusIs[options.status]() : undefined,
        restricted,
        afterCursor(options.cursor ?? null, calls),
      ),
    )
    .orderBy(...newestFirst(calls))
    .limit(options.limit + 1);
  return page(rows, options.limit);
}

/** The Calls page: one keyset page, newest (or oldest) first, filtered by agent and status (README "Lists"). */
export async function listCallPage(
  db: Database | Transaction,
  workspaceId: string,
  query: { agentId?: string; status?: CallStatus } & NewestFirstPage,
) {
  const sort: KeysetSort = { key: calls.createdAt, keyType: "timestamptz", id: calls.id, idType: "uuid", desc: query.dir === "desc" };
  const where = and(
    eq(calls.workspaceId, workspaceId),
    query.agentId ? eq(calls.agentId, query.agentId) : undefined,
    query.status ? statusIs[query.status]() : undefined,
  );
  return keysetPage({
    sort,
    request: pageRequest(query, decodeListCursor),
    rows: (keyset, orderBy, limit) =>
      db
        .select({ ...callColumns, sortKey: sortKeyText(sort) })
        .from(calls)
        .leftJoin(agents, eq(agents.id, calls.agentId))
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit),
    count: (counts) => db.select(counts).from(calls).where(where),
  });
}
