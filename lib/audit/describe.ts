// Each audit event as a sentence a person reads: "ana@acme.io disabled the key production-dialer".
import type { AuditEvent } from "@/db/schema";
import type { AuditAction } from "./events";

type Describable = Pick<AuditEvent, "action" | "actorLabel" | "actorType" | "targetLabel" | "metadata">;

const quoted = (value: unknown) => (typeof value === "string" && value ? value : "?");

const SENTENCES: Record<AuditAction, (e: Describable) => string> = {
  "api_key.created": (e) => `${e.actorLabel} generated the key ${quoted(e.targetLabel)}`,
  "api_key.disabled": (e) => `${e.actorLabel} disabled the key ${quoted(e.targetLabel)}`,
  "api_key.enabled": (e) => `${e.actorLabel} enabled the key ${quoted(e.targetLabel)}`,
  "api_key.revoked": (e) => `${e.actorLabel} revoked the key ${quoted(e.targetLabel)}`,
  "api_key.updated": (e) => `${e.actorLabel} changed the settings of the key ${quoted(e.targetLabel)}`,
  "api_key.rolled": (e) => `${e.actorLabel} rolled the key ${quoted(e.targetLabel)} into ${quoted(e.metadata.newKeyName)}`,
  "api_key.leaked": (e) => `${e.actorLabel} found the key ${quoted(e.targetLabel)} in public, so it was disabled`,
  "agent.created": (e) => `${e.actorLabel} created the agent ${quoted(e.targetLabel)}`,
  "agent.updated": (e) => `${e.actorLabel} edited the agent ${quoted(e.targetLabel)}`,
  "agent.deleted": (e) => `${e.actorLabel} deleted the agent ${quoted(e.targetLabel)}`,
  "member.invited": (e) => `${e.actorLabel} invited ${quoted(e.targetLabel)} as ${quoted(e.metadata.role)}`,
  "member.invite_revoked": (e) => `${e.actorLabel} revoked the invitation for ${quoted(e.targetLabel)}`,
  "member.joined": (e) => `${e.actorLabel} joined as ${quoted(e.metadata.role)}`,
  "member.role_changed": (e) =>
    `${e.actorLabel} changed the role of ${quoted(e.targetLabel)} from ${quoted(role(e.metadata.before))} to ${quoted(role(e.metadata.after))}`,
  "member.removed": (e) => `${e.actorLabel} removed ${quoted(e.targetLabel)}`,
  "member.left": (e) => `${e.actorLabel} left the workspace`,
  "workspace.created": (e) => `${e.actorLabel} created the workspace ${quoted(e.targetLabel)}`,
  "workspace.renamed": (e) => `${e.actorLabel} renamed the workspace from ${quoted(name(e.metadata.before))} to ${quoted(name(e.metadata.after))}`,
  "workspace.updated": (e) => `${e.actorLabel} changed the workspace's key hygiene setting`,
  "auth.sign_in_failed": (e) => `A sign-in as ${quoted(e.targetLabel)} failed (wrong password)`,
  "auth.session_ended": (e) => `${e.actorLabel} signed out one of their other sessions (${quoted(e.metadata.device)})`,
  "auth.all_sessions_ended": (e) => `${e.actorLabel} signed out of all ${quoted(String(e.metadata.count))} of their sessions`,
  "auth.two_factor_enabled": (e) => `${e.actorLabel} turned on two-factor sign-in with an authenticator app`,
  "auth.two_factor_disabled": (e) => `${e.actorLabel} turned off two-factor sign-in with an authenticator app`,
  "auth.recovery_codes_regenerated": (e) => `${e.actorLabel} made new recovery codes (the old ones no longer work)`,
  "auth.recovery_code_used": (e) => `A recovery code of ${quoted(e.targetLabel)} was used (${quoted(String(e.metadata.left))} left)`,
  "auth.second_factor_failed": (e) => `A wrong second-factor code was entered for ${quoted(e.targetLabel)}`,
  "auth.passkey_added": (e) => `${e.actorLabel} added the passkey ${quoted(e.metadata.name)}`,
  "auth.passkey_removed": (e) => `${e.actorLabel} removed the passkey ${quoted(e.metadata.name)}`,
  "auth.password_changed": (e) => `${e.actorLabel} changed their password and signed out ${quoted(String(e.metadata.sessionsEnded))} other sessions`,
  "member.two_factor_reset": (e) => `${e.actorLabel} reset the second factor of ${quoted(e.targetLabel)}`,
  "workspace.two_factor_required": (e) =>
    `${e.actorLabel} ${(e.metadata.after as { requireTwoFactor?: boolean } | undefined)?.requireTwoFactor ? "required" : "stopped requiring"} two-factor sign-in`,
};

export function describeAuditEvent(event: Describable): string {
  const sentence = SENTENCES[event.action as AuditAction];
  return sentence ? sentence(event) : `${event.actorLabel}: ${event.action}`;
}

function role(value: unknown) {
  return (value as { role?: string } | undefined)?.role;
}
function name(value: unknown) {
  return (value as { name?: string } | undefined)?.name;
}
