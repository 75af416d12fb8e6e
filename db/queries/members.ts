// A workspace's members: plain data access (changes are in lib/services/members.ts).
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { decodeListCursor } from "@/lib/lists/cursor";
import type { MemberListQuery } from "@/lib/lists/members";
import { escapeLike, keysetPage, pageRequest, sortKeyText, type KeysetSort } from "./keyset";

const memberColumns = { userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt };

export async function listMembers(db: Database | Transaction, workspaceId: string) {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export type Member = Awaited<ReturnType<typeof listMembers>>[number];

/** Settings → Members: one keyset page, searched by name or email, filtered by role (README "Lists"). */
export async function listMemberPage(db: Database | Transaction, workspaceId: string, query: MemberListQuery) {
  const sort: KeysetSort = {
    ...(query.sort === "name" ? { key: sql`lower(${users.name})`, keyType: "text" as const } : { key: memberships.createdAt, keyType: "timestamptz" as const }),
    id: memberships.userId,
    idType: "uuid",
    desc: query.dir === "desc",
  };
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const where = and(
    eq(memberships.workspaceId, workspaceId),
    query.role ? eq(memberships.role, query.role) : undefined,
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
  );
  return keysetPage({
    sort,
    request: pageRequest(query, decodeListCursor),
    rows: (keyset, orderBy, limit) =>
      db
        .select({ ...memberColumns, id: memberships.userId, sortKey: sortKeyText(sort) })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit),
    count: (counts) => db.select(counts).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
  });
}
