// A request that fails its route's zod schemas: 400 invalid_request, one entry in `details` per
// field ("to_number", "metadata.crm_id", or "body" for the body as a whole).
import type { Hook } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { ApiEnv } from "./authenticate";
import { ApiError, errorResponse } from "./errors";

const SOURCE_WORDS: Record<string, string> = { json: "body", query: "query", param: "path" };

export const validationError: Hook<unknown, ApiEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const error = result.error as ZodError;
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : SOURCE_WORDS[result.target] ?? result.target;
    (details[field] ??= []).push(issue.message);
  }
  return errorResponse(c, new ApiError(400, "invalid_request", `Check the ${SOURCE_WORDS[result.target] ?? "request"}: ${Object.keys(details).length} field(s) are invalid.`, { details }));
};
