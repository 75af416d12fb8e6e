// A key's policy as typed into the dashboard or sent to the API, checked with zod in one place:
// origins and IP ranges are parsed and normalized, and the rules that tie fields together hold
// (a public key needs at least one origin and takes no IP list; a private key takes no origins).
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";
import { parseIpEntry } from "./ip-allowlist";
import type { KeyCredits, RateLimit } from "./limits";
import { parseAllowedOrigin } from "./origins";
import { ACCESS_LEVELS, type KeyScopes } from "./scopes";

export const MAX_ORIGINS = 20;
export const MAX_IPS = 50;
export const MAX_AGENTS = 100;

/** A key's name: unique among the workspace's live keys (the database enforces that). */
export const keyNameSchema = text(expects("name", "a name for the key, such as production or zapier-integration"))
  .trim()
  .min(1, "Give the key a name, such as production or zapier-integration.")
  .max(64, "Names can be 64 characters at most.");

export const keyDescriptionSchema = text({ multiline: true, ...expects("description", "text saying what the key is for, such as Used by the nightly export") }).trim().max(500, "Descriptions can be 500 characters at most.");

// `field` and `example` name the list in messages: a value of the wrong kind says what to send.
const list = (field: string, max: number, noun: string, example: string) =>
  z
    .array(text(expects(`Each entry of ${field}`, `a string such as ${example}`)), expects(field, `a list of ${noun} such as ["${example}"]`))
    .max(max, `At most ${max} ${noun}.`);

/** Entries typed one per line (or with commas): trimmed, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const originsSchema = list("allowed_origins", MAX_ORIGINS, "origins", "https://app.example.com").transform((values, context) => {
  const normalized: string[] = [];
  for (const value of values) {
    const parsed = parseAllowedOrigin(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.error });
    else if (!normalized.includes(parsed.value)) normalized.push(parsed.value);
  }
  return normalized;
});

export const ipsSchema = list("allowed_ips", MAX_IPS, "IP addresses or ranges", "203.0.113.0/24").transform((values, context) => {
  const normalized: string[] = [];
  for (const value of values) {
    const parsed = parseIpEntry(value);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.error });
    else if (!normalized.includes(parsed.value)) normalized.push(parsed.value);
  }
  return normalized;
});

export const agentIdsSchema = z
  .array(
    z.uuid(expects("Each entry of allowed_agents", "an agent's id (a UUID) from GET /api/v1/agents")),
    expects("allowed_agents", 'a list of agent ids such as ["3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b"], or [] for every agent'),
  )
  .max(MAX_AGENTS, `At most ${MAX_AGENTS} agents.`)
  .transform((ids) => [...new Set(ids)]);

const level = (resource: keyof KeyScopes) => z.enum(ACCESS_LEVELS, expects(`permissions.${resource}`, "none, read or write"));
export const scopesSchema = z.strictObject(
  { agents: level("agents"), calls: level("calls"), api_keys: level("api_keys") },
  expects("permissions", '{"agents": "read", "calls": "write", "api_keys": "none"}'),
) satisfies z.ZodType<KeyScopes>;

/** A future moment, up to ten years ahead. */
export const futureMomentSchema = z
  .date()
  .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future.")
  .refine((date) => date.getTime() < Date.now() + 10 * 365 * 86_400_000, "The expiry must be within ten years.");

export const expirySchema = z.coerce.date({ error: "Use a date such as 2027-01-31." }).pipe(futureMomentSchema);

export type KeyPolicy = {
  allowedOrigins: string[];
  allowedAgents: string[];
  allowTransientAgents: boolean;
  permissions: KeyScopes;
  allowedIps: string[];
  expiresAt: Date | null;
  /** null: no rate limit. */
  rateLimit: RateLimit | null;
  /** null: unlimited calls. */
  credits: KeyCredits | null;
};

/** The rules between fields, for a key of `type`; adds issues at the offending field. */
export function checkPolicyForType(type: "private" | "public", policy: Partial<KeyPolicy>, context: z.RefinementCtx, names = { origins: "allowedOrigins", ips: "allowedIps" }) {
  if (type === "public") {
    if (policy.allowedOrigins !== undefined && policy.allowedOrigins.length === 0) {
      context.addIssue({ code: "custom", path: [names.origins], message: "A public key needs at least one allowed origin, such as https://app.example.com." });
    }
    if (policy.allowedIps?.length) {
      context.addIssue({ code: "custom", path: [names.ips], message: "IP restrictions are for private keys: a public key runs in visitors' browsers." });
    }
  } else if (policy.allowedOrigins?.length) {
    context.addIssue({ code: "custom", path: [names.origins], message: "Allowed origins are for public keys; a private key must not be used from a browser." });
  }
}

export function expiryFromChoice(choice: string, date: string | undefined, now = Date.now()): Date | null | "invalid" {
  if (choice === "never") return null;
  if (/^(7|30|60|90)$/.test(choice)) return new Date(now + Number(choice) * 86_400_000);
  if (choice === "date") {
    const parsed = expirySchema.safeParse(date ? `${date}T23:59:59Z` : undefined);
    return parsed.success ? parsed.data : "invalid";
  }
  return "invalid";
}
