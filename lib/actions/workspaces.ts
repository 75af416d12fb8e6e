"use server";
// Create a workspace and switch between workspaces: the person's own choices, in any role.
import { redirect } from "next/navigation";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { createWorkspace, switchWorkspace } from "@/lib/services/workspaces";
import { workspaceNameSchema } from "@/lib/workspace-schemas";
import { accountAction } from "./action";
import { revalidateDashboard } from "./revalidate-dashboard";

export const createWorkspaceAction = accountAction({
  name: "create-workspace",
  schema: z.object({ name: workspaceNameSchema }),
  async handler({ name }, { actor }) {
    await createWorkspace(actor, { name });
    revalidateDashboard();
    redirect(routes.apiKeys);
  },
});

export const switchWorkspaceAction = accountAction({
  name: "switch-workspace",
  schema: z.object({ workspaceId: z.uuid(expects("workspaceId", "a workspace's id (a UUID)")) }),
  async handler({ workspaceId }, { actor }) {
    if (!(await switchWorkspace(actor, { workspaceId }))) {
      return { ok: false, error: "You are no longer a member of that workspace. Reload the page." };
    }
    revalidateDashboard();
    redirect(routes.apiKeys);
  },
});
