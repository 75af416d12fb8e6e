// An agent's editable fields as the dashboard's forms send them: one schema for creating and
// editing, shared by the actions (lib/actions/*-agent.ts) and the form's limits. It lives here,
// not in a "use server" file, which may only export async functions.
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";

export const AGENT_LIMITS = { name: 100, description: 500, voice: 64, firstMessage: 1000 } as const;

/** The voices the form offers. The API accepts any voice name, so an agent may have another. */
export const VOICES = ["aria", "alloy", "echo", "nova", "sage", "verse"] as const;

export const agentFieldsSchema = z.object({
  name: text(expects("Name", "the agent's name, such as Support line"))
    .trim()
    .min(1, "Give the agent a name, such as Support line or Appointment reminders.")
    .max(AGENT_LIMITS.name, `Names can be ${AGENT_LIMITS.name} characters at most.`),
  description: text({ multiline: true, ...expects("Description", "text saying what the agent does") })
    .trim()
    .max(AGENT_LIMITS.description, `Descriptions can be ${AGENT_LIMITS.description} characters at most.`)
    .optional()
    .transform((value) => value || null),
  voice: text(expects("Voice", "a voice name such as aria"))
    .trim()
    .min(1, "Choose a voice.")
    .max(AGENT_LIMITS.voice, `Voice names can be ${AGENT_LIMITS.voice} characters at most.`),
  firstMessage: text({ multiline: true, ...expects("First message", "what the agent says when the call is answered, such as \"Hi, this is Acme.\"") })
    .trim()
    .min(1, "Write what the agent says when the call is answered.")
    .max(AGENT_LIMITS.firstMessage, `The first message can be ${AGENT_LIMITS.firstMessage} characters at most.`),
});

export type AgentFieldsInput = z.input<typeof agentFieldsSchema>;
