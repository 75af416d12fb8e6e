"use server";
// The Active/Disabled switch: takes effect on the very next API request, on every server; the
// answer says how many servers confirmed it (waits up to a second for their acks).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { awaitPropagation } from "@/lib/keys/propagation";
import { routes } from "@/lib/routes";
import { setApiKeyStatus } from "@/lib/services/api-keys";
import { workspaceAction } from "./action";

export const setApiKeyStatusAction = workspaceAction({
  permission: "keys:toggle",
  schema: z.object({ keyId: z.uuid(expects("keyId", "the key's id (a UUID)")), enabled: z.boolean(expects("enabled", "true or false")) }),
  async handler({ keyId, enabled }, { workspace, actor }) {
    const key = await setApiKeyStatus(actor, { workspaceId: workspace.id, keyId, status: enabled ? "active" : "disabled" });
    if (!key) return { ok: false, error: "This key no longer exists. Reload the page." };
    const propagation = await awaitPropagation(key.changeId);
    revalidatePath(routes.apiKeys);
    return { ok: true, data: { propagation } };
  },
});
