// A key's policy as the dashboard's forms send it (Generate, and Edit on the key's page): text
// fields with one origin or IP range per line, a permissions preset or three levels, an expiry
// choice. Parsed into the policy the services store (lib/keys/policy.ts), with field errors.
import { z } from "zod";
import { text } from "@/lib/text";
import { agentIdsSchema, checkPolicyForType, expiryFromChoice, ipsSchema, originsSchema, splitLines, type KeyPolicy } from "./policy";
import { ACCESS_LEVELS, SCOPE_PRESETS, type KeyScopes } from "./scopes";

const lines = (schema: typeof originsSchema | typeof ipsSchema) =>
  text({ multiline: true }).max(10_000).optional().transform((text) => splitLines(text ?? "")).pipe(schema);
const level = z.enum(ACCESS_LEVELS).default("none");
// Checkboxes send their value once per checked box, so a form gives one string or several.
const many = z.union([text(), z.array(text())]).optional().transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const policyFormFields = {
  allowedOrigins: lines(originsSchema),
  allowedIps: lines(ipsSchema),
  permissions: z.enum(["full_access", "read_only", "restricted"], { error: "Choose the key's permissions." }).default("full_access"),
  scopeAgents: level,
  scopeCalls: level,
  scopeApiKeys: level,
  expiration: text().max(20).default("never"),
  expiryDate: text().max(20).optional(),
  allowedAgents: many.pipe(agentIdsSchema),
  allowTransientAgents: text().optional().transform((value) => value === "on" || value === "true"),
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
