// Writes one audit event inside the caller's transaction, so the event and the change it
// records commit or roll back together. Actor and target are copied as they are now.
import type { Transaction } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/services/actor";
import type { AuditAction, AuditTarget } from "./events";

export type AuditEventInput = {
  workspaceId: string;
  actor: Actor;
  action: AuditAction;
  target: AuditTarget;
  /** What changed (before and after). Never a key's plaintext or hash. */
  metadata?: Record<string, unknown>;
};

export async function recordAudit(tx: Transaction, events: AuditEventInput | AuditEventInput[]) {
  const rows = (Array.isArray(events) ? events : [events]).map(({ workspaceId, actor, action, target, metadata }) => ({
    workspaceId,
    ...actorColumns(actor),
    action,
    targetType: target.type,
    targetId: target.id,
    targetLabel: target.label,
    metadata: metadata ?? {},
  }));
  if (rows.length > 0) await tx.insert(auditEvents).values(rows);
}

const MAX_USER_AGENT_LENGTH = 512;

function actorColumns(actor: Actor) {
  const userAgent = "userAgent" in actor ? (actor.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null) : null;
  switch (actor.type) {
    case "user":
      return { actorType: "user", actorId: actor.id, actorLabel: actor.email, ip: actor.ip, userAgent };
    case "api_key":
      return { actorType: "api_key", actorId: actor.id, actorLabel: actor.name, ip: actor.ip, userAgent };
    case "system":
      return { actorType: "system", actorId: null, actorLabel: actor.name, ip: null, userAgent: null };
    case "anonymous":
      return { actorType: "anonymous", actorId: null, actorLabel: "someone", ip: actor.ip, userAgent };
  }
}
