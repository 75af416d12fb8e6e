// Starting a call: an agent of the workspace (or an inline, transient one) calls a number. The
// call's progress is planned now and kept as times (lib/calls/schedule.ts).
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { findCall, type CallRow } from "@/db/queries/calls";
import { agents, calls } from "@/db/schema";
import { planCall } from "@/lib/calls/schedule";
import type { Actor } from "./actor";

export type NewCall = {
  workspaceId: string;
  agentId: string | null;
  transientAgent: { name: string; voice: string; first_message: string } | null;
  toNumber: string;
  fromNumber: string | null;
  metadata: Record<string, string | number | boolean | null>;
};

export async function createCall(actor: Actor, input: NewCall): Promise<{ ok: true; call: CallRow } | { ok: false; reason: "agent_not_found" }> {
  const db = getDb();
  if (input.agentId) {
    const [agent] = await db
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.id, input.agentId), eq(agents.workspaceId, input.workspaceId), isNull(agents.deletedAt)));
    if (!agent) return { ok: false, reason: "agent_not_found" };
  }
  const createdAt = new Date();
  const [call] = await db
    .insert(calls)
    .values({
      workspaceId: input.workspaceId,
      agentId: input.agentId,
      transientAgent: input.transientAgent,
      toNumber: input.toNumber,
      fromNumber: input.fromNumber,
      metadata: input.metadata,
      createdAt,
      ...planCall(createdAt),
      apiKeyId: actor.type === "api_key" ? actor.id : null,
      apiKeyName: actor.type === "api_key" ? actor.name : null,
    })
    .returning({ id: calls.id });
  return { ok: true, call: (await findCall(db, input.workspaceId, call!.id))! };
}
