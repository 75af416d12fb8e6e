// Starting a call: an agent of the workspace (or an inline, transient one) calls a number. The
// call's progress is planned now and kept as times (lib/calls/schedule.ts). A key with credits
// pays one for it, in the same transaction as the call's row (lib/services/credits.ts).
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { findCall, type CallRow } from "@/db/queries/calls";
import { agents, calls } from "@/db/schema";
import { planCall } from "@/lib/calls/schedule";
import type { CreditInterval } from "@/lib/keys/limits";
import type { Actor } from "./actor";
import { spendCredit } from "./credits";

export type NewCall = {
  workspaceId: string;
  agentId: string | null;
  transientAgent: { name: string; voice: string; first_message: string } | null;
  toNumber: string;
  fromNumber: string | null;
  metadata: Record<string, string | number | boolean | null>;
};

export type CreateCallResult =
  | { ok: true; call: CallRow }
  | { ok: false; reason: "agent_not_found" }
  /** The key's credits are spent; `refill` says when they come back, if ever. */
  | { ok: false; reason: "usage_exceeded"; refill: CreditInterval | null };

export async function createCall(actor: Actor, input: NewCall): Promise<CreateCallResult> {
  const db = getDb();
  const result = await db.transaction(async (tx): Promise<CreateCallResult | { ok: true; id: string }> => {
    if (input.agentId) {
      const [agent] = await tx
        .select({ id: agents.id })
        .from(agents)
        .where(and(eq(agents.id, input.agentId), eq(agents.workspaceId, input.workspaceId), isNull(agents.deletedAt)));
      if (!agent) return { ok: false, reason: "agent_not_found" };
    }
    // After the checks that refuse the call, so that a refused call costs nothing; a failed insert
    // rolls the credit back with it.
    if (actor.type === "api_key") {
      const spent = await spendCredit(tx, input.workspaceId, actor.id);
      if (spent.outcome === "none_left") return { ok: false, reason: "usage_exceeded", refill: spent.refill };
    }
    const createdAt = new Date();
    const [call] = await tx
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
    return { ok: true, id: call!.id };
  });
  if (!result.ok || "call" in result) return result;
  return { ok: true, call: (await findCall(db, input.workspaceId, result.id))! };
}
