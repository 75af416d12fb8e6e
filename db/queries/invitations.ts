// Invitations: plain data access (every change is in lib/services/invitations.ts).
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { invitations, workspaces } from "@/db/schema";
import { hashInviteToken } from "@/lib/invite-token";

export type InvitationStatus = "pending" | "expired" | "used" | "revoked";

/** The invitation a link's token names, with its workspace, or null when there is none. */
export async function findInvitationByToken(db: Database | Transaction, token: string) {
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      invitedByEmail: invitations.invitedByEmail,
      expiresAt: invitations.expiresAt,
      workspaceName: workspaces.name,
      status: sql<InvitationStatus>`case
        when ${invitations.acceptedAt} is not null then 'used'
        when ${invitations.revokedAt} is not null then 'revoked'
        when ${invitations.expiresAt} <= now() then 'expired'
        else 'pending' end`,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, hashInviteToken(token)));
  return row ?? null;
}

/** The workspace's invitations still waiting for an answer, oldest first. */
export async function listPendingInvitations(db: Database | Transaction, workspaceId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      invitedByEmail: invitations.invitedByEmail,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export type PendingInvitation = Awaited<ReturnType<typeof listPendingInvitations>>[number];
