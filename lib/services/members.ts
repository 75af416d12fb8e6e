// Membership changes: a member's role, removing a member, leaving. The rules that depend on the
// data, not only on the caller's role, live here, checked inside the transaction with the
// workspace's memberships locked, so two owners cannot demote each other at the same moment:
// - owners and admins manage members; admins cannot promote, demote or remove owners;
// - a workspace always keeps at least one owner.
import { and, eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { UserActor } from "./actor";

export type MemberChangeRefusal =
  | "not_allowed" // the actor's role cannot do this
  | "owners_only" // only owners may touch an owner, or make one
  | "last_owner" // the workspace would have no owner left
  | "not_found" // no such member
  | "self"; // use "leave" for yourself

export type MemberChangeResult = { ok: true } | { ok: false; reason: MemberChangeRefusal };

const MANAGERS: Role[] = ["owner", "admin"];

export async function changeMemberRole(actor: UserActor, input: { workspaceId: string; userId: string; role: Role }): Promise<MemberChangeResult> {
  return getDb().transaction(async (tx) => {
    const members = await lockMembers(tx, input.workspaceId);
    const me = members.get(actor.id);
    const target = members.get(input.userId);
    if (!me || !MANAGERS.includes(me.role)) return refuse("not_allowed");
    if (!target) return refuse("not_found");
    if ((target.role === "owner" || input.role === "owner") && me.role !== "owner") return refuse("owners_only");
    if (target.role === "owner" && input.role !== "owner" && ownerCount(members) === 1) return refuse("last_owner");
    if (target.role === input.role) return { ok: true };
    await tx.update(memberships).set({ role: input.role }).where(memberKey(input.workspaceId, input.userId));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.role_changed",
      target: { type: "member", id: input.userId, label: target.email },
      metadata: { before: { role: target.role }, after: { role: input.role } },
    });
    return { ok: true };
  });
}

export async function removeMember(actor: UserActor, input: { workspaceId: string; userId: string }): Promise<MemberChangeResult> {
  return getDb().transaction(async (tx) => {
    const members = await lockMembers(tx, input.workspaceId);
    const me = members.get(actor.id);
    const target = members.get(input.userId);
    if (!me || !MANAGERS.includes(me.role)) return refuse("not_allowed");
    if (input.userId === actor.id) return refuse("self");
    if (!target) return refuse("not_found");
    if (target.role === "owner" && me.role !== "owner") return refuse("owners_only");
    await tx.delete(memberships).where(memberKey(input.workspaceId, input.userId));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.removed",
      target: { type: "member", id: input.userId, label: target.email },
      metadata: { role: target.role },
    });
    return { ok: true };
  });
}

export async function leaveWorkspace(actor: UserActor, input: { workspaceId: string }): Promise<MemberChangeResult> {
  return getDb().transaction(async (tx) => {
    const members = await lockMembers(tx, input.workspaceId);
    const me = members.get(actor.id);
    if (!me) return refuse("not_found");
    if (me.role === "owner" && ownerCount(members) === 1) return refuse("last_owner");
    await tx.delete(memberships).where(memberKey(input.workspaceId, actor.id));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "member.left",
      target: { type: "member", id: actor.id, label: actor.email },
      metadata: { role: me.role },
    });
    return { ok: true };
  });
}

/** The workspace's members, locked until the transaction ends. */
async function lockMembers(tx: Transaction, workspaceId: string) {
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .for("update", { of: memberships });
  return new Map(rows.map((row) => [row.userId, row]));
}

const ownerCount = (members: Map<string, { role: Role }>) => [...members.values()].filter((m) => m.role === "owner").length;
const memberKey = (workspaceId: string, userId: string) => and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));
const refuse = (reason: MemberChangeRefusal): MemberChangeResult => ({ ok: false, reason });
