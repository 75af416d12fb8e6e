// Who the signed-in person is, in which workspace, with which role: read on every request, so a
// changed role or a removed membership takes effect at once (lib/auth/session.ts).
import { and, asc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { memberships, users, workspaces, type Role } from "@/db/schema";

export type SessionUser = { id: string; name: string; email: string };

export type SessionContext = {
  /** The `sessions` row of this request (lib/auth/index.ts). */
  sessionId: string;
  user: SessionUser;
  workspace: { id: string; name: string };
  role: Role;
};

export async function findSessionUser(db: Database | Transaction, userId: string): Promise<SessionUser | null> {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return user ?? null;
}

/**
 * The person's active workspace and role: the one they chose last (users.active_workspace_id),
 * or, when they have none or have left it, their oldest membership. Null: no workspace at all.
 */
export async function findActiveMembership(db: Database | Transaction, userId: string) {
  const rows = await db
    .select({
      workspace: { id: workspaces.id, name: workspaces.name },
      role: memberships.role,
      active: eq(memberships.workspaceId, users.activeWorkspaceId).mapWith(Boolean),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const chosen = rows.find((row) => row.active) ?? rows[0];
  return chosen ? { workspace: chosen.workspace, role: chosen.role } : null;
}

/** The person's role in one workspace, or null when they are not a member of it. */
export async function findMembership(db: Database | Transaction, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Every workspace the person belongs to, for the workspace switcher. */
export async function listUserWorkspaces(db: Database | Transaction, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}
