// Every change to agents, each with its audit event in the same transaction.
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentColumns, type AgentRow } from "@/db/queries/agents";
import { agents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "./actor";
import { actorColumns } from "./actor-label";

export type AgentFields = { name: string; description: string | null; voice: string; firstMessage: string };

export async function createAgent(actor: Actor, input: { workspaceId: string } & AgentFields): Promise<AgentRow> {
  const creator = actorColumns(actor);
  return getDb().transaction(async (tx) => {
    const [agent] = await tx
      .insert(agents)
      .values({
        workspaceId: input.workspaceId,
        name: input.name,
        description: input.description,
        voice: input.voice,
        firstMessage: input.firstMessage,
        createdByType: creator.type,
        createdById: creator.id,
        createdByLabel: creator.label,
      })
      .returning(agentColumns);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "agent.created",
      target: { type: "agent", id: agent!.id, label: agent!.name },
      metadata: { voice: input.voice },
    });
    return agent!;
  });
}

/** Applies `changes` to a live agent of the workspace; null when there is none. */
export async function updateAgent(actor: Actor, input: { workspaceId: string; agentId: string; changes: Partial<AgentFields> }): Promise<AgentRow | null> {
  return getDb().transaction(async (tx) => {
    const where = and(eq(agents.id, input.agentId), eq(agents.workspaceId, input.workspaceId), isNull(agents.deletedAt));
    const [before] = await tx.select(agentColumns).from(agents).where(where).for("update");
    if (!before) return null;
    const changed = Object.fromEntries(
      Object.entries(input.changes).filter(([field, value]) => value !== undefined && before[field as keyof AgentFields] !== value),
    ) as Partial<AgentFields>;
    if (Object.keys(changed).length === 0) return before;
    const [after] = await tx.update(agents).set({ ...changed, updatedAt: sql`now()` }).where(where).returning(agentColumns);
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "agent.updated",
      target: { type: "agent", id: after!.id, label: after!.name },
      metadata: {
        before: Object.fromEntries(Object.keys(changed).map((field) => [field, before[field as keyof AgentFields]])),
        after: changed,
      },
    });
    return after!;
  });
}

/** Deletes a live agent of the workspace (its row stays for the calls it made); false when there is none. */
export async function deleteAgent(actor: Actor, input: { workspaceId: string; agentId: string }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [deleted] = await tx
      .update(agents)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(agents.id, input.agentId), eq(agents.workspaceId, input.workspaceId), isNull(agents.deletedAt)))
      .returning({ id: agents.id, name: agents.name });
    if (!deleted) return false;
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "agent.deleted",
      target: { type: "agent", id: deleted.id, label: deleted.name },
    });
    return true;
  });
}
