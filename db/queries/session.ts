import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users, workspaces, type Role } from "@/db/schema";

export type SessionContext = {
  /** The `sessions` row of this request (lib/auth/index.ts). */
  sessionId: string;
  user: { id: string; name: string; email: string };
  workspace: { id: string; name: string };
  role: Role;
};

/**
 * The signed-in user with their workspace and role. A user has one workspace today (the one
 * sign-up made); with invitations this picks the active one, and the oldest stays the default.
 */
export async function loadSessionContext(userId: string): Promise<Omit<SessionContext, "sessionId"> | null> {
  const [row] = await getDb()
    .select({
      user: { id: users.id, name: users.name, email: users.email },
      workspace: { id: workspaces.id, name: workspaces.name },
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row ?? null;
}
