// Every event the audit log records (README "Audit log"). Adding one here is the only way to
// write it: recordAudit() takes these names and the page describes each.
export const AUDIT_ACTIONS = [
  "api_key.created",
  "api_key.disabled",
  "api_key.enabled",
  "api_key.revoked",
  "api_key.updated",
  "api_key.rolled",
  "api_key.leaked",
  "agent.created",
  "agent.updated",
  "agent.deleted",
  "member.invited",
  "member.invite_revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "workspace.created",
  "workspace.renamed",
  "workspace.updated",
  "auth.sign_in_failed",
  "auth.session_ended",
  "auth.all_sessions_ended",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_codes_regenerated",
  "auth.recovery_code_used",
  "auth.second_factor_failed",
  "auth.passkey_added",
  "auth.passkey_removed",
  "auth.password_changed",
  "member.two_factor_reset",
  "workspace.two_factor_required",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTargetType = "api_key" | "member" | "invitation" | "workspace" | "user" | "agent";

export type AuditTarget = { type: AuditTargetType; id: string | null; label: string | null };
