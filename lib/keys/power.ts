// A key that manages keys (the management API) can never hand out more than it holds: a key it
// creates, rolls or edits stays within its own permissions, agents, IP ranges and expiry. Each
// refusal is named by the API field it concerns, so the 403 can say what was refused.
import type { KeyType } from "./format";
import { rangeWithin, type compileIpAllowlist } from "./ip-allowlist";
import { resourcesBeyond, type KeyScopes } from "./scopes";

/** The powers of the key making the request, as verification loaded them. */
export type HolderPowers = {
  permissions: KeyScopes;
  allowedAgents: string[];
  allowTransientAgents: boolean;
  ipRanges: ReturnType<typeof compileIpAllowlist>;
  expiresAt: Date | null;
};

/** The powers a key would have (or the part of them a request changes). */
export type GrantedPowers = Partial<{
  type: KeyType;
  permissions: KeyScopes;
  allowedAgents: string[];
  allowTransientAgents: boolean;
  allowedIps: string[];
  expiresAt: Date | null;
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
  return excess;
}

/** Every power of a whole key, for checks on a key as it stands (rolling it, enabling it). */
export function powersOf(key: { type: KeyType; permissions: KeyScopes; allowedAgents: string[]; allowTransientAgents: boolean; allowedIps: string[]; expiresAt: Date | null }): GrantedPowers {
  return {
    type: key.type,
    permissions: key.permissions,
    allowedAgents: key.allowedAgents,
    allowTransientAgents: key.allowTransientAgents,
    allowedIps: key.type === "private" ? key.allowedIps : undefined,
    expiresAt: key.expiresAt,
  };
}
