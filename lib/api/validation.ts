// A request that fails its route's zod schemas: 400 invalid_request, one entry in `details` per
// field ("to_number", "metadata.crm_id", or "body" for the body as a whole), and one per unknown
// field under its name (bodies are strict: lib/api/unknown-fields.ts). Names and messages
// are escaped: a key or value sent with a NUL or a lone surrogate never comes back raw, so the
// envelope stays plain text for every client, log and stored replay (Idempotency-Key).
import type { Hook } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import { escapeText, quoteText } from "@/lib/text";
import type { ApiEnv } from "./authenticate";
import { ApiError, errorResponse } from "./errors";
import { suggestField, unknownFieldMessage } from "./unknown-fields";

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
  // No prototype: a field named "__proto__" is an entry like any other.
  const details: Record<string, string[]> = Object.create(null);
  const renames: string[] = [];
  const add = (path: PropertyKey[], messages: string[]) => {
    const field = path.length > 0 ? path.map(segment).join(".") : SOURCE_WORDS[result.target] ?? result.target;
    // zod's own messages may quote what was sent (an unrecognized key's name).
    (details[field] ??= []).push(...messages.map(escapeText));
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Each unknown field under its own name, with the right one when it is a known alias.
      for (const key of issue.keys) {
        add([...issue.path, key], [unknownFieldMessage(key)]);
        const suggestion = suggestField(key);
        if (suggestion) renames.push(`${segment(key)} → ${suggestion}`);
      }
      continue;
    }
    const { path, messages } = located(issue);
    add(path, messages);
  }
  const hint = renames.length > 0 ? `Unknown fields are refused, not ignored. Rename ${renames.join(", ")}.` : undefined;
  return errorResponse(
    c,
    new ApiError(400, "invalid_request", `Check the ${SOURCE_WORDS[result.target] ?? "request"}: ${Object.keys(details).length} field(s) are invalid.`, {
      details: { ...details },
      ...(hint ? { hint } : {}),
    }),
  );
};
