"use server";
// The Active/Disabled switch: takes effect on the very next API request, on every server.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setApiKeyStatus } from "@/db/queries/api-keys";
import { routes } from "@/lib/routes";
import { workspaceAction } from "./action";

export const setApiKeyStatusAction = workspaceAction({
  permission: "keys:toggle",
  schema: z.object({ keyId: z.uuid(), enabled: z.boolean() }),
  async handler({ keyId, enabled }, { workspace }) {
    const key = await setApiKeyStatus(workspace.id, keyId, enabled ? "active" : "disabled");
    if (!key) return { ok: false, error: "This key no longer exists. Reload the page." };
    revalidatePath(routes.apiKeys);
    return { ok: true, data: undefined };
  },
});
