// A workspace's members: plain data access (changes are in lib/services/members.ts).
import { asc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { memberships, users } from "@/db/schema";

export async function listMembers(db: Database | Transaction, workspaceId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export type Member = Awaited<ReturnType<typeof listMembers>>[number];
