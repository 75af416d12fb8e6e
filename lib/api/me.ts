// GET /api/v1/me: the workspace and key a request authenticates as (a first call to try a key).
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "./authenticate";
import { errorResponses, json } from "./schemas";

const MeSchema = z
  .object({
    workspace: z.object({ id: z.uuid(), name: z.string() }),
    key: z.object({ id: z.uuid(), name: z.string(), type: z.enum(["private", "public"]) }),
  })
  .openapi("Me");

export const meRoutes = new OpenAPIHono<ApiEnv>().openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Workspace"],
    summary: "Who am I",
    description: "The workspace and key this request authenticates as: the first call to try a key.",
    responses: { 200: json(MeSchema, "The workspace and the key"), ...errorResponses },
  }),
  (c) => {
    const key = c.get("apiKey");
    return c.json({ workspace: { id: key.workspaceId, name: key.workspaceName }, key: { id: key.id, name: key.name, type: key.type } }, 200);
  },
);
