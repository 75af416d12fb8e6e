// Membership rules on a real database: who may change whom, the last owner, and the audit
// trail of each change (and none for a refused one).
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findActiveMembership } from "@/db/queries/session";
import { auditEvents, memberships } from "@/db/schema";
import { changeMemberRole, leaveWorkspace, removeMember } from "@/lib/services/members";
import { actorOf, addMember, createWorkspace } from "../support/fixtures";

const roleOf = async (workspaceId: string, userId: string) =>
  (await getDb().select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))))[0]?.role ?? null;
const events = async (workspaceId: string) =>
  (await getDb().select({ n: count() }).from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)))[0]!.n;

describe("changing a member's role", () => {
  it("lets an owner promote a member, and records before and after", async () => {
    const owner = await createWorkspace();
    const member = await addMember(owner.workspaceId, "member");
    expect(await changeMemberRole(actorOf(owner), { workspaceId: owner.workspaceId, userId: member.userId, role: "admin" })).toEqual({ ok: true });
    expect(await roleOf(owner.workspaceId, member.userId)).toBe("admin");
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "member.role_changed")));
    expect(event).toMatchObject({ actorLabel: owner.email, targetId: member.userId, targetLabel: member.email, metadata: { before: { role: "member" }, after: { role: "admin" } } });
  });

  it.each([
    ["promote someone to owner", "member", "owner"],
    ["demote an owner", "owner", "member"],
  ] as const)("does not let an admin %s, and changes and records nothing", async (_name, from, to) => {
    const owner = await createWorkspace();
    const admin = await addMember(owner.workspaceId, "admin");
    const target = await addMember(owner.workspaceId, from);
    const before = await events(owner.workspaceId);
    expect(await changeMemberRole(actorOf(admin), { workspaceId: owner.workspaceId, userId: target.userId, role: to })).toEqual({ ok: false, reason: "owners_only" });
    expect(await roleOf(owner.workspaceId, target.userId)).toBe(from);
    expect(await events(owner.workspaceId)).toBe(before);
  });

  it("refuses members and viewers whatever the adapter let through", async () => {
    const owner = await createWorkspace();
    for (const role of ["member", "viewer"] as const) {
      const actor = await addMember(owner.workspaceId, role);
      const target = await addMember(owner.workspaceId, "viewer");
      expect(await changeMemberRole(actorOf(actor), { workspaceId: owner.workspaceId, userId: target.userId, role: "admin" })).toEqual({ ok: false, reason: "not_allowed" });
    }
  });

  it("keeps the last owner an owner, and lets one of two owners step down", async () => {
    const owner = await createWorkspace();
    expect(await changeMemberRole(actorOf(owner), { workspaceId: owner.workspaceId, userId: owner.userId, role: "admin" })).toEqual({ ok: false, reason: "last_owner" });
    const second = await addMember(owner.workspaceId, "owner");
    expect(await changeMemberRole(actorOf(owner), { workspaceId: owner.workspaceId, userId: owner.userId, role: "admin" })).toEqual({ ok: true });
    expect(await roleOf(owner.workspaceId, second.userId)).toBe("owner");
  });

  it("leaves an owner even when two owners demote each other at the same moment", async () => {
    const a = await createWorkspace();
    const b = await addMember(a.workspaceId, "owner");
    const results = await Promise.all([
      changeMemberRole(actorOf(a), { workspaceId: a.workspaceId, userId: b.userId, role: "member" }),
      changeMemberRole(actorOf(b), { workspaceId: a.workspaceId, userId: a.userId, role: "member" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const roles = [await roleOf(a.workspaceId, a.userId), await roleOf(a.workspaceId, b.userId)];
    expect(roles).toContain("owner");
  });

  it("cannot reach into another workspace, even with real ids", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    const victim = await addMember(theirs.workspaceId, "member");
    expect(await changeMemberRole(actorOf(mine), { workspaceId: theirs.workspaceId, userId: victim.userId, role: "admin" })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await removeMember(actorOf(mine), { workspaceId: theirs.workspaceId, userId: victim.userId })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await roleOf(theirs.workspaceId, victim.userId)).toBe("member");
  });
});

describe("removing and leaving", () => {
  it("removes a member, whose next request finds no workspace", async () => {
    const owner = await createWorkspace();
    const member = await addMember(owner.workspaceId, "member");
    expect(await removeMember(actorOf(owner), { workspaceId: owner.workspaceId, userId: member.userId })).toEqual({ ok: true });
    expect(await roleOf(owner.workspaceId, member.userId)).toBeNull();
    expect(await findActiveMembership(getDb(), member.userId)).toBeNull();
  });

  it("does not let an admin remove an owner, nor anyone remove themselves", async () => {
    const owner = await createWorkspace();
    const admin = await addMember(owner.workspaceId, "admin");
    expect(await removeMember(actorOf(admin), { workspaceId: owner.workspaceId, userId: owner.userId })).toEqual({ ok: false, reason: "owners_only" });
    expect(await removeMember(actorOf(admin), { workspaceId: owner.workspaceId, userId: admin.userId })).toEqual({ ok: false, reason: "self" });
  });

  it("lets a member leave, but not the last owner", async () => {
    const owner = await createWorkspace();
    const viewer = await addMember(owner.workspaceId, "viewer");
    expect(await leaveWorkspace(actorOf(owner), { workspaceId: owner.workspaceId })).toEqual({ ok: false, reason: "last_owner" });
    expect(await leaveWorkspace(actorOf(viewer), { workspaceId: owner.workspaceId })).toEqual({ ok: true });
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "member.left")));
    expect(event).toMatchObject({ actorLabel: viewer.email, metadata: { role: "viewer" } });
  });

  it("falls back to the oldest remaining workspace when the active one is left", async () => {
    const person = await createWorkspace({ workspaceName: "Home" });
    const other = await createWorkspace({ workspaceName: "Elsewhere" });
    const guest = await addMember(other.workspaceId, "member");
    await getDb().insert(memberships).values({ workspaceId: person.workspaceId, userId: guest.userId, role: "viewer" });
    expect((await findActiveMembership(getDb(), guest.userId))?.workspace.name).toBe("Elsewhere");
    await leaveWorkspace(actorOf(guest), { workspaceId: other.workspaceId });
    expect(await findActiveMembership(getDb(), guest.userId)).toMatchObject({ workspace: { name: "Home" }, role: "viewer" });
  });
});
