// CORS for public keys, which live in web pages. Browsers ask first (a preflight, with no key)
// for the two routes a public key may call; the answer allows the origin only if some live
// public key allows it. Every response to a request from such an origin carries
// Access-Control-Allow-Origin, so the page can read even an error; whether this key may be used
// from this origin is the verifier's question, on the real request (lib/keys/verify.ts).
import { createMiddleware } from "hono/factory";
import type { OriginIndex } from "@/lib/keys/origin-index";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { requestHeader, setResponseHeader } from "./node-request";

const PUBLIC_KEY_ROUTES: [method: string, path: RegExp][] = [
  ["POST", /^\/api\/v1\/calls$/],
  ["GET", /^\/api\/v1\/agents\/[^/]+$/],
];

const ALLOWED_HEADERS = "X-API-Key, Authorization, Content-Type, Idempotency-Key";
// Headers a page's script may read besides the basic ones: the id to quote when reporting a
// failure, whether an answer was a replay of an earlier Idempotency-Key request, and the key's
// rate limit and when to retry, so that a page can slow down by itself.
const EXPOSED_HEADERS = "X-Request-Id, Idempotent-Replayed, RateLimit, RateLimit-Policy, Retry-After";

export function cors(origins: OriginIndex) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const origin = requestHeader(c, "origin");
    if (!origin) return next();
    const known = await origins.allows(origin);
    if (c.req.method === "OPTIONS") {
      const method = c.req.header("access-control-request-method")?.toUpperCase() ?? "";
      const routeAllowed = PUBLIC_KEY_ROUTES.some(([m, path]) => m === method && path.test(c.req.path));
      if (!known || !routeAllowed) {
        throw new ApiError(403, "forbidden", "This origin may not call this endpoint from a browser.", {
          hint: "Add the origin to a public key's allowed origins. Public keys may only start calls and read an agent.",
        });
      }
      return c.body(null, 204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": method,
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
      });
    }
    if (known) {
      setResponseHeader(c, "Access-Control-Allow-Origin", origin);
      setResponseHeader(c, "Access-Control-Expose-Headers", EXPOSED_HEADERS);
      setResponseHeader(c, "Vary", "Origin");
    }
    await next();
  });
}
