"use server";
// The "Get started" checklist (/onboarding): its first step in one click, and closing it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { agentFieldsSchema } from "@/lib/agents/schema";
import { routes } from "@/lib/routes";
import { createAgent } from "@/lib/services/agents";
import { dismissOnboarding } from "@/lib/services/onboarding";
import { workspaceAction } from "./action";

/** Step 1: an agent with sensible defaults, which its owner can rename or change later. */
export const createFirstAgentAction = workspaceAction({
  permission: "agents:write",
  schema: z.object({}),
  async handler(_input, { workspace, actor }) {
    const fields = agentFieldsSchema.parse({
      name: "Support line",
      description: "Created from Get started. Rename it, or change its voice and first message, on the Agents page.",
      voice: "aria",
      firstMessage: `Hi, this is ${workspace.name}. How can I help you today?`.slice(0, 1000),
    });
    await createAgent(actor, { workspaceId: workspace.id, ...fields });
    revalidatePath(routes.agents);
    revalidatePath(routes.onboarding);
    return { ok: true, data: undefined };
  },
});

/** Closes the checklist for the person who asks; it leaves their navigation too. */
export const dismissOnboardingAction = workspaceAction({
  permission: "workspace:read",
  schema: z.object({}),
  async handler(_input, { workspace, actor }) {
    await dismissOnboarding(actor, { workspaceId: workspace.id });
    revalidatePath(routes.settings, "layout");
    return { ok: true, data: undefined };
  },
});
