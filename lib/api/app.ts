// The Hono app behind /api/v1. Every response is JSON, errors included: never a framework page.
// Routes are declared with @hono/zod-openapi, so the zod schemas that validate a request are the
// ones that describe it; a request that fails them gets the 400 envelope with a message per field.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { isDatabaseUnreachable } from "@/db/errors";
import type { OriginIndex } from "@/lib/keys/origin-index";
import type { KeyRateLimiter } from "@/lib/keys/rate-limit";
import type { KeyVerifier } from "@/lib/keys/verify";
import type { FirstRequestRecorder } from "@/lib/onboarding/first-request";
import type { UsageRecorder } from "@/lib/usage/recorder";
import { REQUEST_ID_HEADER } from "@/lib/security-headers";
import { logUnexpectedError } from "@/lib/server/error-log";
import { agentRoutes } from "./agents";
import { apiKeyRoutes } from "./api-keys";
import { requireApiKey, type ApiEnv } from "./authenticate";
import { callRoutes } from "./calls";
import { cors } from "./cors";
import { ApiError, databaseUnavailable, errorResponse } from "./errors";
import { meRoutes } from "./me";
import { requestIdOf } from "./node-request";
import { leakedKeyRoutes } from "./leaked-keys";
import { json } from "./schemas";
import { secretScanningRoutes } from "./secret-scanning";
import { usageRoutes } from "./usage";
import { buildOpenApiDocument, OPENAPI_PATH, registerSharedComponents } from "./openapi";
import { validationError } from "./validation";

export function createApiApp(deps: { verifyRequest: KeyVerifier; origins: OriginIndex; rateLimiter?: KeyRateLimiter; usage?: UsageRecorder; firstRequests?: FirstRequestRecorder }) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationError }).basePath("/api/v1");

  // X-Request-Id and Cache-Control: no-store come from the request listener, set on the Node
  // response before this app runs (lib/server/request-listener.ts), so no middleware adds them.
  app.use(cors(deps.origins));
  // The document is public (it holds no workspace data), so it is served before the key check;
  // built on first request, once every route below is registered.
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.openapi(
    createRoute({
      method: "get",
      path: OPENAPI_PATH,
      tags: ["Reference"],
      summary: "This OpenAPI 3.1 document",
      security: [],
      responses: { 200: json(z.record(z.string(), z.unknown()), "The OpenAPI 3.1 document of /api/v1") },
    }),
    (c) => {
      c.header("Cache-Control", "public, max-age=300");
      return c.json((document ??= buildOpenApiDocument(app)), 200);
    },
  );
  // Leaked keys are reported without a key (README "Leaked keys"): also before the key check.
  app.route("/", secretScanningRoutes);
  app.route("/", leakedKeyRoutes(deps.rateLimiter));
  app.use(requireApiKey(deps.verifyRequest, deps.rateLimiter, deps.usage, deps.firstRequests));

  app.route("/", meRoutes);
  app.route("/", agentRoutes);
  app.route("/", callRoutes);
  app.route("/", apiKeyRoutes);
  app.route("/", usageRoutes);

  registerSharedComponents(app);

  app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", "No such endpoint.")));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    // Hono's own refusals: a body that is not JSON, a Content-Type it cannot read.
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ApiError(error.status === 415 ? 400 : (error.status as 400), "invalid_request", error.message || "Malformed request.", {
        hint: "Send a JSON body with Content-Type: application/json.",
      }));
    }
    // A route that needed the database while it is unreachable: nothing is wrong with the
    // request, so a 503 the client may retry, like the key check's own (README "The database unreachable").
    if (isDatabaseUnreachable(error)) return errorResponse(c, databaseUnavailable());
    const requestId = requestIdOf(c);
    c.header(REQUEST_ID_HEADER, requestId);
    logUnexpectedError(`api ${c.req.method} ${c.req.path}`, requestId, error);
    return c.json({ error: { code: "internal_error", message: "Something went wrong on our side.", requestId } }, 500);
  });
  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;
