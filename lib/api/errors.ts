// The public API's error envelope: {"error": {"code", "message", "hint"?, "details"?, "requestId"?}}.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { setResponseHeader } from "./node-request";

export type ErrorCode =
  | "unauthorized"
  | "forbidden"
  | "invalid_request"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "usage_exceeded"
  | "internal_error"
  | "service_unavailable";

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    hint?: string;
    details?: Record<string, string[]>;
    requestId?: string;
  };
};

/** Thrown by route handlers and domain code; the app's onError turns it into the envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { hint?: string; details?: Record<string, string[]> } = {},
    /** Headers the answer carries besides the envelope (Retry-After, say). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A refusal by the calling key's policy inside a route (an agent it may not use): like the checks
 * in front of the route, it is never kept as the answer to an Idempotency-Key, since an admin
 * may widen the policy.
 */
export class PolicyRefusal extends ApiError {}

/** The policy refusal of an agent the key may not use (or of transient agents): counted as `agent_not_allowed` in usage. */
export class AgentRefusal extends PolicyRefusal {}

/** The database is unreachable: the request may be sent again after Retry-After. */
export function databaseUnavailable(message = "The service cannot reach its database right now.") {
  return new ApiError(503, "service_unavailable", message, { hint: DATABASE_UNAVAILABLE_HINT }, { "Retry-After": "1" });
}

export const DATABASE_UNAVAILABLE_HINT =
  "The database is unreachable for a moment. Retry after the time in Retry-After; keys in use recently keep working meanwhile.";

export function errorResponse(c: Context, error: ApiError) {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.extra } };
  if (error.status === 401) setResponseHeader(c, "WWW-Authenticate", "Bearer");
  for (const [name, value] of Object.entries(error.headers)) setResponseHeader(c, name, value);
  return c.json(body, error.status);
}
