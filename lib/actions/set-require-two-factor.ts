"use server";
// Settings → General → "Require two-factor sign-in" (owners and admins).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { hasSecondFactor } from "@/db/queries/two-factor";
import { routes } from "@/lib/routes";
import { setRequireTwoFactor } from "@/lib/services/two-factor";
import { workspaceAction } from "./action";

export const setRequireTwoFactorAction = workspaceAction({
  permission: "workspace:update",
  schema: z.object({ required: z.boolean({ error: "required is true or false" }) }),
  async handler({ required }, { workspace, actor, user }) {
    // Requiring what you do not have would lock you out of the page you are on.
    if (required && !(await hasSecondFactor(getDb(), user.id))) {
      return { ok: false, error: "Set up two-factor sign-in for yourself first (Settings → Account)." };
    }
    if (!(await setRequireTwoFactor(actor, { workspaceId: workspace.id, required }))) return { ok: false, error: "This workspace no longer exists." };
    revalidatePath(routes.settings, "layout");
    return { ok: true, data: undefined };
  },
});
