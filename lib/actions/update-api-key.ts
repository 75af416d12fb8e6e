"use server";
// A key's page → Save changes: its name, description, policy, rate limit and credits (never its
// type). Takes effect on the next request on every server, like disabling does; the answer says
// how many confirmed.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ApiKeyListItem } from "@/db/queries/api-keys";
import { expects } from "@/lib/field-messages";
import { keyDescriptionSchema, keyNameSchema } from "@/lib/keys/policy";
import { limitFormFields, limitsFromForm, policyFormFields, policyFromForm } from "@/lib/keys/policy-form";
import { awaitPropagation, type Propagation } from "@/lib/keys/propagation";
import { routes } from "@/lib/routes";
import { updateApiKey } from "@/lib/services/api-keys";
import { workspaceAction } from "./action";
import { echoValues, type ActionState } from "./action-state";

const updateApiKeySchema = z
  .object({
    keyId: z.uuid(expects("keyId", "the key's id (a UUID)")),
    // Which fields the form shows; the service checks the policy against the stored type.
    type: z.enum(["private", "public"], expects("type", "private or public")),
    name: keyNameSchema,
    description: keyDescriptionSchema.optional().transform((value) => value || null),
    ...policyFormFields,
    ...limitFormFields,
  })
  .transform((form, context) => {
    const { creditsSeen, ...limits } = limitsFromForm(form, context);
    return {
      keyId: form.keyId,
      changes: { name: form.name, description: form.description, ...policyFromForm(form, context, form.type), ...limits },
      creditsSeen,
    };
  });

const REFUSALS = {
  not_found: { error: "This key no longer exists. Reload the page." },
  name_taken: { field: "name", error: "A key with this name already exists. Choose another name." },
  unknown_agents: { field: "allowedAgents", error: "One of the chosen agents no longer exists. Reload the page." },
  origins_required: { field: "allowedOrigins", error: "A public key needs at least one allowed origin." },
  origins_on_private: { field: "allowedOrigins", error: "Allowed origins are for public keys." },
  ips_on_public: { field: "allowedIps", error: "IP restrictions are for private keys." },
} as const;

export const updateApiKeyAction = workspaceAction({
  permission: "keys:update",
  schema: updateApiKeySchema,
  async handler({ keyId, changes, creditsSeen }, { workspace, actor }, raw): Promise<ActionState<ApiKeyListItem & { propagation: Propagation }>> {
    const result = await updateApiKey(actor, { workspaceId: workspace.id, keyId, changes, creditsSeen });
    if (!result.ok) {
      const refusal: { field?: string; error: string } =
        result.reason === "refused" ? { error: Object.values(result.refused).flat().join(" ") } : REFUSALS[result.reason];
      const values = echoValues(raw);
      return refusal.field
        ? { ok: false, error: "Check the highlighted fields.", fieldErrors: { [refusal.field]: [refusal.error] }, values }
        : { ok: false, error: refusal.error, values };
    }
    const propagation = await awaitPropagation(result.changeId);
    revalidatePath(routes.apiKeys);
    revalidatePath(routes.apiKey(keyId));
    return { ok: true, data: { ...result.apiKey, propagation } };
  },
});
