"use server";
// Settings → Members → Change role. Takes effect on the member's very next request.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { changeMemberRole } from "@/lib/services/members";
import { workspaceAction } from "./action";
import { MEMBER_REFUSALS } from "./members-refusals";

export const changeMemberRoleAction = workspaceAction({
  permission: "members:manage",
  schema: z.object({ userId: z.uuid(expects("userId", "a member's id (a UUID)")), role: z.enum(["owner", "admin", "member", "viewer"], { error: "Choose a role: owner, admin, member or viewer." }) }),
  async handler({ userId, role }, { workspace, actor }) {
    const result = await changeMemberRole(actor, { workspaceId: workspace.id, userId, role });
    if (!result.ok) return { ok: false, error: MEMBER_REFUSALS[result.reason] };
    revalidatePath(routes.members);
    return { ok: true, data: undefined };
  },
});
