"use server";
// Settings → Members → Remove: the member loses access on their very next request.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { removeMember } from "@/lib/services/members";
import { workspaceAction } from "./action";
import { MEMBER_REFUSALS } from "./members-refusals";

export const removeMemberAction = workspaceAction({
  permission: "members:manage",
  schema: z.object({ userId: z.uuid(expects("userId", "a member's id (a UUID)")) }),
  async handler({ userId }, { workspace, actor }) {
    const result = await removeMember(actor, { workspaceId: workspace.id, userId });
    if (!result.ok) return { ok: false, error: MEMBER_REFUSALS[result.reason] };
    revalidatePath(routes.members);
    return { ok: true, data: undefined };
  },
});
