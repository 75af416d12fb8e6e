// /api/v1/agents: the workspace's voice agents. Private keys with agents:read list and read
// them and with agents:write create, edit and delete them; public keys may read one agent.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getDb } from "@/db/client";
import { findAgent, listAgents, type AgentRow } from "@/db/queries/agents";
import { decodeCursor } from "@/lib/pagination";
import { createAgent, deleteAgent, updateAgent } from "@/lib/services/agents";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";
import { apiActor } from "./actor";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { assertAgentAllowed, requireScope } from "./guard";
import { idempotency } from "./idempotency";
import { CreatedBy, createdByJson, errorResponses, IdParam, json, notFoundResponse, PageQuery, strictBody } from "./schemas";

const AgentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    voice: z.string(),
    first_message: z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().nullable(),
    created_by: CreatedBy,
  })
  .openapi("Agent");

const fields = {
  name: text(expects("name", "the agent's name, such as Renewals assistant"))
    .trim()
    .min(1, "Give the agent a name, such as Renewals assistant.")
    .max(100, "Names can be 100 characters at most.")
    .openapi({ example: "Renewals assistant" }),
  description: text({ multiline: true, ...expects("description", "text about the agent, or null") })
    .trim()
    .max(500, "Descriptions can be 500 characters at most.")
    .nullable()
    .optional(),
  // Any voice name: the platform's voices change faster than this API (lib/agents/schema.ts lists the form's).
  voice: text(expects("voice", "a voice name such as aria"))
    .trim()
    .min(1, "voice must not be empty: a voice name such as aria.")
    .max(64, "Voice names can be 64 characters at most.")
    .openapi({ example: "aria" }),
  first_message: text({ multiline: true, ...expects("first_message", "what the agent says when the call is answered, such as \"Hi, this is Aria from Acme.\"") })
    .trim()
    .min(1, "Write what the agent says first, such as \"Hi, this is Aria from Acme.\"")
    .max(1000, "The first message can be 1000 characters at most.")
    .openapi({ example: "Hi, this is Aria from Acme. Is now a good time?" }),
};

const AGENT_EXAMPLE = '{"name": "Renewals assistant", "voice": "aria", "first_message": "Hi, this is Aria from Acme."}';

const CreateAgent = strictBody(fields, AGENT_EXAMPLE).openapi("CreateAgent");
const UpdateAgent = strictBody(
  { name: fields.name.optional(), description: fields.description, voice: fields.voice.optional(), first_message: fields.first_message.optional() },
  '{"voice": "nova"}',
)
  .refine((body) => Object.values(body).some((value) => value !== undefined), "Send at least one field to change: name, description, voice or first_message.")
  .openapi("UpdateAgent");

export function agentJson(agent: AgentRow) {
  return {
    id: agent.id,
    name: agent.name,
    description: agent.description,
    voice: agent.voice,
    first_message: agent.firstMessage,
    created_at: agent.createdAt.toISOString(),
    updated_at: agent.updatedAt?.toISOString() ?? null,
    created_by: createdByJson(agent.createdByType, agent.createdById, agent.createdByLabel),
  };
}

const notFound = () => new ApiError(404, "not_found", "No such agent in this workspace.");

export const agentRoutes = new OpenAPIHono<ApiEnv>()
  // GET /api/v1/agents: the workspace's agents, newest first, a page at a time
  .openapi(
    createRoute({
      method: "get",
      path: "/agents",
      tags: ["Agents"],
      summary: "List agents",
      middleware: [requireScope("agents:read")],
      request: { query: PageQuery },
      responses: { 200: json(z.object({ data: z.array(AgentSchema), next_cursor: z.string().nullable() }), "One page of agents"), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const key = c.get("apiKey");
      const decoded = cursor ? decodeCursor(cursor) : null;
      if (cursor && !decoded) throw new ApiError(400, "invalid_request", "Check the query.", { details: { cursor: ["Not a cursor from this API: send next_cursor as it came."] } });
      const result = await listAgents(getDb(), key.workspaceId, { cursor: decoded, limit, only: key.allowedAgents.length ? key.allowedAgents : undefined });
      return c.json({ data: result.data.map(agentJson), next_cursor: result.nextCursor }, 200);
    },
  )
  // POST /api/v1/agents: create an agent
  .openapi(
    createRoute({
      method: "post",
      path: "/agents",
      tags: ["Agents"],
      summary: "Create an agent",
      middleware: [requireScope("agents:write"), idempotency()],
      request: { body: { ...json(CreateAgent, "The new agent"), required: true } },
      responses: { 201: json(AgentSchema, "The agent"), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const key = c.get("apiKey");
      const agent = await createAgent(apiActor(c), {
        workspaceId: key.workspaceId,
        name: body.name,
        description: body.description ?? null,
        voice: body.voice,
        firstMessage: body.first_message,
      });
      return c.json(agentJson(agent), 201);
    },
  )
  // GET /api/v1/agents/{id}: one agent (public keys too, from their allowed origins)
  .openapi(
    createRoute({
      method: "get",
      path: "/agents/{id}",
      tags: ["Agents"],
      summary: "Get an agent",
      middleware: [requireScope("agents:read", { publicKeys: true })],
      request: { params: IdParam },
      responses: { 200: json(AgentSchema, "The agent"), 404: notFoundResponse("No such agent"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const key = c.get("apiKey");
      assertAgentAllowed(key, id);
      const agent = await findAgent(getDb(), key.workspaceId, id);
      if (!agent) throw notFound();
      return c.json(agentJson(agent), 200);
    },
  )
  // PATCH /api/v1/agents/{id}: change some of an agent's fields
  .openapi(
    createRoute({
      method: "patch",
      path: "/agents/{id}",
      tags: ["Agents"],
      summary: "Update an agent",
      middleware: [requireScope("agents:write")],
      request: { params: IdParam, body: { ...json(UpdateAgent, "The fields to change"), required: true } },
      responses: { 200: json(AgentSchema, "The agent as changed"), 404: notFoundResponse("No such agent"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const key = c.get("apiKey");
      assertAgentAllowed(key, id);
      const agent = await updateAgent(apiActor(c), {
        workspaceId: key.workspaceId,
        agentId: id,
        changes: { name: body.name, description: body.description, voice: body.voice, firstMessage: body.first_message },
      });
      if (!agent) throw notFound();
      return c.json(agentJson(agent), 200);
    },
  )
  // DELETE /api/v1/agents/{id}: delete an agent (its past calls keep naming it)
  .openapi(
    createRoute({
      method: "delete",
      path: "/agents/{id}",
      tags: ["Agents"],
      summary: "Delete an agent",
      middleware: [requireScope("agents:write")],
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, 404: notFoundResponse("No such agent"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const key = c.get("apiKey");
      assertAgentAllowed(key, id);
      if (!(await deleteAgent(apiActor(c), { workspaceId: key.workspaceId, agentId: id }))) throw notFound();
      return c.body(null, 204);
    },
  );
