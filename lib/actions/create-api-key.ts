"use server";
// Generate API Key: creates a private key and returns its plaintext, once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import { routes } from "@/lib/routes";
import { createApiKey } from "@/lib/services/api-keys";
import { workspaceAction } from "./action";
import { echoValues } from "./action-state";

const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, such as production or zapier-integration.")
    .max(64, "Names can be 64 characters at most."),
  description: z
    .string()
    .trim()
    .max(500, "Descriptions can be 500 characters at most.")
    .optional()
    .transform((value) => value || null),
});

export const createApiKeyAction = workspaceAction<typeof createApiKeySchema, CreatedApiKey>({
  permission: "keys:create",
  schema: createApiKeySchema,
  async handler(input, { workspace, actor }) {
    const result = await createApiKey(actor, {
      workspaceId: workspace.id,
      type: "private",
      name: input.name,
      description: input.description,
    });
    if (!result.ok && result.reason === "limit_reached") {
      return {
        ok: false,
        error:
          `This workspace already has ${result.limit.toLocaleString("en")} active API keys, the most it can hold. ` +
          "Revoke keys you no longer use, then generate this one.",
        values: echoValues({ name: input.name, description: input.description ?? "" }),
      };
    }
    if (!result.ok) {
      return {
        ok: false,
        error: "Check the highlighted fields.",
        fieldErrors: { name: ["A key with this name already exists. Choose another name."] },
        values: echoValues({ name: input.name, description: input.description ?? "" }),
      };
    }
    revalidatePath(routes.apiKeys);
    return { ok: true, data: result.created };
  },
});
