// A key that manages keys (the management API) can never hand out more than it holds: a key it
// creates, rolls or edits stays within its own permissions, agents, IP ranges, expiry, rate limit
// and credits. Each refusal is named by the API field it concerns, so the 403 can say what was
// refused.
import type { KeyType } from "./format";
import { compileIpAllowlist, rangeWithin } from "./ip-allowlist";
import { creditsLooser, creditsOf, rateLimitLooser, rateLimitOf, type KeyCredits, type LimitColumns, type RateLimit } from "./limits";
import { resourcesBeyond, type KeyScopes } from "./scopes";

/** The powers of the key making the request, as verification loaded them. */
export type HolderPowers = {
  permissions: KeyScopes;
  allowedAgents: string[];
  allowTransientAgents: boolean;
  ipRanges: ReturnType<typeof compileIpAllowlist>;
  expiresAt: Date | null;
  rateLimit: RateLimit | null;
  /** Its balance now (for a key in its grace period, its successor's, which it spends). */
  credits: KeyCredits | null;
};

/** The powers a key would have (or the part of them a request changes). */
export type GrantedPowers = Partial<{
  type: KeyType;
  permissions: KeyScopes;
  allowedAgents: string[];
  allowTransientAgents: boolean;
  allowedIps: string[];
  expiresAt: Date | null;
  rateLimit: RateLimit | null;
  credits: KeyCredits | null;
}>;

/** What `granted` has beyond `holder`, per API field; empty when it is within. */
export function excessPowers(holder: HolderPowers, granted: GrantedPowers): Record<string, string[]> {
  const excess: Record<string, string[]> = {};
  const refuse = (field: string, message: string) => (excess[field] ??= []).push(message);

  const beyond = granted.permissions ? resourcesBeyond(granted.permissions, holder.permissions) : [];
  if (beyond.length > 0) {
    const wanted = beyond.map((resource) => `${resource}:${granted.permissions![resource]} (this key has ${resource}:${holder.permissions[resource]})`);
    refuse("permissions", `Beyond this key's own: ${wanted.join(", ")}.`);
  }
  if (granted.allowedAgents && holder.allowedAgents.length > 0) {
    if (granted.allowedAgents.length === 0) refuse("allowed_agents", "This key is limited to some agents; a key it grants must be limited to them too (an empty list means every agent).");
    else if (granted.allowedAgents.some((id) => !holder.allowedAgents.includes(id))) refuse("allowed_agents", "Names agents this key may not use.");
  }
  if (granted.allowTransientAgents && !holder.allowTransientAgents) refuse("allow_transient_agents", "This key may not use transient agents, so it cannot allow them.");
  if (holder.ipRanges.length > 0) {
    if (granted.type === "public") refuse("type", "This key is limited to some IP addresses; a public key cannot be, so it may not create one.");
    else if (granted.allowedIps) {
      if (granted.allowedIps.length === 0) refuse("allowed_ips", "This key is limited to some IP addresses; a key it grants must be limited to them too.");
      else if (granted.allowedIps.some((entry) => !rangeWithin(entry, holder.ipRanges))) refuse("allowed_ips", "Includes addresses outside this key's own allowed IPs.");
    }
  }
  if (granted.expiresAt !== undefined && holder.expiresAt) {
    if (granted.expiresAt === null || granted.expiresAt > holder.expiresAt) {
      refuse("expires_at", `Must be no later than this key's own expiry, ${holder.expiresAt.toISOString()}.`);
    }
  }
  // null is the loosest of all: no limit, unlimited calls.
  if (granted.rateLimit !== undefined && holder.rateLimit && rateLimitLooser(granted.rateLimit, holder.rateLimit)) {
    refuse("rate_limit", `Must be no looser than this key's own: ${holder.rateLimit.perSecond} requests a second with bursts of ${holder.rateLimit.burst} (null is no limit at all).`);
  }
  if (granted.credits !== undefined && holder.credits && creditsLooser(granted.credits, holder.credits)) {
    const refill = holder.credits.refill ? `, refilled to ${holder.credits.refill.amount} each ${holder.credits.refill.interval}` : ", never refilled";
    refuse("credits", `Must be no more than this key's own: ${holder.credits.remaining} remaining${refill} (null is unlimited).`);
  }
  return excess;
}

/** Every power of a whole key, for checks on a key as it stands (rolling it, enabling it). */
export function powersOf(key: Omit<KeyPowerState, "status" | "allowedOrigins">, now = new Date()): GrantedPowers {
  return {
    type: key.type,
    permissions: key.permissions,
    allowedAgents: key.allowedAgents,
    allowTransientAgents: key.allowTransientAgents,
    allowedIps: key.type === "private" ? key.allowedIps : undefined,
    expiresAt: key.expiresAt,
    rateLimit: rateLimitOf(key),
    credits: creditsOf(key, now),
  };
}

/** A key as stored, as far as its power goes. */
export type KeyPowerState = LimitColumns & {
  type: KeyType;
  status: "active" | "disabled";
  permissions: KeyScopes;
  allowedAgents: string[];
  allowTransientAgents: boolean;
  allowedOrigins: string[];
  allowedIps: string[];
  expiresAt: Date | null;
};

/**
 * The API fields of an edit that give a key power back (README "Managing keys through the API"):
 * enabling it, a permission raised, an agent added or the list emptied (all agents), transient
 * agents allowed, an origin added, an IP range removed or widened, a later or no expiry, a higher
 * rate or burst or no rate limit, more credits or a larger or more frequent refill, or unlimited
 * credits. An edit
 * that only takes power away needs nothing more than api_keys:write; one that gives any back needs
 * a caller that holds everything the key will hold after it.
 */
export function loosenedFields(before: KeyPowerState, after: KeyPowerState, now = new Date()): string[] {
  const loosened: string[] = [];
  if (before.status === "disabled" && after.status === "active") loosened.push("status");
  if (resourcesBeyond(after.permissions, before.permissions).length > 0) loosened.push("permissions");
  if (before.allowedAgents.length > 0 && (after.allowedAgents.length === 0 || after.allowedAgents.some((id) => !before.allowedAgents.includes(id)))) {
    loosened.push("allowed_agents");
  }
  if (after.allowTransientAgents && !before.allowTransientAgents) loosened.push("allow_transient_agents");
  // Origins compare as written: swapping one for another counts as adding one.
  if (after.allowedOrigins.some((origin) => !before.allowedOrigins.includes(origin))) loosened.push("allowed_origins");
  if (before.allowedIps.length > 0) {
    const ranges = compileIpAllowlist(before.allowedIps);
    if (after.allowedIps.length === 0 || after.allowedIps.some((entry) => !rangeWithin(entry, ranges))) loosened.push("allowed_ips");
  }
  if (before.expiresAt && (after.expiresAt === null || after.expiresAt > before.expiresAt)) loosened.push("expires_at");
  if (rateLimitLooser(rateLimitOf(after), rateLimitOf(before))) loosened.push("rate_limit");
  if (creditsLooser(creditsOf(after, now), creditsOf(before, now))) loosened.push("credits");
  return loosened;
}
