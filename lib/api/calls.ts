// /api/v1/calls: start a call (private keys with calls:write, and public keys from their
// allowed origins) and follow it (calls:read). A call names a saved agent, or carries an inline
// (transient) agent where the key allows it; a key with credits pays one per call.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getDb } from "@/db/client";
import { findCall, listCalls, type CallRow } from "@/db/queries/calls";
import { CALL_STATUSES, callStatus } from "@/lib/calls/schedule";
import { nextRefillAt, type CreditInterval } from "@/lib/keys/limits";
import type { KeyRecord } from "@/lib/keys/verify";
import { decodeCursor } from "@/lib/pagination";
import { createCall } from "@/lib/services/calls";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";
import { apiActor } from "./actor";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { assertAgentAllowed, assertTransientAllowed, requireScope } from "./guard";
import { idempotency } from "./idempotency";
import { e164, errorJson, errorResponses, IdParam, json, Metadata, notFoundResponse, PageQuery, strictBody } from "./schemas";

const TransientAgent = z
  .strictObject(
    {
      name: text(expects("agent.name", "the inline agent's name, such as Pop-up survey"))
        .trim()
        .min(1, "agent.name must not be empty: a name such as Pop-up survey.")
        .max(100, "agent.name can be 100 characters at most."),
      voice: text(expects("agent.voice", "a voice name such as aria"))
        .trim()
        .min(1, "agent.voice must not be empty: a voice name such as aria.")
        .max(64, "agent.voice can be 64 characters at most."),
      first_message: text({ multiline: true, ...expects("agent.first_message", "what the agent says when the call is answered, such as \"Hi, this is Acme.\"") })
        .trim()
        .min(1, "agent.first_message must not be empty: what the agent says first, such as \"Hi, this is Acme.\"")
        .max(1000, "agent.first_message can be 1000 characters at most."),
    },
    expects("agent", 'an inline agent such as {"name": "Pop-up survey", "voice": "aria", "first_message": "Hi, this is Acme."}'),
  )
  .openapi("TransientAgent");

const CallSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(CALL_STATUSES),
    agent_id: z.uuid().nullable(),
    agent: TransientAgent.nullable().openapi({ description: "The inline agent of a transient call; null for a saved agent" }),
    to_number: z.string(),
    from_number: z.string().nullable(),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    created_at: z.iso.datetime(),
    started_by: z.object({ type: z.literal("api_key"), id: z.uuid().nullable(), name: z.string().nullable() }),
  })
  .openapi("Call");

const AGENT_ID = "a saved agent's id (a UUID) from GET /api/v1/agents";

const CreateCall = strictBody(
  {
    agent_id: z.uuid(expects("agent_id", AGENT_ID)).optional(),
    agent: TransientAgent.optional(),
    to_number: e164("to_number"),
    from_number: e164("from_number").optional(),
    metadata: Metadata.optional(),
  },
  '{"agent_id": "3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b", "to_number": "+14155552671"}',
)
  .refine((body) => (body.agent_id === undefined) !== (body.agent === undefined), {
    message: "Send either agent_id (a saved agent) or agent (a transient one), not both.",
    path: ["agent_id"],
  })
  // Written out: one made from the schema would carry both agent_id and agent, which is refused.
  .openapi("CreateCall", {
    example: { agent_id: "3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b", to_number: "+14155552671", metadata: { crm_id: "lead_4411" } },
  });

const ListCallsQuery = PageQuery.extend({
  agent_id: z.uuid(expects("agent_id", AGENT_ID)).optional(),
  status: z.enum(CALL_STATUSES, expects("status", `one of ${CALL_STATUSES.join(", ")}`)).optional(),
});

export function callJson(call: CallRow, now = new Date()) {
  return {
    id: call.id,
    status: callStatus(call, now),
    agent_id: call.agentId,
    agent: call.transientAgent,
    to_number: call.toNumber,
    from_number: call.fromNumber,
    metadata: call.metadata,
    created_at: call.createdAt.toISOString(),
    started_by: { type: "api_key" as const, id: call.apiKeyId, name: call.apiKeyName },
  };
}

/** 429 usage_exceeded: the key's credits are spent; when they refill, Retry-After says so too. */
function usageExceeded(c: Context<ApiEnv>, refill: CreditInterval | null) {
  if (!refill) {
    return new ApiError(429, "usage_exceeded", "This key has no call credits left.", {
      hint: "Its credits do not refill. An admin can add credits in Settings → API Keys → Edit, or through PATCH /api/v1/api-keys/{id}.",
    });
  }
  const now = new Date();
  const at = nextRefillAt(refill, now);
  c.header("Retry-After", String(Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000))));
  return new ApiError(429, "usage_exceeded", "This key has no call credits left.", {
    hint: `Its credits refill at ${at.toISOString()} (00:00 UTC ${refill === "day" ? "each day" : "on the first of each month"}); Retry-After gives the seconds until then. An admin can add credits in Settings → API Keys → Edit.`,
  });
}

/** A key limited to some agents sees and starts only their calls (and transient ones if allowed). */
function assertCallAllowed(key: KeyRecord, call: CallRow) {
  if (call.agentId) assertAgentAllowed(key, call.agentId);
  else if (key.allowedAgents.length > 0) assertTransientAllowed(key);
}

export const callRoutes = new OpenAPIHono<ApiEnv>()
  // POST /api/v1/calls: start an outbound call
  .openapi(
    createRoute({
      method: "post",
      path: "/calls",
      tags: ["Calls"],
      summary: "Start a call",
      middleware: [requireScope("calls:write", { publicKeys: true }), idempotency()],
      request: { body: { ...json(CreateCall, "Who calls whom"), required: true } },
      description: "A key with call credits spends one per call started; with none left the answer is 429 `usage_exceeded`, whose hint and Retry-After say when they refill.",
      responses: {
        201: json(CallSchema, "The call, queued"),
        404: notFoundResponse("No such agent"),
        ...errorResponses,
        429: errorJson("Too many requests for this key (`rate_limited`, see the other routes), or no call credits left (`usage_exceeded`): Retry-After says when to retry.", {
          code: "usage_exceeded",
          message: "This key has no call credits left.",
          hint: "Its credits refill at 2027-01-01T00:00:00.000Z (00:00 UTC on the first of each month); Retry-After gives the seconds until then. An admin can add credits in Settings → API Keys → Edit.",
        }),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const key = c.get("apiKey");
      if (body.agent_id) assertAgentAllowed(key, body.agent_id);
      else assertTransientAllowed(key);
      const result = await createCall(apiActor(c), {
        workspaceId: key.workspaceId,
        agentId: body.agent_id ?? null,
        transientAgent: body.agent ?? null,
        toNumber: body.to_number,
        fromNumber: body.from_number ?? null,
        metadata: body.metadata ?? {},
      });
      if (!result.ok && result.reason === "usage_exceeded") throw usageExceeded(c, result.refill);
      if (!result.ok) throw new ApiError(404, "not_found", "No such agent in this workspace.", { hint: "List your agents with GET /api/v1/agents." });
      return c.json(callJson(result.call), 201);
    },
  )
  // GET /api/v1/calls/{id}: one call, with its status now
  .openapi(
    createRoute({
      method: "get",
      path: "/calls/{id}",
      tags: ["Calls"],
      summary: "Get a call",
      middleware: [requireScope("calls:read")],
      request: { params: IdParam },
      responses: { 200: json(CallSchema, "The call"), 404: notFoundResponse("No such call"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const key = c.get("apiKey");
      const call = await findCall(getDb(), key.workspaceId, id);
      if (!call) throw new ApiError(404, "not_found", "No such call in this workspace.");
      assertCallAllowed(key, call);
      return c.json(callJson(call), 200);
    },
  )
  // GET /api/v1/calls: the workspace's calls, newest first, by agent and status
  .openapi(
    createRoute({
      method: "get",
      path: "/calls",
      tags: ["Calls"],
      summary: "List calls",
      middleware: [requireScope("calls:read")],
      request: { query: ListCallsQuery },
      responses: { 200: json(z.object({ data: z.array(CallSchema), next_cursor: z.string().nullable() }), "One page of calls"), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const key = c.get("apiKey");
      const decoded = query.cursor ? decodeCursor(query.cursor) : null;
      if (query.cursor && !decoded) throw new ApiError(400, "invalid_request", "Check the query.", { details: { cursor: ["Not a cursor from this API: send next_cursor as it came."] } });
      if (query.agent_id) assertAgentAllowed(key, query.agent_id);
      const restricted = key.allowedAgents.length > 0;
      const result = await listCalls(getDb(), key.workspaceId, {
        cursor: decoded,
        limit: query.limit,
        agentId: query.agent_id,
        status: query.status,
        agentIds: restricted ? key.allowedAgents : undefined,
        includeTransient: key.allowTransientAgents,
      });
      const now = new Date();
      return c.json({ data: result.data.map((call) => callJson(call, now)), next_cursor: result.nextCursor }, 200);
    },
  );
