// Idempotency-Key on every POST of /api/v1, so a client can retry after a timeout without doing
// the thing twice (README "Idempotency"). Each POST route lists this middleware after its
// permission check, so a key is authenticated and authorized before any claim or replay. The
// record belongs to the calling key (for a public key, to the client's address as well): one
// key's requests can never block or answer another's. The first request claims a row in
// PostgreSQL (so it holds across servers); its response is kept for 24 hours and replayed to a
// retry with the same method, path and body (Idempotent-Replayed: true). Another request under
// the same key, or one that arrives while the first is still running, is 409. A response carrying
// a key's plaintext is never kept: a retry of it is 409 naming the key that was created.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  type IdempotencyRecord,
  type Slot,
} from "@/lib/services/idempotency";
import type { ApiEnv } from "./authenticate";
import { ApiError, PolicyRefusal } from "./errors";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

export function idempotency() {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (c.req.method !== "POST" || key === undefined) return next();
    if (!VALID_KEY.test(key)) {
      throw new ApiError(400, "invalid_request", "Check the Idempotency-Key header.", {
        details: { [IDEMPOTENCY_HEADER]: ["1 to 255 visible ASCII characters, such as a UUID you generate per operation."] },
      });
    }
    const apiKey = c.get("apiKey");
    const slot: Slot = {
      workspaceId: apiKey.workspaceId,
      apiKeyId: apiKey.id,
      // A public key is shared by every visitor of a site: each visitor gets their own records.
      clientIp: apiKey.type === "public" ? (c.req.header(CLIENT_IP_HEADER) ?? "") : "",
      key,
    };
    // The body read here stays cached for the route's validator.
    const fingerprint = createHash("sha256").update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`).digest("hex");

    if (!(await claimIdempotencyKey({ ...slot, fingerprint }))) {
      const earlier = await findIdempotencyKey(slot);
      if (earlier) return answerFrom(earlier, fingerprint, c);
      // The earlier claim expired and was purged between the two queries: a rare race, retry.
      throw inProgress();
    }

    await next();
    if (!keepsAnswer(c)) return releaseIdempotencyKey(slot);
    const withheldKeyId = c.get("issuedKeyId") ?? null;
    const body = withheldKeyId ? null : (await c.res.clone().text()) || null;
    await completeIdempotencyKey({ ...slot, status: c.res.status, body, withheldKeyId });
  });
}

/**
 * Whether the route's answer is the answer to this request for the next 24 hours. Not so for a
 * failure on our side (the client retries), a 429 (it passes), or a refusal by the key's policy
 * (an admin may widen it): those free the key. The route's own 400, 403 and 409 are kept.
 */
function keepsAnswer(c: Context<ApiEnv>): boolean {
  return c.res.status < 500 && c.res.status !== 429 && !(c.error instanceof PolicyRefusal);
}

function answerFrom(earlier: IdempotencyRecord, fingerprint: string, c: Context<ApiEnv>) {
  if (earlier.fingerprint !== fingerprint) {
    throw new ApiError(409, "conflict", "This Idempotency-Key was already used for a different request.", {
      hint: "Send a new Idempotency-Key for each operation; reuse one only to retry the very same request (method, path and body).",
    });
  }
  if (!earlier.completedAt) throw inProgress();
  if (earlier.withheldKeyId) {
    throw new ApiError(409, "conflict", "This request already created a key, and a key's secret is shown only once.", {
      hint: `The key created is ${earlier.withheldKeyId}. If its secret was lost, roll it (POST /api/v1/api-keys/${earlier.withheldKeyId}/roll) or revoke it (DELETE /api/v1/api-keys/${earlier.withheldKeyId}).`,
    });
  }
  c.header(REPLAYED_HEADER, "true");
  const status = earlier.responseStatus as 200;
  if (earlier.responseBody === null) return c.body(null, status);
  return c.body(earlier.responseBody, status, { "Content-Type": "application/json" });
}

const inProgress = () =>
  new ApiError(409, "conflict", "A request with this Idempotency-Key is still in progress.", {
    hint: "Wait for it to finish, then retry with the same Idempotency-Key to get its response.",
  });
