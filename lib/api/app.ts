// The Hono app behind /api/v1. Every response is JSON, errors included: never a framework page.
import { Hono } from "hono";
import type { KeyVerifier } from "@/lib/keys/verify";
import { logUnexpectedError, newRequestId } from "@/lib/server/error-log";
import { requireApiKey, type ApiEnv } from "./authenticate";
import { ApiError, errorResponse } from "./errors";
import { meRoutes } from "./me";

export function createApiApp(deps: { verifyRequest: KeyVerifier }) {
  const app = new Hono<ApiEnv>().basePath("/api/v1");

  app.use(async (c, next) => {
    const requestId = newRequestId();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    // Responses carry workspace data; no shared cache may keep them.
    c.header("Cache-Control", "no-store");
    await next();
  });
  app.use(requireApiKey(deps.verifyRequest));

  app.route("/", meRoutes);

  app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", "No such endpoint.")));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    const requestId = c.get("requestId");
    logUnexpectedError(`api ${c.req.method} ${c.req.path}`, requestId, error);
    return c.json(
      { error: { code: "internal_error", message: "Something went wrong on our side.", requestId } },
      500,
    );
  });
  return app;
}
