// A key as the list and its page describe it in brief: its restrictions, when it stops, the
// hygiene badges (old enough to rotate; unused for a month), its rate limit and credits.
import { formatCount } from "@/lib/format-count";
import { creditsOf, rateLimitOf, type LimitColumns } from "./limits";
import { describeScopes, type KeyScopes } from "./scopes";

type Describable = {
  type: "private" | "public";
  permissions: KeyScopes;
  allowedAgents: string[];
  allowedOrigins: string[];
  allowedIps: string[];
  allowTransientAgents: boolean;
  expiresAt: Date | null;
  rolledToId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};

const DAY = 86_400_000;
export const ROTATE_AFTER_DAYS = 90;
export const UNUSED_AFTER_DAYS = 30;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "calls:write · 2 agents · 1 origin", the restrictions in brief. */
export function describeRestrictions(key: Describable): string {
  const parts = [describeScopes(key.permissions)];
  if (key.allowedAgents.length) parts.push(plural(key.allowedAgents.length, "agent"));
  if (key.type === "public") parts.push(plural(key.allowedOrigins.length, "origin"));
  if (key.allowedIps.length) parts.push(plural(key.allowedIps.length, "IP range"));
  if (key.allowTransientAgents) parts.push("transient agents");
  return parts.join(" · ");
}

/** "3 days", "2 hours", "5 minutes": a duration in the largest whole unit. */
export function durationInWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return plural(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, "hour");
  return plural(Math.round(hours / 24), "day");
}

/** When the key stops working, in words, or null when it does not. */
export function describeExpiry(key: Pick<Describable, "expiresAt" | "rolledToId">, now = Date.now()): { text: string; stopped: boolean } | null {
  if (!key.expiresAt) return null;
  const left = key.expiresAt.getTime() - now;
  if (key.rolledToId) return left > 0 ? { text: `Rolled: stops in ${durationInWords(left)}`, stopped: false } : { text: "Rolled: stopped", stopped: true };
  return left > 0 ? { text: `Expires in ${durationInWords(left)}`, stopped: false } : { text: "Expired", stopped: true };
}

/** Hygiene badges: "Rotate" past 90 days of age, "Unused 30+ days" for dormant keys. */
export function hygieneBadges(key: Pick<Describable, "createdAt" | "lastUsedAt" | "rolledToId">, now = Date.now()): string[] {
  if (key.rolledToId) return [];
  const badges: string[] = [];
  if (now - key.createdAt.getTime() > ROTATE_AFTER_DAYS * DAY) badges.push("Rotate");
  const lastActivity = (key.lastUsedAt ?? key.createdAt).getTime();
  if (now - lastActivity > UNUSED_AFTER_DAYS * DAY) badges.push("Unused 30+ days");
  return badges;
}

/** Who created a key, as "by …" reads it: a person's email, or "key NAME" for the management API. */
export function describeCreator(key: { createdByType: "user" | "api_key"; createdByLabel: string }): string {
  return key.createdByType === "api_key" ? `key ${key.createdByLabel}` : key.createdByLabel;
}

/** "50 requests/s, bursts of 100" or "No rate limit". */
export function describeRateLimit(key: Pick<LimitColumns, "rateLimitPerSecond" | "rateLimitBurst">): string {
  const limit = rateLimitOf(key);
  return limit ? `${formatCount(limit.perSecond)} requests/s, bursts of ${formatCount(limit.burst)}` : "No rate limit";
}

/**
 * "1,200 credits", with the refill ("refill 1,000 each month"), or null for unlimited calls. A
 * rolled key spends its successor's credits and has none of its own: null too.
 */
export function describeCredits(key: Omit<LimitColumns, "rateLimitPerSecond" | "rateLimitBurst">, now = new Date()): { text: string; refill: string | null } | null {
  const credits = creditsOf(key, now);
  if (!credits) return null;
  const text = `${formatCount(credits.remaining)} ${credits.remaining === 1 ? "credit" : "credits"}`;
  return { text, refill: credits.refill ? `refill ${formatCount(credits.refill.amount)} each ${credits.refill.interval}` : null };
}
