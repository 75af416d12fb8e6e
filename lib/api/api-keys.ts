// /api/v1/api-keys: what Settings → API Keys does, for programs (CI pipelines rotating keys,
// provisioning scripts). Private keys with api_keys:read list and read keys; with api_keys:write
// they create, edit, roll and revoke them, never into more power than they hold themselves
// (lib/keys/power.ts). Every change goes through lib/services/api-keys.ts, as the dashboard's do.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getDb } from "@/db/client";
import { findApiKey, findSpendingCredits, listApiKeysPage, type ApiKeyListItem } from "@/db/queries/api-keys";
import { EXAMPLE_PRIVATE_KEY } from "@/lib/keys/format";
import {
  CREDIT_INTERVALS,
  creditsOf,
  DEFAULT_RATE_LIMIT,
  MAX_BURST,
  MAX_CREDITS,
  MAX_REQUESTS_PER_SECOND,
  rateLimitOf,
  type KeyCredits,
  type RateLimit,
} from "@/lib/keys/limits";
import { maskKey } from "@/lib/keys/mask";
import {
  agentIdsSchema,
  checkPolicyForType,
  futureMomentSchema,
  ipsSchema,
  keyDescriptionSchema,
  keyNameSchema,
  originsSchema,
  scopesSchema,
  type KeyPolicy,
} from "@/lib/keys/policy";
import { excessPowers, loosenedFields, powersOf, type HolderPowers, type KeyPowerState } from "@/lib/keys/power";
import { awaitPropagation, PROPAGATION_HEADER, propagationHeader } from "@/lib/keys/propagation";
import { decodeCursor } from "@/lib/pagination";
import { createApiKey, revokeApiKey, rollApiKey, updateApiKey, type UpdateApiKeyResult } from "@/lib/services/api-keys";
import type { KeyRecord } from "@/lib/keys/verify";
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";
import { apiActor } from "./actor";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { requireScope } from "./guard";
import { idempotency } from "./idempotency";
import { conflictResponse, CreatedBy, createdByJson, errorResponses, IdParam, json, notFoundResponse, PageQuery, strictBody } from "./schemas";

const KEY_TYPES = ["private", "public"] as const;
const MAX_GRACE_SECONDS = 7 * 86_400;

const Permissions = scopesSchema.openapi("Permissions", { description: "Per resource: none, read or write (write includes read).", example: { agents: "read", calls: "write", api_keys: "none" } });

const wholeNumber = (field: string, min: number, max: number, example: number) =>
  z
    .number(expects(field, `a whole number from ${min} to ${max.toLocaleString("en")}, such as ${example}`))
    .int(`${field} is a whole number, such as ${example}.`)
    .min(min, `${field} is at least ${min}.`)
    .max(max, `${field} is at most ${max.toLocaleString("en")}.`);

const RateLimitSchema = z
  .strictObject({
    requests_per_second: wholeNumber("rate_limit.requests_per_second", 1, MAX_REQUESTS_PER_SECOND, DEFAULT_RATE_LIMIT.perSecond),
    burst: wholeNumber("rate_limit.burst", 0, MAX_BURST, DEFAULT_RATE_LIMIT.burst).openapi({ description: "Requests allowed beyond the rate now and then: N + burst in the first second, N a second after it" }),
  }, expects("rate_limit", '{"requests_per_second": 50, "burst": 100}, or null for no limit'))
  .openapi("RateLimit", {
    description: "At most requests_per_second requests a second, plus a burst. Over it: 429 rate_limited with Retry-After. null: no limit.",
    example: { requests_per_second: DEFAULT_RATE_LIMIT.perSecond, burst: DEFAULT_RATE_LIMIT.burst },
  });

const RefillSchema = z
  .strictObject({
    amount: wholeNumber("credits.refill.amount", 1, MAX_CREDITS, 1000),
    interval: z.enum(CREDIT_INTERVALS, expects("credits.refill.interval", "day or month")),
  }, expects("credits.refill", '{"amount": 1000, "interval": "month"}, or null for none'))
  .openapi("CreditRefill", { description: "At 00:00 UTC each day, or on the first of each month, remaining is reset to amount." });

const CreditsSchema = z
  .strictObject({
    remaining: wholeNumber("credits.remaining", 0, MAX_CREDITS, 1000),
    refill: RefillSchema.nullable(),
  }, expects("credits", '{"remaining": 1000, "refill": {"amount": 1000, "interval": "month"}}, or null for unlimited'))
  .openapi("Credits", {
    description:
      "Call credits: each POST /api/v1/calls takes one; with none left it answers 429 usage_exceeded. null: unlimited. A rolled key in its grace period spends its successor's credits (its own are null).",
    example: { remaining: 1000, refill: { amount: 1000, interval: "month" } },
  });

/** Credits as sent: `refill` may be left out (no refill). */
const CreditsInput = CreditsSchema.extend({ refill: RefillSchema.nullable().optional() });

const ApiKeySchema = z
  .object({
    id: z.uuid(),
    type: z.enum(KEY_TYPES),
    name: z.string(),
    description: z.string().nullable(),
    masked: z.string().openapi({ example: "swb_sk_AbCd••••••••wXyZ" }),
    status: z.enum(["active", "disabled"]),
    allowed_origins: z.array(z.string()).openapi({ description: "Public keys: the browser origins that may use the key" }),
    allowed_agents: z.array(z.uuid()).openapi({ description: "Agent ids the key may use; empty: every agent" }),
    allow_transient_agents: z.boolean(),
    permissions: Permissions,
    allowed_ips: z.array(z.string()).openapi({ description: "Private keys: addresses and CIDR ranges that may use the key; empty: any" }),
    expires_at: z.iso.datetime().nullable().openapi({ description: "When the key stops working (for a rolled key, the end of its grace period); null: never" }),
    rolled_to_id: z.uuid().nullable().openapi({ description: "Once rolled: the key that replaced this one" }),
    rate_limit: RateLimitSchema.nullable(),
    credits: CreditsSchema.nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().nullable(),
    last_used_at: z.iso.datetime().nullable(),
    created_by: CreatedBy,
  })
  .openapi("ApiKey");

const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({
    description: "The key itself. Shown in this response only: Switchboard keeps only its SHA-256 and cannot show it again.",
    example: EXAMPLE_PRIVATE_KEY,
  }),
}).openapi("CreatedApiKey");

// The revocation receipt of a change (lib/keys/propagation.ts).
const PropagationSchema = z
  .object({
    servers: z.number().int().openapi({ description: "API servers alive when the change was made (heartbeat under 15 s old)" }),
    confirmed: z.number().int().openapi({ description: "Servers that confirmed, within one second, that they evicted the key from their cache" }),
    ms: z.number().int().openapi({ description: "Milliseconds until the last confirmation (about 1000 when a server did not confirm)" }),
  })
  .openapi("Propagation", {
    description:
      "How far the change has reached. A server that did not confirm has lost its notification connection, and checks every key against the database until it is back, so it applies the change anyway.",
    example: { servers: 3, confirmed: 3, ms: 12 },
  });

const propagationHeaders = {
  [PROPAGATION_HEADER]: {
    description: "The propagation figures of the change as a structured-field dictionary: `servers=3, confirmed=3, ms=12`",
    schema: { type: "string" as const, example: "servers=3, confirmed=3, ms=12" },
  },
};

const UpdatedApiKeySchema = ApiKeySchema.extend({ propagation: PropagationSchema }).openapi("UpdatedApiKey");

const RolledApiKeySchema = CreatedApiKeySchema.extend({
  previous_key: z.object({ id: z.uuid(), name: z.string(), stops_at: z.iso.datetime() }).openapi({ description: "The rolled key, renamed, and when it stops working" }),
  propagation: PropagationSchema,
}).openapi("RolledApiKey");

/** An ISO 8601 date-time in the future (within ten years), or null for never. */
const ExpiresAt = z
  .iso.datetime({ offset: true, ...expects("expires_at", "an ISO 8601 date-time such as 2027-01-31T00:00:00Z, or null for never") })
  .transform((value) => new Date(value))
  .pipe(futureMomentSchema)
  .nullable()
  .openapi({ example: "2027-01-31T00:00:00Z" });

const policyFields = {
  allowed_origins: originsSchema.optional().openapi({ example: ["https://app.example.com", "https://*.example.com"] }),
  allowed_agents: agentIdsSchema.optional(),
  allow_transient_agents: z.boolean(expects("allow_transient_agents", "true or false")).optional(),
  permissions: Permissions.optional(),
  allowed_ips: ipsSchema.optional().openapi({ example: ["203.0.113.7", "198.51.100.0/24"] }),
  expires_at: ExpiresAt.optional(),
  rate_limit: RateLimitSchema.nullable().optional(),
  credits: CreditsInput.nullable().optional(),
};

const CreateApiKey = strictBody(
  {
    type: z.enum(KEY_TYPES, expects("type", "private or public")).default("private"),
    name: keyNameSchema.openapi({ example: "ci-deploy" }),
    description: keyDescriptionSchema.nullable().optional(),
    ...policyFields,
  },
  '{"name": "ci-deploy", "permissions": {"agents": "read", "calls": "write", "api_keys": "none"}}',
)
  .superRefine((body, context) => {
    checkPolicyForType(body.type, { allowedOrigins: body.allowed_origins ?? [], allowedIps: body.allowed_ips }, context, { origins: "allowed_origins", ips: "allowed_ips" });
  })
  .openapi("CreateApiKey", {
    description:
      "Fields left out are inherited from the key making the request, so a new key never holds more than it: its permissions, allowed agents, allowed IPs (private keys), expiry, rate limit and credits. A calling key with no rate limit gives the default of 50 requests a second with bursts of 100; send rate_limit: null for none. allow_transient_agents defaults to false.",
  });

const UpdateApiKey = strictBody(
  {
    name: keyNameSchema.optional(),
    description: keyDescriptionSchema.nullable().optional(),
    status: z.enum(["active", "disabled"], expects("status", "active or disabled")).optional(),
    ...policyFields,
  },
  '{"status": "disabled"}',
)
  .refine((body) => Object.values(body).some((value) => value !== undefined), "Send at least one field to change, such as name, status or permissions.")
  .openapi("UpdateApiKey", { description: "Only the fields sent change. A key's type cannot change: generate a new key instead." });

const GRACE = `a whole number of seconds from 0 to ${MAX_GRACE_SECONDS} (7 days), such as 3600`;

const RollApiKey = strictBody(
  {
    grace_period_seconds: z
      .number(expects("grace_period_seconds", GRACE))
      .int(`grace_period_seconds must be ${GRACE}.`)
      .min(0, "grace_period_seconds is at least 0 (the old key stops at once).")
      .max(MAX_GRACE_SECONDS, `grace_period_seconds is at most ${MAX_GRACE_SECONDS} (7 days).`)
      .openapi({ description: "How long the old key keeps working beside the new one; 0 revokes it at once", example: 3600 }),
  },
  '{"grace_period_seconds": 3600}',
).openapi("RollApiKey");

const ListApiKeysQuery = PageQuery.extend({
  status: z.enum(["active", "disabled"], expects("status", "active or disabled")).optional(),
  type: z.enum(KEY_TYPES, expects("type", "private or public")).optional(),
  search: text(expects("search", "part of a key's name, such as deploy"))
    .trim()
    .min(1, "search must not be empty: part of a key's name, such as deploy.")
    .max(64, "search can be 64 characters at most.")
    .optional()
    .openapi({ description: "Part of the key's name, any case" }),
});

export function apiKeyJson(key: ApiKeyListItem) {
  return {
    id: key.id,
    type: key.type,
    name: key.name,
    description: key.description,
    masked: maskKey(key),
    status: key.status,
    allowed_origins: key.allowedOrigins,
    allowed_agents: key.allowedAgents,
    allow_transient_agents: key.allowTransientAgents,
    permissions: key.permissions,
    allowed_ips: key.allowedIps,
    expires_at: key.expiresAt?.toISOString() ?? null,
    rolled_to_id: key.rolledToId,
    rate_limit: rateLimitJson(rateLimitOf(key)),
    credits: creditsOf(key),
    created_at: key.createdAt.toISOString(),
    updated_at: key.updatedAt?.toISOString() ?? null,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    created_by: createdByJson(key.createdByType, key.createdByType === "api_key" ? key.createdByKeyId : key.createdByUserId, key.createdByLabel),
  };
}

const rateLimitJson = (limit: RateLimit | null) => (limit ? { requests_per_second: limit.perSecond, burst: limit.burst } : null);
const rateLimitFrom = (body: z.infer<typeof RateLimitSchema> | null) => (body ? { perSecond: body.requests_per_second, burst: body.burst } : null);
const creditsFrom = (body: z.infer<typeof CreditsInput> | null): KeyCredits | null => (body ? { remaining: body.remaining, refill: body.refill ?? null } : null);

/** The calling key's powers: the ceiling of every key it touches. Its credits are read now, as they change with every call. */
async function holderPowers(key: KeyRecord): Promise<KeyRecord & HolderPowers> {
  return { ...key, credits: await findSpendingCredits(getDb(), key.workspaceId, key.id) };
}

const notFound = () => new ApiError(404, "not_found", "No such API key in this workspace.", { hint: "Revoked keys are gone from the API; list keys with GET /api/v1/api-keys." });

function beyondPower(excess: Record<string, string[]>) {
  return new ApiError(403, "forbidden", `A key cannot grant more than it holds: ${Object.keys(excess).join(", ")} refused.`, {
    hint: "Keys created, rolled or edited through the API stay within the calling key's own permissions, agents, IP addresses, expiry, rate limit and credits. Use a key with more access, or the dashboard.",
    details: excess,
  });
}

/**
 * An edit that only takes power away passes; one that gives any back (loosenedFields) must come
 * from a key that holds everything the edited key will hold, so the whole key after the edit is
 * compared, not just the fields sent: otherwise a weak key could strip a strong key's IP lock.
 */
function powerToLoosen(holder: HolderPowers, before: KeyPowerState, after: KeyPowerState): Record<string, string[]> | null {
  const loosened = loosenedFields(before, after);
  if (loosened.length === 0) return null;
  const excess = excessPowers(holder, powersOf(after));
  if (Object.keys(excess).length === 0) return null;
  for (const field of loosened) {
    (excess[field] ??= []).push("Gives this key power back, so the calling key must hold everything this key will hold after the change.");
  }
  return excess;
}

/** The policy fields of a request body, as the services take them (undefined: not sent). */
function policyOf(body: z.infer<typeof UpdateApiKey>): Partial<KeyPolicy> {
  return {
    allowedOrigins: body.allowed_origins,
    allowedAgents: body.allowed_agents,
    allowTransientAgents: body.allow_transient_agents,
    permissions: body.permissions,
    allowedIps: body.allowed_ips,
    expiresAt: body.expires_at,
    rateLimit: body.rate_limit === undefined ? undefined : rateLimitFrom(body.rate_limit),
    credits: body.credits === undefined ? undefined : creditsFrom(body.credits),
  };
}

type FieldRefusal = Exclude<Extract<UpdateApiKeyResult, { ok: false }>["reason"], "refused" | "not_found">;

const UPDATE_REFUSALS: Record<FieldRefusal, [number, string, string]> = {
  name_taken: [409, "name", "A live key of this workspace already has this name."],
  unknown_agents: [400, "allowed_agents", "Names an agent that is not in this workspace."],
  origins_required: [400, "allowed_origins", "A public key needs at least one allowed origin."],
  origins_on_private: [400, "allowed_origins", "Allowed origins are for public keys; a private key must not be used from a browser."],
  ips_on_public: [400, "allowed_ips", "IP restrictions are for private keys: a public key runs in visitors' browsers."],
};

const NAME_TAKEN_HINT = "Choose another name, or revoke the key that has it.";

function refusal(reason: keyof typeof UPDATE_REFUSALS) {
  const [status, field, message] = UPDATE_REFUSALS[reason];
  return status === 409
    ? new ApiError(409, "conflict", message, { details: { [field]: [message] }, hint: NAME_TAKEN_HINT })
    : new ApiError(400, "invalid_request", "Check the body: 1 field(s) are invalid.", { details: { [field]: [message] } });
}

function limitReached(limit: number) {
  return new ApiError(409, "conflict", `This workspace holds ${limit.toLocaleString("en")} live keys, the most it can.`, {
    hint: "Revoke keys that are no longer used (DELETE /api/v1/api-keys/{id}), then try again.",
  });
}

export const apiKeyRoutes = new OpenAPIHono<ApiEnv>()
  // GET /api/v1/api-keys: the workspace's live keys, newest first, a page at a time
  .openapi(
    createRoute({
      method: "get",
      path: "/api-keys",
      tags: ["API keys"],
      summary: "List API keys",
      description: "Live keys (revoked keys are gone), newest first. Never the keys themselves: only their masked form.",
      middleware: [requireScope("api_keys:read")],
      request: { query: ListApiKeysQuery },
      responses: { 200: json(z.object({ data: z.array(ApiKeySchema), next_cursor: z.string().nullable() }), "One page of keys"), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, status, type, search } = c.req.valid("query");
      const decoded = cursor ? decodeCursor(cursor) : null;
      if (cursor && !decoded) throw new ApiError(400, "invalid_request", "Check the query.", { details: { cursor: ["Not a cursor from this API: send next_cursor as it came."] } });
      const result = await listApiKeysPage(getDb(), c.get("apiKey").workspaceId, { cursor: decoded, limit, status, type, search });
      return c.json({ data: result.data.map(apiKeyJson), next_cursor: result.nextCursor }, 200);
    },
  )
  // POST /api/v1/api-keys: create a key; its plaintext is in this response only
  .openapi(
    createRoute({
      method: "post",
      path: "/api-keys",
      tags: ["API keys"],
      summary: "Create an API key",
      description: "Returns the key object and `key`, the key itself, once. Retrying with the same Idempotency-Key does not show it again: it answers 409.",
      middleware: [requireScope("api_keys:write"), idempotency()],
      request: { body: { ...json(CreateApiKey, "The new key"), required: true } },
      responses: {
        201: json(CreatedApiKeySchema, "The key, with its plaintext: store it now"),
        409: conflictResponse("The name is taken, the workspace holds the most keys it can, or the Idempotency-Key was used"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const holder = await holderPowers(c.get("apiKey"));
      const { workspaceId } = c.get("apiKey");
      // Left out: the caller's own restrictions, so that a new key never exceeds it by default.
      const policy: KeyPolicy = {
        allowedOrigins: body.allowed_origins ?? [],
        allowedAgents: body.allowed_agents ?? holder.allowedAgents,
        allowTransientAgents: body.allow_transient_agents ?? false,
        permissions: body.permissions ?? holder.permissions,
        allowedIps: body.type === "public" ? [] : (body.allowed_ips ?? holder.allowedIps),
        expiresAt: body.expires_at === undefined ? holder.expiresAt : body.expires_at,
        // Every new key has a rate limit unless it asks for none: the caller's, else the default.
        rateLimit: body.rate_limit === undefined ? (holder.rateLimit ?? DEFAULT_RATE_LIMIT) : rateLimitFrom(body.rate_limit),
        credits: body.credits === undefined ? holder.credits : creditsFrom(body.credits),
      };
      const excess = excessPowers(holder, { type: body.type, ...policy, allowedIps: body.type === "private" ? policy.allowedIps : undefined });
      if (Object.keys(excess).length > 0) throw beyondPower(excess);
      const result = await createApiKey(apiActor(c), { workspaceId, type: body.type, name: body.name, description: body.description ?? null, policy });
      if (!result.ok) {
        if (result.reason === "limit_reached") throw limitReached(result.limit);
        throw refusal(result.reason);
      }
      c.set("issuedKeyId", result.created.apiKey.id);
      return c.json({ ...apiKeyJson(result.created.apiKey), key: result.created.secret }, 201);
    },
  )
  // GET /api/v1/api-keys/{id}: one live key
  .openapi(
    createRoute({
      method: "get",
      path: "/api-keys/{id}",
      tags: ["API keys"],
      summary: "Get an API key",
      middleware: [requireScope("api_keys:read")],
      request: { params: IdParam },
      responses: { 200: json(ApiKeySchema, "The key"), 404: notFoundResponse("No such live key"), ...errorResponses },
    }),
    async (c) => {
      const key = await findApiKey(getDb(), c.get("apiKey").workspaceId, c.req.valid("param").id);
      if (!key) throw notFound();
      return c.json(apiKeyJson(key), 200);
    },
  )
  // PATCH /api/v1/api-keys/{id}: change a key's name, description, status or policy
  .openapi(
    createRoute({
      method: "patch",
      path: "/api-keys/{id}",
      tags: ["API keys"],
      summary: "Update an API key",
      description:
        "Takes effect on the next request on every server. A change that only takes power away (disabling, narrower permissions, agents or IP ranges, an earlier expiry, a lower rate limit, fewer credits or a smaller refill, a new name or description) needs only api_keys:write. A change that gives any power back (enabling, wider permissions, agents, origins or IP ranges, transient agents, a later or no expiry, a higher rate or burst or no rate limit, more credits, a larger or more frequent refill or unlimited credits) needs a calling key that holds everything the key will hold after the change.",
      middleware: [requireScope("api_keys:write")],
      request: { params: IdParam, body: { ...json(UpdateApiKey, "The fields to change"), required: true } },
      responses: {
        200: { ...json(UpdatedApiKeySchema, "The key as changed, and how far the change has reached"), headers: propagationHeaders },
        404: notFoundResponse("No such live key"),
        409: conflictResponse("The name is taken", {
          code: "conflict",
          message: UPDATE_REFUSALS.name_taken[2],
          details: { name: [UPDATE_REFUSALS.name_taken[2]] },
          hint: NAME_TAKEN_HINT,
        }),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const holder = await holderPowers(c.get("apiKey"));
      const result = await updateApiKey(apiActor(c), {
        workspaceId: c.get("apiKey").workspaceId,
        keyId: id,
        changes: { name: body.name, description: body.description, status: body.status, ...policyOf(body) },
        check: (before, after) => powerToLoosen(holder, before, after),
      });
      if (!result.ok) {
        if (result.reason === "not_found") throw notFound();
        if (result.reason === "refused") throw beyondPower(result.refused);
        throw refusal(result.reason);
      }
      const propagation = await awaitPropagation(result.changeId);
      c.header(PROPAGATION_HEADER, propagationHeader(propagation));
      return c.json({ ...apiKeyJson(result.apiKey), propagation }, 200);
    },
  )
  // POST /api/v1/api-keys/{id}/roll: replace a key; the old one works for the grace period
  .openapi(
    createRoute({
      method: "post",
      path: "/api-keys/{id}/roll",
      tags: ["API keys"],
      summary: "Roll an API key",
      description:
        "Creates a new key with the same name, type and policy and returns it once; the old key is renamed \"… (rolled)\" and keeps working for grace_period_seconds. The calling key must hold every power of the key it rolls.",
      middleware: [requireScope("api_keys:write"), idempotency()],
      request: { params: IdParam, body: { ...json(RollApiKey, "How long the old key keeps working"), required: true } },
      responses: {
        201: { ...json(RolledApiKeySchema, "The new key, with its plaintext: store it now"), headers: propagationHeaders },
        404: notFoundResponse("No such live key"),
        409: conflictResponse("The key was already rolled, the workspace holds the most keys it can, or the Idempotency-Key was used"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { grace_period_seconds } = c.req.valid("json");
      const holder = await holderPowers(c.get("apiKey"));
      const result = await rollApiKey(apiActor(c), {
        workspaceId: c.get("apiKey").workspaceId,
        keyId: id,
        graceSeconds: grace_period_seconds,
        check: (key) => excessPowers(holder, powersOf(key)),
      });
      if (!result.ok) {
        if (result.reason === "not_found") throw notFound();
        if (result.reason === "refused") throw beyondPower(result.refused);
        if (result.reason === "limit_reached") throw limitReached(result.limit);
        throw new ApiError(409, "conflict", "This key was already rolled.", { hint: "Roll its successor (rolled_to_id) instead." });
      }
      c.set("issuedKeyId", result.created.apiKey.id);
      const propagation = await awaitPropagation(result.changeId);
      c.header(PROPAGATION_HEADER, propagationHeader(propagation));
      return c.json(
        {
          ...apiKeyJson(result.created.apiKey),
          key: result.created.secret,
          previous_key: { id, name: result.oldKeyName, stops_at: result.oldKeyStopsAt.toISOString() },
          propagation,
        },
        201,
      );
    },
  )
  // DELETE /api/v1/api-keys/{id}: revoke a key, at once and for good
  .openapi(
    createRoute({
      method: "delete",
      path: "/api-keys/{id}",
      tags: ["API keys"],
      summary: "Revoke an API key",
      description:
        "The key stops working on every server at once. Permanent: a revoked key cannot be restored. The Switchboard-Propagation header says how many servers confirmed it.",
      middleware: [requireScope("api_keys:write")],
      request: { params: IdParam },
      responses: { 204: { description: "Revoked", headers: propagationHeaders }, 404: notFoundResponse("No such live key"), ...errorResponses },
    }),
    async (c) => {
      const revoked = await revokeApiKey(apiActor(c), { workspaceId: c.get("apiKey").workspaceId, keyId: c.req.valid("param").id });
      if (!revoked) throw notFound();
      c.header(PROPAGATION_HEADER, propagationHeader(await awaitPropagation(revoked.changeId)));
      return c.body(null, 204);
    },
  );
