// The one wrapper every /api/v1 route sits behind: authenticates the key (with the request's
// Origin and client address, for the key's policy) and puts it on the context, or answers
// with the error envelope: 401 for a key that is no key, 403 for one used where it may not be.
// It also counts each request of a known key under its outcome, for the workspace's usage
// (lib/usage/outcomes.ts), once the route has answered, and the workspace's first successful
// request (lib/onboarding/first-request.ts).
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import type { KeyRateLimiter } from "@/lib/keys/rate-limit";
import { FAILURE_STATUS, failureHint, type KeyRecord, type KeyVerifier, type VerifyFailure } from "@/lib/keys/verify";
import type { FirstRequestRecorder } from "@/lib/onboarding/first-request";
import { getMetrics, setResponseRoute } from "@/lib/server/metrics";
import { isKeyRefusal, type UsageOutcome } from "@/lib/usage/outcomes";
import type { UsageRecorder } from "@/lib/usage/recorder";
import { AgentRefusal, ApiError } from "./errors";
import { requestHeader, requestHeaders, type NodeBindings } from "./node-request";
import { enforceRateLimit } from "./rate-limit";

export type ApiEnv = {
  Bindings: NodeBindings;
  Variables: {
    apiKey: KeyRecord;
    /** Set by a route whose response carries a new key's plaintext: never kept for a replay. */
    issuedKeyId?: string;
  };
};

export const INVALID_KEY_MESSAGE = "Invalid or missing API key.";

const FORBIDDEN_MESSAGES: Partial<Record<VerifyFailure, string>> = {
  origin_required: "This public key needs a browser Origin.",
  origin_not_allowed: "This origin is not allowed for this key.",
  private_key_in_browser: "Private keys cannot be used from a browser.",
  ip_not_allowed: "This IP address is not allowed for this key.",
};

export function requireApiKey(
  verifyRequest: KeyVerifier,
  rateLimiter?: KeyRateLimiter,
  usage?: UsageRecorder,
  firstRequests?: FirstRequestRecorder,
) {
  const metrics = getMetrics();
  return createMiddleware<ApiEnv>(async (c, next) => {
    setResponseRoute(c.env?.outgoing, routePath(c, -1));
    const origin = requestHeader(c, "origin");
    const ip = requestHeader(c, CLIENT_IP_HEADER);
    const outcome = await verifyRequest(requestHeaders(c), { origin, ip });
    // Every outcome, keys of no workspace included (malformed, unknown), per server.
    metrics.recordVerification(outcome.ok ? "valid" : outcome.reason);
    if (!outcome.ok) {
      if (usage && outcome.key && isKeyRefusal(outcome.reason)) usage.reject(outcome.key, outcome.reason, rejectedRequest(c, origin, ip));
      const hint = failureHint(outcome.reason, outcome.key);
      const status = FAILURE_STATUS[outcome.reason];
      if (status === 400) {
        throw new ApiError(400, "invalid_request", "Send the API key in one header only.", {
          hint,
          details: { authorization: ["Carries a different key than X-API-Key."] },
        });
      }
      if (status === 403) throw new ApiError(403, "forbidden", FORBIDDEN_MESSAGES[outcome.reason]!, { hint });
      // The database is unreachable and the key is not cached: neither yes nor no, so retry.
      if (status === 503) throw new ApiError(503, "service_unavailable", "The API key could not be checked right now.", { hint }, { "Retry-After": "1" });
      throw new ApiError(401, "unauthorized", INVALID_KEY_MESSAGE, { hint });
    }
    const key = outcome.key;
    c.set("apiKey", key);
    // Keys without a limit make no limiter call at all.
    if (rateLimiter && key.rateLimit) {
      try {
        await enforceRateLimit(c, rateLimiter, key, key.rateLimit);
      } catch (error) {
        if (error instanceof ApiError && error.code === "rate_limited") usage?.reject(key, "rate_limited", rejectedRequest(c, origin, ip));
        throw error;
      }
    }
    await next();
    // The route's refusals reach this middleware as c.error (Hono answers them further in).
    const refused = routeRefusal(c.error);
    if (refused) usage?.reject(key, refused, rejectedRequest(c, origin, ip));
    else usage?.count(key, "valid");
    // The onboarding checklist's last step: the workspace's first successful request.
    if (!refused && c.res.status < 400) firstRequests?.answered(key.workspaceId);
  });
}

/** The usage outcome of a refusal by a route guard or by the route itself, if the error is one. */
function routeRefusal(error: unknown): Exclude<UsageOutcome, "valid"> | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === "usage_exceeded") return "usage_exceeded";
  if (error.code !== "forbidden") return undefined;
  return error instanceof AgentRefusal ? "agent_not_allowed" : "forbidden";
}

function rejectedRequest(c: Context<ApiEnv>, origin: string | undefined | null, ip: string | undefined | null) {
  return { ip, origin, path: c.req.path, userAgent: requestHeader(c, "user-agent") };
}
