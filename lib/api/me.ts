// GET /api/v1/me: the workspace and key a request authenticates as (a first call to try a key).
import { Hono } from "hono";
import type { ApiEnv } from "./authenticate";

export const meRoutes = new Hono<ApiEnv>().get("/me", (c) => {
  const key = c.get("apiKey");
  return c.json({
    workspace: { id: key.workspaceId, name: key.workspaceName },
    key: { id: key.id, name: key.name, type: key.type },
  });
});
