"use server";
// Agents → Edit: every field at once, as the form shows them; the service records only what changed.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AgentRow } from "@/db/queries/agents";
import { agentFieldsSchema } from "@/lib/agents/schema";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { updateAgent } from "@/lib/services/agents";
import { workspaceAction } from "./action";
import { echoValues } from "./action-state";

const updateAgentSchema = agentFieldsSchema.extend({ agentId: z.uuid(expects("agentId", "an agent's id (a UUID)")) });

export const updateAgentAction = workspaceAction<typeof updateAgentSchema, AgentRow>({
  permission: "agents:write",
  schema: updateAgentSchema,
  async handler({ agentId, ...changes }, { workspace, actor }) {
    const agent = await updateAgent(actor, { workspaceId: workspace.id, agentId, changes });
    if (!agent) {
      // Deleted meanwhile (by someone else, or in another tab): keep what was typed, say why.
      return {
        ok: false,
        error: "This agent was deleted meanwhile. Close this dialog; your text is still here to copy.",
        values: echoValues({ ...changes, description: changes.description ?? "" }),
      };
    }
    revalidatePath(routes.agents);
    return { ok: true, data: agent };
  },
});
