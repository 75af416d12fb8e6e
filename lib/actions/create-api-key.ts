"use server";
// Generate API Key: creates a key with its policy and returns its plaintext, once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import { keyDescriptionSchema, keyNameSchema } from "@/lib/keys/policy";
import { policyFormFields, policyFromForm } from "@/lib/keys/policy-form";
import { routes } from "@/lib/routes";
import { createApiKey } from "@/lib/services/api-keys";
import { workspaceAction } from "./action";
import { echoValues, type ActionState } from "./action-state";

const createApiKeySchema = z
  .object({
    name: keyNameSchema,
    description: keyDescriptionSchema.optional().transform((value) => value || null),
    type: z.enum(["private", "public"], { error: "Choose Private or Public." }).default("private"),
    ...policyFormFields,
  })
  .transform((form, context) => ({ name: form.name, description: form.description, type: form.type, policy: policyFromForm(form, context, form.type) }));

export const createApiKeyAction = workspaceAction<typeof createApiKeySchema, CreatedApiKey>({
  permission: "keys:create",
  schema: createApiKeySchema,
  async handler(input, { workspace, actor }, raw): Promise<ActionState<CreatedApiKey>> {
    const result = await createApiKey(actor, { workspaceId: workspace.id, type: input.type, name: input.name, description: input.description, policy: input.policy });
    const values = echoValues(raw);
    if (!result.ok && result.reason === "limit_reached") {
      return {
        ok: false,
        error:
          `This workspace already has ${result.limit.toLocaleString("en")} active API keys, the most it can hold. ` +
          "Revoke keys you no longer use, then generate this one.",
        values,
      };
    }
    if (!result.ok && result.reason === "unknown_agents") {
      return { ok: false, error: "Check the highlighted fields.", fieldErrors: { allowedAgents: ["One of the chosen agents no longer exists. Reload the page."] }, values };
    }
    if (!result.ok) {
      return { ok: false, error: "Check the highlighted fields.", fieldErrors: { name: ["A key with this name already exists. Choose another name."] }, values };
    }
    revalidatePath(routes.apiKeys);
    return { ok: true, data: result.created };
  },
});
