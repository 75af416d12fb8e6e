"use server";
// Settings → General → rename the workspace (owners and admins).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { routes } from "@/lib/routes";
import { renameWorkspace } from "@/lib/services/workspaces";
import { workspaceNameSchema } from "@/lib/workspace-schemas";
import { workspaceAction } from "./action";

export const renameWorkspaceAction = workspaceAction({
  permission: "workspace:update",
  schema: z.object({ name: workspaceNameSchema }),
  async handler({ name }, { workspace, actor }) {
    const renamed = await renameWorkspace(actor, { workspaceId: workspace.id, name });
    if (!renamed) return { ok: false, error: "This workspace no longer exists." };
    // The name shows in every settings page's sidebar.
    revalidatePath(routes.settings, "layout");
    return { ok: true, data: undefined };
  },
});
