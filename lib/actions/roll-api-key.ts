"use server";
// Roll key: a new key with the same settings, shown once; the old one keeps working for the
// chosen grace period, then stops.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CreatedApiKey } from "@/db/queries/api-keys";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { awaitPropagation, type Propagation } from "@/lib/keys/propagation";
import { ROLL_GRACE_CHOICES } from "@/lib/keys/roll";
import { rollApiKey } from "@/lib/services/api-keys";
import { workspaceAction } from "./action";
import type { ActionState } from "./action-state";

const GRACES = ROLL_GRACE_CHOICES.map((choice) => String(choice.seconds)) as [string, ...string[]];

export const rollApiKeyAction = workspaceAction({
  permission: "keys:update",
  schema: z.object({ keyId: z.uuid(expects("keyId", "the key's id (a UUID)")), grace: z.enum(GRACES, { error: "Choose how long the old key keeps working." }) }),
  async handler({ keyId, grace }, { workspace, actor }): Promise<ActionState<CreatedApiKey & { propagation: Propagation }>> {
    const result = await rollApiKey(actor, { workspaceId: workspace.id, keyId, graceSeconds: Number(grace) });
    if (result.ok === false && result.reason === "refused") return { ok: false, error: Object.values(result.refused).flat().join(" ") };
    if (!result.ok) {
      const error = {
        not_found: "This key no longer exists. Reload the page.",
        already_rolled: "This key was already rolled: roll its successor instead.",
        limit_reached: "This workspace holds the most keys it can, and the old key would stay live during its grace period. Revoke unused keys, or roll with Stop it now.",
      }[result.reason];
      return { ok: false, error };
    }
    // How many servers know the old key's new end (or, with no grace, that it is revoked).
    const propagation = await awaitPropagation(result.changeId);
    revalidatePath(routes.apiKeys);
    return { ok: true, data: { ...result.created, propagation } };
  },
});
