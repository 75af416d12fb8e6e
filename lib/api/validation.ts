// A request that fails its route's zod schemas: 400 invalid_request, one entry in `details` per
// field ("to_number", "metadata.crm_id", or "body" for the body as a whole). Names and messages
// are escaped: a key or value sent with a NUL or a lone surrogate never comes back raw, so the
// envelope stays plain text for every client, log and stored replay (Idempotency-Key).
import type { Hook } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { escapeText, quoteText } from "@/lib/text";
import type { ApiEnv } from "./authenticate";
import { ApiError, errorResponse } from "./errors";

type Issue = ZodError["issues"][number];

// A name such as "crm_id" reads as it is; one with a control character or lone surrogate is quoted.
const segment = (part: PropertyKey) => {
  const name = String(part);
  return escapeText(name) === name ? name : quoteText(name);
};

// A bad key of a record is reported at the record (`metadata`), with its own messages, which
// quote the key; zod would put it under the key itself with "Invalid key in record".
const located = (issue: Issue): { path: PropertyKey[]; messages: string[] } =>
  issue.code === "invalid_key"
    ? { path: issue.path.slice(0, -1), messages: issue.issues.map((inner) => inner.message) }
    : { path: issue.path, messages: [issue.message] };

const SOURCE_WORDS: Record<string, string> = { json: "body", query: "query", param: "path" };

export const validationError: Hook<unknown, ApiEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const error = result.error as ZodError;
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const { path, messages } = located(issue);
    const field = path.length > 0 ? path.map(segment).join(".") : SOURCE_WORDS[result.target] ?? result.target;
    // zod's own messages may quote what was sent (an unrecognized key's name).
    (details[field] ??= []).push(...messages.map(escapeText));
  }
  return errorResponse(c, new ApiError(400, "invalid_request", `Check the ${SOURCE_WORDS[result.target] ?? "request"}: ${Object.keys(details).length} field(s) are invalid.`, { details }));
};
