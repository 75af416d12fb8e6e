// POST /api/v1/leaked-keys: anyone who finds a Switchboard key in public reports it here (README
// "Leaked keys"). No key, served before the key check. It answers 202 with the same body, in the
// same time, whether the key is live, unknown or no key at all: the work starts only after the
// answer, so the endpoint cannot be used to test keys. At most 10 reports an hour per address.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { isDatabaseUnreachable } from "@/db/errors";
import { throttleKey } from "@/lib/auth/address";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { expects } from "@/lib/field-messages";
import { EXAMPLE_PRIVATE_KEY, KEY_PREFIXES } from "@/lib/keys/format";
import type { KeyRateLimiter } from "@/lib/keys/rate-limit";
import { logError } from "@/lib/server/error-log";
import { reportLeakedKey } from "@/lib/services/leaked-keys";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { requestHeader } from "./node-request";
import { errorJson, json, strictBody } from "./schemas";

export const LEAK_REPORTS_PER_HOUR = 10;

const LeakReport = strictBody(
  {
    key: z.string(expects("key", `the key you found, such as ${KEY_PREFIXES.private}…`)).max(1024, "key is at most 1024 characters: send the key alone."),
    where: z
      .string(expects("where", "where you found it, such as a URL"))
      .max(2048, "where is at most 2048 characters: a URL or a short description.")
      .optional()
      .openapi({ description: "Where you found it: a URL, or a few words" }),
  },
  '{"key": "swb_sk_…", "where": "https://example.com/app.js"}',
).openapi("LeakReport", { example: { key: EXAMPLE_PRIVATE_KEY, where: "https://example.com/static/app.js" } });

const Received = z.object({ received: z.literal(true), message: z.string() }).openapi("LeakReportReceived");

/** The one answer, whatever was reported. */
const RECEIVED = {
  received: true as const,
  message: "Thank you. If this is a live Switchboard private key, it is disabled on every server within a second and its workspace is told.",
};

const RATE_LIMITED = (retryAfter: number) =>
  new ApiError(
    429,
    "rate_limited",
    "Too many reports from this address.",
    { hint: `Each address may send ${LEAK_REPORTS_PER_HOUR} reports an hour. Wait ${retryAfter} s (the Retry-After header), then retry.` },
    { "Retry-After": String(retryAfter) },
  );

/** Counts the report against its address before anything else, whatever the body holds. */
const limitReports = (limiter: KeyRateLimiter | undefined) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (limiter) {
      // An IPv6 client counts by its /64, as the sign-in throttle does.
      const address = throttleKey(requestHeader(c, CLIENT_IP_HEADER) ?? null) ?? "unknown";
      const outcome = await limiter.consumeWindow("leak-report", address, LEAK_REPORTS_PER_HOUR, 3600);
      if (!outcome.allowed) throw RATE_LIMITED(outcome.retryAfter);
    }
    await next();
  });

export function leakedKeyRoutes(limiter: KeyRateLimiter | undefined) {
  return new OpenAPIHono<ApiEnv>().openapi(
    createRoute({
      method: "post",
      path: "/leaked-keys",
      tags: ["Leaked keys"],
      summary: "Report a key found in public",
      description:
        "For anyone who finds a Switchboard key in public: no API key needed. A live private key is disabled on every server and flagged as leaked, " +
        "and its workspace's owners and admins are told. The answer is always `202` with the same body, whether or not the key exists, " +
        `so it says nothing about the key. At most ${LEAK_REPORTS_PER_HOUR} reports an hour per address.`,
      security: [],
      middleware: [limitReports(limiter)] as const,
      request: { body: { content: { "application/json": { schema: LeakReport } }, required: true } },
      responses: {
        202: json(Received, "Received: the same answer for every key"),
        400: errorJson("The body is not a report: `details` names each field.", {
          code: "invalid_request",
          message: "Check the body: 1 field(s) are invalid.",
          details: { key: ["key is required: the key you found, such as swb_sk_…."] },
        }),
        429: errorJson(`More than ${LEAK_REPORTS_PER_HOUR} reports an hour from this address.`, {
          code: "rate_limited",
          message: "Too many reports from this address.",
          hint: `Each address may send ${LEAK_REPORTS_PER_HOUR} reports an hour. Wait 1800 s (the Retry-After header), then retry.`,
        }),
        500: errorJson("Something went wrong on our side; `requestId` identifies it.", { code: "internal_error", message: "Something went wrong on our side.", requestId: "req_Xk2v9QmB7tLw4RcY" }),
      },
    }),
    (c) => {
      const { key, where } = c.req.valid("json");
      // After the answer, not before it: a live key's query and transaction must not make its answer slower.
      setImmediate(() => actOnReport({ token: key, where: where ?? null, source: "report" }));
      return c.json(RECEIVED, 202);
    },
  );
}

// A report is answered 202 before it is acted on, so an outage must not lose it: one that finds
// the database unreachable is tried again after growing pauses, for about ten minutes. Held in
// this process's memory (a restart in that time still loses it), and at most MAX_RETRYING at once.
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 360_000];
const MAX_RETRYING = 1_000;
let retrying = 0;

function actOnReport(report: Parameters<typeof reportLeakedKey>[0], attempt = 0) {
  reportLeakedKey(report).then(
    () => {
      if (attempt > 0) retrying--;
    },
    (error: unknown) => {
      const delay = RETRY_DELAYS_MS[attempt];
      if (isDatabaseUnreachable(error) && delay !== undefined && (attempt > 0 || retrying < MAX_RETRYING)) {
        if (attempt === 0) retrying++;
        setTimeout(() => actOnReport(report, attempt + 1), delay).unref();
        return;
      }
      if (attempt > 0) retrying--;
      logError("leak-report", error, "a leak report failed");
    },
  );
}
