// The rate limit of the key a request carries (lib/keys/rate-limit.ts), applied right after the
// key check: the RateLimit-Policy and RateLimit header fields on every answer to a limited key,
// and over the limit 429 rate_limited with Retry-After. Keys without a limit skip all of it.
import type { Context } from "hono";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { PUBLIC_KEY_CLIENT_LIMIT, type RateLimit } from "@/lib/keys/limits";
import type { KeyRateLimiter } from "@/lib/keys/rate-limit";
import type { KeyRecord } from "@/lib/keys/verify";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { requestHeader, setResponseHeader } from "./node-request";

export async function enforceRateLimit(c: Context<ApiEnv>, limiter: KeyRateLimiter, key: KeyRecord, limit: RateLimit) {
  const outcome = await limiter.consume(key.id, key.type, limit, key.type === "public" ? requestHeader(c, CLIENT_IP_HEADER) : null);
  // Before the route runs, never after it (a header set after `await next()` makes Hono rebuild
  // the response), and on the Node response, so Hono's own headers stay a plain object.
  setResponseHeader(c, "RateLimit-Policy", outcome.policy);
  if (outcome.state) setResponseHeader(c, "RateLimit", outcome.state);
  if (outcome.allowed) return;
  setResponseHeader(c, "Retry-After", String(outcome.retryAfter));
  const wait = `Wait ${outcome.retryAfter} s (the Retry-After header), then retry`;
  throw new ApiError(429, "rate_limited", "Too many requests for this key.", {
    hint:
      outcome.refusedBy === "client"
        ? `Each visitor may make ${rate(PUBLIC_KEY_CLIENT_LIMIT)} with a public key, and this one made more. ${wait}.`
        : `This key may make ${rate(limit)}. ${wait}, and spread requests out; an admin can raise the limit in Settings → API Keys → Edit.`,
  });
}

const rate = (limit: RateLimit) => `${limit.perSecond} requests a second (with bursts of ${limit.burst} more)`;
