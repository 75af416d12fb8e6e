// Invitations: an owner or admin invites an email with a role; the person who signs in with that
// email accepts through a link whose random token is stored only as its SHA-256, works once and
// expires after 7 days. At most 50 invitations a day per workspace.
import { and, count, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { invitations, memberships, users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { UserActor } from "./actor";
import { hashInviteToken, newInviteToken } from "@/lib/invite-token";

export const INVITATION_TTL_DAYS = 7;
export const MAX_INVITATIONS_PER_DAY = 50;


export type CreateInvitationResult =
  | { ok: true; invitation: { id: string; email: string; role: Role; expiresAt: Date }; token: string }
  | { ok: false; reason: "not_allowed" | "owners_only" | "already_member" | "already_invited" | "daily_limit" };

export async function createInvitation(
  actor: UserActor,
  input: { workspaceId: string; email: string; role: Role },
): Promise<CreateInvitationResult> {
  const email = input.email.toLowerCase();
  const token = newInviteToken();
  try {
    return await getDb().transaction(async (tx): Promise<CreateInvitationResult> => {
      // One invitation at a time per workspace: the daily count and the duplicate check hold.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitations:${input.workspaceId}`}))`);
      const [me] = await tx.select({ role: memberships.role }).from(memberships).where(memberOf(input.workspaceId, actor.id));
      if (!me || (me.role !== "owner" && me.role !== "admin")) return { ok: false, reason: "not_allowed" };
      if (input.role === "owner" && me.role !== "owner") return { ok: false, reason: "owners_only" };
      const [member] = await tx
        .select({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, input.workspaceId), eq(users.email, email)));
      if (member) return { ok: false, reason: "already_member" };
      // An expired invitation no longer blocks a new one: close it (its history stays).
      await tx
        .update(invitations)
        .set({ revokedAt: invitations.expiresAt })
        .where(and(openFor(input.workspaceId, email), lte(invitations.expiresAt, sql`now()`)));
      const [sentToday] = await tx
        .select({ n: count() })
        .from(invitations)
        .where(and(eq(invitations.workspaceId, input.workspaceId), gt(invitations.createdAt, sql`now() - interval '1 day'`)));
      if (sentToday!.n >= MAX_INVITATIONS_PER_DAY) return { ok: false, reason: "daily_limit" };
      const [invitation] = await tx
        .insert(invitations)
        .values({
          workspaceId: input.workspaceId,
          email,
          role: input.role,
          tokenHash: hashInviteToken(token),
          invitedByUserId: actor.id,
          invitedByEmail: actor.email,
          expiresAt: sql`now() + make_interval(days => ${INVITATION_TTL_DAYS})`,
        })
        .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: "member.invited",
        target: { type: "invitation", id: invitation!.id, label: email },
        metadata: { email, role: input.role },
      });
      return { ok: true, invitation: invitation!, token };
    });
  } catch (error) {
    // Two people inviting the same email at once: the partial unique index settles it.
    if (isUniqueViolation(error, "invitations_workspace_open_email_key")) return { ok: false, reason: "already_invited" };
    throw error;
  }
}

export async function revokeInvitation(
  actor: UserActor,
  input: { workspaceId: string; invitationId: string },
): Promise<{ ok: true } | { ok: false; reason: "not_allowed" | "owners_only" | "not_found" }> {
  return getDb().transaction(async (tx) => {
    const [me] = await tx.select({ role: memberships.role }).from(memberships).where(memberOf(input.workspaceId, actor.id));
    if (!me || (me.role !== "owner" && me.role !== "admin")) return { ok: false as const, reason: "not_allowed" as const };
    const [invitation] = await tx
      .select({ email: invitations.email, role: invitations.role })
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.workspaceId, input.workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .for("update");
    if (!invitation) return { ok: false as const, reason: "not_found" as const };
    if (invitation.role === "owner" && me.role !== "owner") return { ok: false as const, reason: "owners_only" as const };
    await tx.update(invitations).set({ revokedAt: sql`now()` }).where(eq(invitations.id, input.invitationId));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.invite_revoked",
      target: { type: "invitation", id: input.invitationId, label: invitation.email },
      metadata: { email: invitation.email, role: invitation.role },
    });
    return { ok: true as const };
  });
}

export type AcceptInvitationResult =
  | { ok: true; workspaceId: string }
  | { ok: false; reason: "not_found" | "expired" | "used" | "revoked" | "wrong_email" };

/** Joins the invitation's workspace with its role and makes it the actor's active workspace. */
export async function acceptInvitation(actor: UserActor, input: { token: string }): Promise<AcceptInvitationResult> {
  return getDb().transaction(async (tx): Promise<AcceptInvitationResult> => {
    const [invitation] = await tx
      .select({
        id: invitations.id,
        workspaceId: invitations.workspaceId,
        email: invitations.email,
        role: invitations.role,
        invitedByEmail: invitations.invitedByEmail,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        expired: sql<boolean>`${invitations.expiresAt} <= now()`,
      })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInviteToken(input.token)))
      .for("update");
    if (!invitation) return { ok: false, reason: "not_found" };
    if (invitation.acceptedAt) return { ok: false, reason: "used" };
    if (invitation.revokedAt) return { ok: false, reason: "revoked" };
    if (invitation.expired) return { ok: false, reason: "expired" };
    if (invitation.email !== actor.email.toLowerCase()) return { ok: false, reason: "wrong_email" };

    const joined = await tx
      .insert(memberships)
      .values({ workspaceId: invitation.workspaceId, userId: actor.id, role: invitation.role })
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedByUserId: actor.id })
      .where(eq(invitations.id, invitation.id));
    await tx.update(users).set({ activeWorkspaceId: invitation.workspaceId }).where(eq(users.id, actor.id));
    // Already a member (joined another way meanwhile): the invitation is used up, nothing else changes.
    if (joined.length > 0) {
      await recordAudit(tx, {
        workspaceId: invitation.workspaceId,
        actor,
        action: "member.joined",
        target: { type: "member", id: actor.id, label: actor.email },
        metadata: { role: invitation.role, invitedBy: invitation.invitedByEmail },
      });
    }
    return { ok: true, workspaceId: invitation.workspaceId };
  });
}

const memberOf = (workspaceId: string, userId: string) => and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));
const openFor = (workspaceId: string, email: string) =>
  and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
