// The audit log as CSV, streamed row by row with csv-stringify (quoting is the library's job).
// A cell that starts with = + - @ (or a tab or carriage return) could run as a formula in a
// spreadsheet; it gets a leading apostrophe (OWASP's "CSV injection" advice).
import { stringify, type Stringifier } from "csv-stringify";
import type { AuditEvent } from "@/db/schema";
import { describeAuditEvent } from "./describe";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "occurred_at",
  "action",
  "description",
  "actor_type",
  "actor_id",
  "actor",
  "target_type",
  "target_id",
  "target",
  "ip",
  "user_agent",
  "metadata",
] as const;

export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditCsvStringifier(): Stringifier {
  return stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS], cast: { string: neutralizeFormula } });
}

export function auditCsvRecord(event: AuditEvent) {
  return {
    id: String(event.id),
    occurred_at: event.occurredAt.toISOString(),
    action: event.action,
    description: describeAuditEvent(event),
    actor_type: event.actorType,
    actor_id: event.actorId ?? "",
    actor: event.actorLabel,
    target_type: event.targetType,
    target_id: event.targetId ?? "",
    target: event.targetLabel ?? "",
    ip: event.ip ?? "",
    user_agent: event.userAgent ?? "",
    metadata: JSON.stringify(event.metadata),
  };
}
