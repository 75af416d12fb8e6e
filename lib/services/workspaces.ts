// Workspaces: create one (its creator becomes its owner), rename one, switch the active one.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { UserActor } from "./actor";

/** A new workspace owned by the actor, and now their active one. */
export async function createWorkspace(actor: UserActor, input: { name: string }): Promise<{ id: string; name: string }> {
  return getDb().transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name: input.name }).returning({ id: workspaces.id, name: workspaces.name });
    await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: actor.id, role: "owner" });
    await tx.update(users).set({ activeWorkspaceId: workspace!.id }).where(eq(users.id, actor.id));
    await recordAudit(tx, {
      workspaceId: workspace!.id,
      actor,
      action: "workspace.created",
      target: { type: "workspace", id: workspace!.id, label: workspace!.name },
      metadata: { name: workspace!.name },
    });
    return workspace!;
  });
}

/** Renames the workspace; null when it does not exist. Unchanged names record nothing. */
export async function renameWorkspace(actor: UserActor, input: { workspaceId: string; name: string }) {
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, input.workspaceId)).for("update");
    if (!before) return null;
    if (before.name === input.name) return { id: input.workspaceId, name: input.name };
    await tx.update(workspaces).set({ name: input.name }).where(eq(workspaces.id, input.workspaceId));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "workspace.renamed",
      target: { type: "workspace", id: input.workspaceId, label: input.name },
      metadata: { before: { name: before.name }, after: { name: input.name } },
    });
    return { id: input.workspaceId, name: input.name };
  });
}

/** Makes `workspaceId` the actor's active workspace; false when they are not a member of it. */
export async function switchWorkspace(actor: UserActor, input: { workspaceId: string }): Promise<boolean> {
  const [membership] = await getDb()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, actor.id)));
  if (!membership) return false;
  await getDb().update(users).set({ activeWorkspaceId: input.workspaceId }).where(eq(users.id, actor.id));
  return true;
}
