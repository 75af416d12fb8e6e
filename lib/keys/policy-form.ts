// A key's policy as the dashboard's forms send it (Generate, and Edit on the key's page): text
// fields with one origin or IP range per line, a permissions preset or three levels, an expiry
// choice, and (Edit) the rate limit and credits. Parsed into the policy the services store
// (lib/keys/policy.ts), with field errors.
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";
import { CREDIT_INTERVALS, MAX_BURST, MAX_CREDITS, MAX_REQUESTS_PER_SECOND, type KeyCredits, type RateLimit } from "./limits";
import { agentIdsSchema, checkPolicyForType, expiryFromChoice, ipsSchema, originsSchema, splitLines, type KeyPolicy } from "./policy";
import { ACCESS_LEVELS, SCOPE_PRESETS, type KeyScopes } from "./scopes";

const lines = (label: string, example: string, schema: typeof originsSchema | typeof ipsSchema) =>
  text({ multiline: true, ...expects(label, `one per line, such as ${example}`) })
    .max(10_000, `${label}: 10,000 characters at most.`)
    .optional()
    .transform((text) => splitLines(text ?? ""))
    .pipe(schema);
const level = (label: string) => z.enum(ACCESS_LEVELS, expects(label, "none, read or write")).default("none");
// Checkboxes send their value once per checked box, so a form gives one string or several.
const many = z
  .union([text(), z.array(text())], expects("Allowed agents", "the ticked agents"))
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
// A choice the form makes for the person (a select's value): kept short.
const choice = (label: string, expected: string) => text(expects(label, expected)).max(20, `${label} must be ${expected}.`);
const checkbox = (label: string) =>
  text(expects(label, "on when ticked"))
    .optional()
    .transform((value) => value === "on" || value === "true");

export const policyFormFields = {
  allowedOrigins: lines("Allowed origins", "https://app.example.com", originsSchema),
  allowedIps: lines("Allowed IP addresses", "203.0.113.0/24", ipsSchema),
  permissions: z.enum(["full_access", "read_only", "restricted"], { error: "Choose the key's permissions: Full access, Read only or Restricted." }).default("full_access"),
  scopeAgents: level("Agents permission"),
  scopeCalls: level("Calls permission"),
  scopeApiKeys: level("API keys permission"),
  expiration: choice("Expiration", "Never, a number of days or On a date").default("never"),
  expiryDate: choice("Expiry date", "a date such as 2027-01-31").optional(),
  allowedAgents: many.pipe(agentIdsSchema),
  allowTransientAgents: checkbox("Allow transient agents"),
};

type PolicyForm = z.infer<z.ZodObject<typeof policyFormFields>>;

/** The policy a parsed form asks for; `expiration: "keep"` leaves the expiry out (an edit). */
export function policyFromForm(form: PolicyForm, context: z.RefinementCtx, type: "private" | "public"): Partial<KeyPolicy> {
  const permissions: KeyScopes =
    form.permissions === "restricted" ? { agents: form.scopeAgents, calls: form.scopeCalls, api_keys: form.scopeApiKeys } : SCOPE_PRESETS[form.permissions];
  const policy: Partial<KeyPolicy> = {
    allowedOrigins: type === "public" ? form.allowedOrigins : [],
    allowedIps: type === "private" ? form.allowedIps : [],
    permissions,
    allowedAgents: form.allowedAgents,
    allowTransientAgents: form.allowTransientAgents,
  };
  if (form.expiration !== "keep") {
    const expiresAt = expiryFromChoice(form.expiration, form.expiryDate);
    if (expiresAt === "invalid") context.addIssue({ code: "custom", path: ["expiryDate"], message: "Choose a date in the future, within ten years." });
    else policy.expiresAt = expiresAt;
  }
  checkPolicyForType(type, policy, context);
  return policy;
}

/** A number typed into a field: empty is undefined; anything else must be a whole number in range. */
const count = (label: string, min: number, max: number) =>
  text(expects(label, `a whole number from ${min} to ${max.toLocaleString("en")}`))
    .trim()
    .max(20, `${label} is a whole number from ${min} to ${max.toLocaleString("en")}.`)
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const number = Number(value.replaceAll(",", ""));
      if (!Number.isInteger(number) || number < min || number > max) {
        context.addIssue({ code: "custom", message: `${label} is a whole number from ${min} to ${max.toLocaleString("en")}.` });
        return z.NEVER;
      }
      return number;
    });

/**
 * Edit's rate limit and credits fields ("Requests per second", "Burst", "Credits", ...). The form
 * marks that it has them (`limits`): a form without them leaves the key's limits as they are.
 */
export const limitFormFields = {
  limits: z.literal("edit", expects("limits", "edit, when the form has the limit fields")).optional(),
  rateLimitPerSecond: count("Requests per second", 1, MAX_REQUESTS_PER_SECOND),
  rateLimitBurst: count("Burst", 0, MAX_BURST),
  noRateLimit: checkbox("No rate limit"),
  credits: count("Credits", 0, MAX_CREDITS),
  // The balance the form showed: a save that leaves it as shown keeps the calls spent meanwhile.
  creditsSeen: count("Credits", 0, MAX_CREDITS),
  refillAmount: count("Refill amount", 1, MAX_CREDITS),
  refillInterval: z.enum(["never", ...CREDIT_INTERVALS], { error: "Refill: choose Never, Day or Month." }).default("never"),
};

type LimitForm = z.infer<z.ZodObject<typeof limitFormFields>>;

/** The rate limit and credits a parsed Edit form asks for, with field errors where it cannot. */
export function limitsFromForm(
  form: LimitForm,
  context: z.RefinementCtx,
): { rateLimit?: RateLimit | null; credits?: KeyCredits | null; creditsSeen?: number | null } {
  if (form.limits !== "edit") return {};
  let rateLimit: RateLimit | null = null;
  if (!form.noRateLimit) {
    if (form.rateLimitPerSecond === undefined) context.addIssue({ code: "custom", path: ["rateLimitPerSecond"], message: "Enter requests per second, or tick No rate limit." });
    if (form.rateLimitBurst === undefined) context.addIssue({ code: "custom", path: ["rateLimitBurst"], message: "Enter a burst (0 for none), or tick No rate limit." });
    rateLimit = { perSecond: form.rateLimitPerSecond ?? 0, burst: form.rateLimitBurst ?? 0 };
  }
  let credits: KeyCredits | null = null;
  if (form.refillInterval !== "never") {
    if (form.refillAmount === undefined) context.addIssue({ code: "custom", path: ["refillAmount"], message: "Enter how many credits each refill gives." });
    if (form.credits === undefined) context.addIssue({ code: "custom", path: ["credits"], message: "Enter the credits to start from: a refill needs a balance." });
  }
  if (form.credits !== undefined) {
    credits = { remaining: form.credits, refill: form.refillInterval === "never" ? null : { amount: form.refillAmount ?? 1, interval: form.refillInterval } };
  }
  return { rateLimit, credits, creditsSeen: form.creditsSeen ?? null };
}
