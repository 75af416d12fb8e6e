"use server";
// Settings → Members → "Reset two-factor sign-in" (owners): a member who lost their second
// factor signs in with their password again and sets up a new one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { resetMemberSecondFactor } from "@/lib/services/two-factor";
import { workspaceAction } from "./action";

export const resetMemberSecondFactorAction = workspaceAction({
  permission: "members:reset_two_factor",
  schema: z.object({ userId: z.uuid(expects("userId", "the id of a member of this workspace")) }),
  async handler({ userId }, { workspace, actor }) {
    const result = await resetMemberSecondFactor(actor, { workspaceId: workspace.id, userId });
    if (result === "self") return { ok: false, error: "Reset your own second factor in Settings → Account." };
    if (result === "not_member") return { ok: false, error: "This person is not a member of this workspace." };
    if (result === "not_owner_everywhere") {
      return {
        ok: false,
        error: "This person also belongs to a workspace you do not own. Their sign-in factors are theirs in every workspace, so only someone who owns all of them can reset them.",
      };
    }
    revalidatePath(routes.members);
    return { ok: true, data: undefined };
  },
});
