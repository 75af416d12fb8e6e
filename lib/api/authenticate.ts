// The one wrapper every /api/v1 route sits behind: authenticates the key and puts it on the
// context, or answers with the error envelope.
import { createMiddleware } from "hono/factory";
import { FAILURE_HINTS, type KeyRecord, type KeyVerifier } from "@/lib/keys/verify";
import { ApiError } from "./errors";

export type ApiEnv = { Variables: { apiKey: KeyRecord; requestId: string } };

const INVALID_KEY_MESSAGE = "Invalid or missing API key.";

export function requireApiKey(verifyRequest: KeyVerifier) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const outcome = await verifyRequest((name) => c.req.header(name));
    if (!outcome.ok) {
      const hint = FAILURE_HINTS[outcome.reason];
      if (outcome.reason === "conflict") {
        throw new ApiError(400, "invalid_request", "Send the API key in one header only.", {
          hint,
          details: { authorization: ["Carries a different key than X-API-Key."] },
        });
      }
      throw new ApiError(401, "unauthorized", INVALID_KEY_MESSAGE, { hint });
    }
    c.set("apiKey", outcome.key);
    await next();
  });
}
