// GET /api/v1/usage and GET /api/v1/api-keys/{id}/usage: requests per key, bucket and outcome
// (README "Usage"), for private keys with api_keys:read. Buckets with no request are absent.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getDb } from "@/db/client";
import { isWorkspaceKey } from "@/db/queries/usage";
import { USAGE_OUTCOMES } from "@/lib/usage/outcomes";
import { GRANULARITIES, MAX_RANGE_DAYS, resolveUsageRange } from "@/lib/usage/range";
import { getUsageStore, type UsageRow } from "@/lib/usage/store";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { requireScope } from "./guard";
import { errorResponses, IdParam, json, notFoundResponse } from "./schemas";

const isoDate = (name: string, description: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} is a date and time in ISO 8601, such as 2026-12-01T00:00:00Z.` })
    .transform((value) => new Date(value))
    .optional()
    .openapi({ description, example: name === "from" ? "2026-12-01T00:00:00Z" : "2026-12-02T00:00:00Z", type: "string", format: "date-time" });

const UsageQuery = z.object({
  from: isoDate("from", "Start of the range (UTC), rounded down to its bucket. Default: 24 hours before `to`."),
  to: isoDate("to", "End of the range, exclusive: buckets that start before it are counted whole. Default: now."),
  granularity: z
    .enum(GRANULARITIES, { error: "granularity is hour or day." })
    .default("hour")
    .openapi({ description: `Bucket size. The range may span at most ${MAX_RANGE_DAYS.hour} days by hour and ${MAX_RANGE_DAYS.day} days by day.` }),
});

const WorkspaceUsageQuery = UsageQuery.extend({
  key_id: z.uuid("key_id is a key's id (a UUID).").optional().openapi({ description: "Only this key" }),
});

const UsageSchema = z
  .object({
    data: z.array(
      z.object({
        key_id: z.uuid(),
        bucket_start: z.iso.datetime(),
        outcome: z.enum(USAGE_OUTCOMES).openapi({ description: "What happened to the requests: `valid`, or why they were refused (README \"Usage\")" }),
        count: z.number().int(),
      }),
    ),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    granularity: z.enum(GRANULARITIES),
  })
  .openapi("Usage");

const usageResponses = { 200: json(UsageSchema, "Request counts per key, bucket and outcome, oldest bucket first"), ...errorResponses };

async function usageAnswer(c: Context<ApiEnv>, query: z.infer<typeof UsageQuery>, keyId: string | undefined) {
  const resolved = resolveUsageRange(query);
  if (!resolved.ok) throw new ApiError(400, "invalid_request", "Check the query.", { details: resolved.details });
  const { range } = resolved;
  const rows = await getUsageStore().query({ workspaceId: c.get("apiKey").workspaceId, keyIds: keyId ? [keyId] : undefined, ...range });
  return c.json({ data: rows.map(usageJson), from: range.from.toISOString(), to: range.to.toISOString(), granularity: range.granularity }, 200);
}

const usageJson = (row: UsageRow) => ({ key_id: row.keyId, bucket_start: row.bucketStart.toISOString(), outcome: row.outcome, count: row.count });

export const usageRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(
    createRoute({
      method: "get",
      path: "/usage",
      tags: ["Usage"],
      summary: "Usage of the workspace's keys",
      description: "Requests per key, bucket and outcome; buckets without requests are left out. Counts reach this answer within about 5 seconds.",
      middleware: [requireScope("api_keys:read")],
      request: { query: WorkspaceUsageQuery },
      responses: usageResponses,
    }),
    async (c) => {
      const { key_id: keyId, ...query } = c.req.valid("query");
      return usageAnswer(c, query, keyId);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api-keys/{id}/usage",
      tags: ["Usage"],
      summary: "Usage of one API key",
      description: "Requests of one key (revoked keys too) per bucket and outcome; buckets without requests are left out.",
      middleware: [requireScope("api_keys:read")],
      request: { params: IdParam, query: UsageQuery },
      responses: { ...usageResponses, 404: notFoundResponse("No such key in this workspace") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      if (!(await isWorkspaceKey(getDb(), c.get("apiKey").workspaceId, id))) throw new ApiError(404, "not_found", "No such API key in this workspace.");
      return usageAnswer(c, c.req.valid("query"), id);
    },
  );
