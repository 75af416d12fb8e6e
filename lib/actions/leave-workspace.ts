"use server";
// Settings → Members → Leave workspace: then on to another workspace, or to creating one.
import { redirect } from "next/navigation";
import { z } from "zod";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/routes";
import { leaveWorkspace } from "@/lib/services/members";
import { workspaceAction } from "./action";
import { MEMBER_REFUSALS } from "./members-refusals";
import { revalidateDashboard } from "./revalidate-dashboard";

export const leaveWorkspaceAction = workspaceAction({
  permission: "workspace:leave",
  schema: z.object({}),
  async handler(_input, { workspace, actor }) {
    const result = await leaveWorkspace(actor, { workspaceId: workspace.id });
    if (!result.ok) return { ok: false, error: MEMBER_REFUSALS[result.reason] };
    revalidateDashboard();
    redirect(DEFAULT_SIGNED_IN_PATH);
  },
});
