// Shapes shared by the /api/v1 routes: the error envelope, pagination, and the parts of the
// request bodies that several routes validate. The same zod schemas validate requests and
// describe them in the OpenAPI document.
import { z } from "@hono/zod-openapi";
import { isValidPhoneNumber } from "libphonenumber-js";
import { PAGE_DEFAULT, PAGE_MAX } from "@/lib/pagination";
import { expects } from "@/lib/field-messages";
import { quoteText, text, TEXT_MESSAGES, textProblem } from "@/lib/text";

const EXAMPLE_ID = "3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(["unauthorized", "forbidden", "invalid_request", "not_found", "conflict", "rate_limited", "usage_exceeded", "internal_error", "service_unavailable"]),
      message: z.string(),
      hint: z.string().optional(),
      details: z.record(z.string(), z.array(z.string())).optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi("Error");

export const IdParam = z.object({
  id: z.uuid(expects("id", `an id (a UUID) such as ${EXAMPLE_ID}`)).openapi({ param: { name: "id", in: "path" }, example: EXAMPLE_ID }),
});

const LIMIT = `a whole number from 1 to ${PAGE_MAX}, such as ${PAGE_DEFAULT}`;

// Query strings ignore parameters they do not know (README, API): a cache-buster or a tracking
// parameter added by a proxy must not break a read. Bodies are strict (`strictBody` below).
export const PageQuery = z.object({
  limit: z.coerce
    .number(expects("limit", LIMIT))
    .int(`limit must be ${LIMIT}.`)
    .min(1, `limit must be ${LIMIT}.`)
    .max(PAGE_MAX, `limit must be ${LIMIT}.`)
    .default(PAGE_DEFAULT)
    .openapi({ example: 20 }),
  cursor: text(expects("cursor", "the next_cursor of the previous page, as it came")).max(200, "cursor must be the next_cursor of the previous page, as it came.").optional().openapi({ description: "next_cursor of the previous page" }),
});

/** A phone number in E.164 (+14155552671), checked for a real numbering plan; `field` names it in messages. */
export const e164 = (field: string) =>
  text(expects(field, "a phone number in E.164 such as +14155552671"))
    .regex(/^\+[1-9]\d{1,14}$/, { message: `${field}: use E.164, a + and the full number with country code, such as +14155552671.`, abort: true })
    .refine((value) => isValidPhoneNumber(value), `${field} is not a valid phone number for its country: check the digits after the country code.`)
    .openapi({ example: "+14155552671" });

/**
 * A JSON request body: a strict object, so a field it does not know is a 400 naming it (with the
 * right name when it is a known alias, lib/api/unknown-fields.ts) instead of being dropped.
 */
export const strictBody = <Shape extends z.core.$ZodLooseShape>(shape: Shape, example: string) =>
  z.strictObject(shape, expects("The body", `a JSON object such as ${example}`));

const MAX_METADATA_BYTES = 4096;
const MAX_METADATA_KEY = 64;

// `details` names a bad key's object (`metadata`), not the key, so each message quotes the key,
// escaped and clipped: a response must never carry a NUL or a lone surrogate itself.
const MetadataKey = z.string().superRefine((key, context) => {
  const problem = textProblem(key);
  if (problem === null && key.length <= MAX_METADATA_KEY) return;
  const shown = quoteText(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  const message =
    problem === TEXT_MESSAGES.unicode
      ? `The key ${shown} is not valid Unicode (a lone surrogate).`
      : problem
        ? `The key ${shown} holds control characters (such as NUL, tabs or line breaks): remove them.`
        : `The key ${shown} is longer than ${MAX_METADATA_KEY} characters.`;
  context.addIssue({ code: "custom", message });
});

/** A flat JSON object: string, number, boolean or null values; under 4 KiB serialized. */
export const Metadata = z
  .record(
    MetadataKey,
    z.union([text({ multiline: true }).max(1024, "A metadata value can be 1024 characters at most."), z.number(), z.boolean(), z.null()], {
      error: "A metadata value is a string, a number, a boolean or null, such as \"lead_4411\": not an object or an array.",
    }),
    { error: 'metadata is a flat object of strings, numbers, booleans or null, such as {"crm_id": "lead_4411"}.' },
  )
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) < MAX_METADATA_BYTES, `metadata must be under ${MAX_METADATA_BYTES} bytes as JSON.`)
  .openapi({ example: { crm_id: "lead_4411", campaign: "renewals" } });

/** Who created something: a person ({type, id, email}) or an API key ({type, id, name}). */
export const CreatedBy = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("user"), id: z.uuid().nullable().openapi({ description: "null once the person's account is gone" }), email: z.string() }),
    z.object({ type: z.literal("api_key"), id: z.uuid().nullable(), name: z.string().openapi({ description: "The key's name when it created this" }) }),
  ])
  .openapi("CreatedBy");

export function createdByJson(type: string, id: string | null, label: string): z.infer<typeof CreatedBy> {
  return type === "api_key" ? { type: "api_key", id, name: label } : { type: "user", id, email: label };
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

type ErrorBody = z.infer<typeof ErrorSchema>["error"];

/** An error response in the envelope, with an example of it for the docs. */
export const errorJson = (description: string, example: ErrorBody) => ({
  content: { "application/json": { schema: ErrorSchema, example: { error: example } } },
  description,
});

export const notFoundResponse = (description: string) =>
  errorJson(description, { code: "not_found", message: "No such resource in this workspace.", hint: "Check the id: ids are scoped to the key's workspace." });

export const IDEMPOTENCY_CONFLICT: ErrorBody = {
  code: "conflict",
  message: "This Idempotency-Key was already used for a different request.",
  hint: "Send a new Idempotency-Key for each operation; reuse one only to retry the very same request (method, path and body).",
};

export const conflictResponse = (description: string, example: ErrorBody = IDEMPOTENCY_CONFLICT) => errorJson(description, example);

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: errorJson("The request is malformed: `details` names each field and what is wrong with it, and each unknown body field (bodies are strict; query strings ignore unknown parameters).", {
    code: "invalid_request",
    message: "Check the body: 2 field(s) are invalid.",
    details: {
      contact_number: ["Unknown field: this API calls it to_number. Send to_number instead."],
      to_number: ["to_number is required: a phone number in E.164 such as +14155552671."],
    },
    hint: "Unknown fields are refused, not ignored. Rename contact_number → to_number.",
  }),
  401: errorJson("Missing, malformed, unknown, disabled, expired or revoked API key.", {
    code: "unauthorized",
    message: "Invalid or missing API key.",
    hint: "Send your API key in the X-API-Key header or as Authorization: Bearer <key>.",
  }),
  403: errorJson("The key may not do this: its scopes, type, origin, agents or IP addresses.", {
    code: "forbidden",
    message: "This key lacks the permission api_keys:write.",
    hint: "An admin can grant api_keys:write in Settings → API Keys → Edit, or generate a key that has it.",
  }),
  429: errorJson(
    "Too many requests for this key: wait the seconds in `Retry-After`, then retry. Every answer to a rate-limited key carries `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers-11).",
    {
      code: "rate_limited",
      message: "Too many requests for this key.",
      hint: "This key may make 50 requests a second (with bursts of 100 more). Wait 1 s (the Retry-After header), then retry, and spread requests out; an admin can raise the limit in Settings → API Keys → Edit.",
    },
  ),
  500: errorJson("Something went wrong on our side; `requestId` identifies it.", {
    code: "internal_error",
    message: "Something went wrong on our side.",
    requestId: "req_Xk2v9QmB7tLw4RcY",
  }),
  503: errorJson("The key could not be checked: the database is unreachable and the key was not cached. Retry after `Retry-After` seconds.", {
    code: "service_unavailable",
    message: "The API key could not be checked right now.",
    hint: "Keys cannot be checked right now: the key store is unreachable. Retry after the time in Retry-After; keys in use recently keep working meanwhile.",
  }),
} as const;
