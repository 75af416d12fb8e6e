// Messages a person can act on for a field that is missing or of the wrong kind: each names the
// field and says what it takes, with an example ("voice is required: a voice name such as aria.").
// zod's own ("Invalid input: expected string, received undefined") name neither. Every request
// body of /api/v1 and every form schema gives its fields their message through `expects`, as
// zod's `error` option, so the wording is the same everywhere (README, API).
import type { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

/** What was sent, in a word: "a number", "an array", "null". Strings are not echoed back. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** The message for `field`, which takes `expected` (such as "a voice name such as aria"). */
export function fieldMessage(field: string, expected: string, issue: Pick<RawIssue, "input" | "code">): string {
  if (issue.input === undefined) return `${field} is required: ${expected}.`;
  // A value of the right type but the wrong shape (a UUID, an enum value), or a query value that
  // did not coerce to a number (NaN): say what fits, without echoing what was sent.
  const wrongType = issue.code === "invalid_type" || typeof issue.input !== "string";
  if (!wrongType || Number.isNaN(issue.input)) return `${field} must be ${expected}.`;
  return `${field} must be ${expected}, not ${kindOf(issue.input)}.`;
}

// The issues a schema raises about its own value; others (an object's unknown keys) keep theirs.
const OWN_CODES = new Set(["invalid_type", "invalid_value", "invalid_format", "invalid_union"]);

/**
 * zod's `error` option for a field that takes `expected`: `z.uuid(expects("agent_id", "an
 * agent's id (a UUID)"))`. It covers the issues the schema raises itself (missing, wrong type,
 * and for formats and enums a bad value); its checks (`.min`, `.max`) keep their own messages.
 */
export function expects(field: string, expected: string) {
  return { error: (issue: RawIssue) => (OWN_CODES.has(issue.code ?? "") ? fieldMessage(field, expected, issue) : undefined) };
}
