"use server";
// Agents → Create agent: a saved agent that calls started through the API can name.
import { revalidatePath } from "next/cache";
import type { AgentRow } from "@/db/queries/agents";
import { agentFieldsSchema } from "@/lib/agents/schema";
import { routes } from "@/lib/routes";
import { createAgent } from "@/lib/services/agents";
import { workspaceAction } from "./action";

export const createAgentAction = workspaceAction<typeof agentFieldsSchema, AgentRow>({
  permission: "agents:write",
  schema: agentFieldsSchema,
  async handler(input, { workspace, actor }) {
    const agent = await createAgent(actor, { workspaceId: workspace.id, ...input });
    revalidatePath(routes.agents);
    return { ok: true, data: agent };
  },
});
