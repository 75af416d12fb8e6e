"use server";
// Agents → Delete: the row stays (deleted_at) so past calls still name their agent, and no
// new call can use it, through any key.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { deleteAgent } from "@/lib/services/agents";
import { workspaceAction } from "./action";

export const deleteAgentAction = workspaceAction({
  permission: "agents:delete",
  schema: z.object({ agentId: z.uuid(expects("agentId", "an agent's id (a UUID)")) }),
  async handler({ agentId }, { workspace, actor }) {
    const deleted = await deleteAgent(actor, { workspaceId: workspace.id, agentId });
    if (!deleted) return { ok: false, error: "This agent no longer exists. Reload the page." };
    revalidatePath(routes.agents);
    revalidatePath(routes.calls);
    return { ok: true, data: undefined };
  },
});
