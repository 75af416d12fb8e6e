// Invitations on a real database: only the token's hash is stored, a link works once, for the
// invited email only, for 7 days, and each step is in the audit log.
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findInvitationByToken, listPendingInvitations } from "@/db/queries/invitations";
import { findActiveMembership } from "@/db/queries/session";
import { auditEvents, invitations, memberships, users } from "@/db/schema";
import { hashInviteToken } from "@/lib/invite-token";
import { acceptInvitation, createInvitation, MAX_INVITATIONS_PER_DAY, revokeInvitation } from "@/lib/services/invitations";
import { actorOf, addMember, createWorkspace, TEST_PASSWORD_HASH, uniqueEmail } from "../support/fixtures";

/** A signed-up person with no workspace yet (someone who followed an invitation link). */
async function newcomer(email = uniqueEmail("newcomer")) {
  const [user] = await getDb().insert(users).values({ name: "New Comer", email, passwordHash: TEST_PASSWORD_HASH }).returning({ id: users.id });
  return { userId: user!.id, email, workspaceId: "" };
}

async function invite(email: string, role: "admin" | "member" | "viewer" | "owner" = "member") {
  const owner = await createWorkspace({ workspaceName: "Inviting Co" });
  const result = await createInvitation(actorOf(owner), { workspaceId: owner.workspaceId, email, role });
  if (!result.ok) throw new Error(result.reason);
  return { owner, ...result };
}

describe("creating an invitation", () => {
  it("returns the token once and stores only its SHA-256, with an audit event", async () => {
    const email = uniqueEmail("invitee");
    const { owner, token, invitation } = await invite(email.toUpperCase(), "viewer");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await getDb().select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row).toMatchObject({ email, role: "viewer", tokenHash: hashInviteToken(token), invitedByEmail: owner.email });
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "member.invited")));
    expect(event).toMatchObject({ targetLabel: email, metadata: { email, role: "viewer" } });
    expect(JSON.stringify(event)).not.toContain(token);
    expect(await listPendingInvitations(getDb(), owner.workspaceId)).toHaveLength(1);
  });

  it("refuses a member's email, an email with an open invitation, and an admin inviting an owner", async () => {
    const owner = await createWorkspace();
    const member = await addMember(owner.workspaceId, "member");
    const admin = await addMember(owner.workspaceId, "admin");
    const create = (actor: typeof owner, email: string, role: "owner" | "member" = "member") =>
      createInvitation(actorOf(actor), { workspaceId: owner.workspaceId, email, role });
    expect(await create(owner, member.email)).toEqual({ ok: false, reason: "already_member" });
    const email = uniqueEmail();
    expect((await create(owner, email)).ok).toBe(true);
    expect(await create(owner, email)).toEqual({ ok: false, reason: "already_invited" });
    expect(await create(admin, uniqueEmail(), "owner")).toEqual({ ok: false, reason: "owners_only" });
    expect(await create(member, uniqueEmail())).toEqual({ ok: false, reason: "not_allowed" });
  });

  it("lets an expired invitation be replaced by a new one", async () => {
    const email = uniqueEmail();
    const { owner, invitation } = await invite(email);
    await getDb().execute(sql`update invitations set expires_at = now() - interval '1 second' where id = ${invitation.id}`);
    const again = await createInvitation(actorOf(owner), { workspaceId: owner.workspaceId, email, role: "admin" });
    expect(again.ok).toBe(true);
  });

  it(`allows ${MAX_INVITATIONS_PER_DAY} invitations a day per workspace`, async () => {
    const owner = await createWorkspace();
    const results = await Promise.all(
      Array.from({ length: MAX_INVITATIONS_PER_DAY + 5 }, () => createInvitation(actorOf(owner), { workspaceId: owner.workspaceId, email: uniqueEmail(), role: "viewer" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_INVITATIONS_PER_DAY);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "daily_limit")).toBe(true);
  });
});

describe("accepting an invitation", () => {
  it("joins with the invited role, makes the workspace active, and is used up", async () => {
    const email = uniqueEmail();
    const { owner, token } = await invite(email, "admin");
    const person = await newcomer(email);
    expect(await acceptInvitation(actorOf(person), { token })).toEqual({ ok: true, workspaceId: owner.workspaceId });
    expect(await findActiveMembership(getDb(), person.userId)).toMatchObject({ role: "admin", workspace: { id: owner.workspaceId } });
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "member.joined")));
    expect(event).toMatchObject({ actorLabel: email, metadata: { role: "admin", invitedBy: owner.email } });
    expect(await acceptInvitation(actorOf(person), { token })).toEqual({ ok: false, reason: "used" });
    expect((await findInvitationByToken(getDb(), token))?.status).toBe("used");
  });

  it("only for the invited email, in any case", async () => {
    const email = uniqueEmail();
    const { token } = await invite(email);
    const stranger = await newcomer();
    expect(await acceptInvitation(actorOf(stranger), { token })).toEqual({ ok: false, reason: "wrong_email" });
    const invited = await newcomer(email);
    expect((await acceptInvitation({ ...actorOf(invited), email: email.toUpperCase() }, { token })).ok).toBe(true);
  });

  it("refuses expired, revoked and unknown links with their own reasons, changing nothing", async () => {
    const email = uniqueEmail();
    const person = await newcomer(email);
    const expired = await invite(email);
    await getDb().execute(sql`update invitations set expires_at = now() where id = ${expired.invitation.id}`);
    expect(await acceptInvitation(actorOf(person), { token: expired.token })).toEqual({ ok: false, reason: "expired" });

    const revoked = await invite(email);
    expect(await revokeInvitation(actorOf(revoked.owner), { workspaceId: revoked.owner.workspaceId, invitationId: revoked.invitation.id })).toEqual({ ok: true });
    expect(await acceptInvitation(actorOf(person), { token: revoked.token })).toEqual({ ok: false, reason: "revoked" });
    expect(await acceptInvitation(actorOf(person), { token: "not-a-real-token" })).toEqual({ ok: false, reason: "not_found" });

    const joined = await getDb().select({ n: count() }).from(memberships).where(eq(memberships.userId, person.userId));
    expect(joined[0]!.n).toBe(0);
  });

  it("revoking records an event and needs an owner or admin of that workspace", async () => {
    const { owner, invitation } = await invite(uniqueEmail());
    const member = await addMember(owner.workspaceId, "member");
    const elsewhere = await createWorkspace();
    expect(await revokeInvitation(actorOf(member), { workspaceId: owner.workspaceId, invitationId: invitation.id })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await revokeInvitation(actorOf(elsewhere), { workspaceId: owner.workspaceId, invitationId: invitation.id })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await revokeInvitation(actorOf(elsewhere), { workspaceId: elsewhere.workspaceId, invitationId: invitation.id })).toEqual({ ok: false, reason: "not_found" });
    expect((await revokeInvitation(actorOf(owner), { workspaceId: owner.workspaceId, invitationId: invitation.id })).ok).toBe(true);
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "member.invite_revoked")));
    expect(event).toBeDefined();
  });
});
