// Agents: plain data access (changes are in lib/services/agents.ts). Deleted agents are gone
// from every read.
import { and, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { agents } from "@/db/schema";
import type { AgentListQuery } from "@/lib/lists/agents";
import { decodeListCursor } from "@/lib/lists/cursor";
import { afterCursor, newestFirst, page, type Cursor } from "@/lib/pagination";
import { escapeLike, keysetPage, pageRequest, sortKeyText, type KeysetSort } from "./keyset";

export const agentColumns = {
  id: agents.id,
  name: agents.name,
  description: agents.description,
  voice: agents.voice,
  firstMessage: agents.firstMessage,
  createdAt: agents.createdAt,
  createdByType: agents.createdByType,
  createdById: agents.createdById,
  createdByLabel: agents.createdByLabel,
  updatedAt: agents.updatedAt,
};

const live = (workspaceId: string) => and(eq(agents.workspaceId, workspaceId), isNull(agents.deletedAt));

export async function findAgent(db: Database | Transaction, workspaceId: string, id: string) {
  const [row] = await db.select(agentColumns).from(agents).where(and(live(workspaceId), eq(agents.id, id)));
  return row ?? null;
}

export type AgentRow = NonNullable<Awaited<ReturnType<typeof findAgent>>>;

/** One page of the workspace's agents, newest first; `only` restricts to those ids. */
export async function listAgents(db: Database | Transaction, workspaceId: string, options: { cursor?: Cursor | null; limit: number; only?: string[] }) {
  if (options.only?.length === 0) return page<AgentRow>([], options.limit);
  const rows = await db
    .select(agentColumns)
    .from(agents)
    .where(and(live(workspaceId), options.only ? inArray(agents.id, options.only) : undefined, afterCursor(options.cursor ?? null, agents)))
    .orderBy(...newestFirst(agents))
    .limit(options.limit + 1);
  return page(rows, options.limit);
}

/** Every live agent's id and name, for pickers (a workspace has tens, not thousands). */
export async function listAgentNames(db: Database | Transaction, workspaceId: string) {
  return db.select({ id: agents.id, name: agents.name }).from(agents).where(live(workspaceId)).orderBy(agents.name);
}

/** Settings → Agents: one keyset page, searched by name, newest first or by name (README "Lists"). */
export async function listAgentPage(db: Database | Transaction, workspaceId: string, query: AgentListQuery) {
  const sort: KeysetSort = {
    ...(query.sort === "name" ? { key: sql`lower(${agents.name})`, keyType: "text" as const } : { key: agents.createdAt, keyType: "timestamptz" as const }),
    id: agents.id,
    idType: "uuid",
    desc: query.dir === "desc",
  };
  const where = and(live(workspaceId), query.q ? ilike(agents.name, `%${escapeLike(query.q)}%`) : undefined);
  return keysetPage({
    sort,
    request: pageRequest(query, decodeListCursor),
    rows: (keyset, orderBy, limit) =>
      db
        .select({ ...agentColumns, sortKey: sortKeyText(sort) })
        .from(agents)
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit),
    count: (counts) => db.select(counts).from(agents).where(where),
  });
}
