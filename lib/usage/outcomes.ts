// What happened to a request that carried one of a workspace's keys: the names under which usage
// is counted (README "Usage"). They are part of the API (GET /api/v1/usage returns them), so a
// name is never renamed or reused; new ones are only appended.
import type { VerifyFailure } from "@/lib/keys/verify";

/** Refusals of the key check that still know the key (lib/keys/verify.ts). */
export const KEY_REFUSALS = [
  "revoked",
  "disabled",
  "expired",
  "rolled",
  "origin_required",
  "origin_not_allowed",
  "private_key_in_browser",
  "ip_not_allowed",
] as const satisfies readonly VerifyFailure[];

export const USAGE_OUTCOMES = [
  // The key was good and the route ran (whatever the route then answered: a 404 is still use).
  "valid",
  ...KEY_REFUSALS,
  // The route guards (lib/api/guard.ts): a permission the key lacks or a route closed to public
  // keys, and an agent (or transient agents) the key may not use.
  "forbidden",
  "agent_not_allowed",
  // The key's rate limit, and its call credits spent (README "Rate limits", "Credits").
  "rate_limited",
  "usage_exceeded",
] as const;

export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

/** Position of each outcome in a key's counter array (lib/usage/recorder.ts). */
export const OUTCOME_INDEX = Object.fromEntries(USAGE_OUTCOMES.map((outcome, index) => [outcome, index])) as Record<UsageOutcome, number>;

/** Each outcome in words, for charts and tables. */
export const OUTCOME_LABELS: Record<UsageOutcome, string> = {
  valid: "Valid",
  revoked: "Revoked key",
  disabled: "Disabled key",
  expired: "Expired key",
  rolled: "Rolled key",
  origin_required: "No Origin",
  origin_not_allowed: "Origin not allowed",
  private_key_in_browser: "Private key in browser",
  ip_not_allowed: "IP not allowed",
  forbidden: "Missing permission",
  agent_not_allowed: "Agent not allowed",
  rate_limited: "Rate limited",
  usage_exceeded: "Credits spent",
};

const KEY_REFUSAL_SET: ReadonlySet<string> = new Set(KEY_REFUSALS);

/** Whether a verification failure belongs to a known key (and so to its workspace's usage). */
export function isKeyRefusal(reason: VerifyFailure): reason is (typeof KEY_REFUSALS)[number] {
  return KEY_REFUSAL_SET.has(reason);
}
