"use server";
// Revoke: permanent. The row stays for history, the key stops working at once; the answer says
// how many servers confirmed it (waits up to a second for their acks).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { awaitPropagation } from "@/lib/keys/propagation";
import { routes } from "@/lib/routes";
import { revokeApiKey } from "@/lib/services/api-keys";
import { workspaceAction } from "./action";

export const revokeApiKeyAction = workspaceAction({
  permission: "keys:revoke",
  schema: z.object({ keyId: z.uuid(expects("keyId", "the key's id (a UUID)")) }),
  async handler({ keyId }, { workspace, actor }) {
    const key = await revokeApiKey(actor, { workspaceId: workspace.id, keyId });
    if (!key) return { ok: false, error: "This key no longer exists. Reload the page." };
    const propagation = await awaitPropagation(key.changeId);
    revalidatePath(routes.apiKeys);
    return { ok: true, data: { propagation } };
  },
});
