// Text as people and programs send it, checked once for what PostgreSQL cannot store: a NUL
// (or any C0 control character) is refused in text columns (22021), a lone surrogate in jsonb
// (22P02). Every string a form or /api/v1 accepts starts from `text()`, so a bad byte is a 400
// naming its field, never a 500 from the database.
import { z } from "zod";

// C0 controls and DEL. Multi-line fields keep tab, LF and CR (browsers send textarea lines as CRLF).
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// With the u flag a surrogate pair is one code point, so only a lone surrogate is \p{Cs}.
const UNSAFE = /[\u0000-\u001f\u007f]|\p{Cs}/gu;

export const TEXT_MESSAGES = {
  control: "Remove control characters (such as NUL) from this text.",
  controlSingleLine: "Remove control characters (such as NUL, tabs or line breaks) from this text.",
  unicode: "This text is not valid Unicode (a lone surrogate).",
} as const;

// String.prototype.isWellFormed is ES2024 (Node 20 has it); tsconfig's lib stops at ES2023.
const isWellFormed = (value: string) => (value as string & { isWellFormed(): boolean }).isWellFormed();

export type TextOptions = {
  /** Tab and line breaks allowed: descriptions, an agent's first message, metadata values. */
  multiline?: boolean;
  /** The message for a value that is not a string at all (or missing): a string, or `expects(...).error`. */
  error?: string | ((issue: z.core.$ZodRawIssue) => string | undefined);
};

/** What is wrong with `value` as text, or null when it can be stored. */
export function textProblem(value: string, options: Pick<TextOptions, "multiline"> = {}): string | null {
  if ((options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value)) {
    return options.multiline ? TEXT_MESSAGES.control : TEXT_MESSAGES.controlSingleLine;
  }
  if (!isWellFormed(value)) return TEXT_MESSAGES.unicode;
  return null;
}

/**
 * A string that is storable text: `text().trim().min(1).max(64)`. The check sees the raw input,
 * before `.trim()`, and aborts the rest, so a bad value gets one message, not three.
 */
export function text(options: TextOptions = {}) {
  const multiline = options.multiline ?? false;
  return z
    .string(options.error === undefined ? undefined : { error: options.error })
    .refine((value) => textProblem(value, { multiline }) === null, {
      abort: true,
      error: (issue) => textProblem(issue.input as string, { multiline }) ?? TEXT_MESSAGES.control,
    });
}

/** `value` with every control character and lone surrogate written as a \uXXXX escape. */
export function escapeText(value: string): string {
  return value.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `value` quoted and escaped as JSON writes it (and DEL too): safe inside any message. */
export function quoteText(value: string): string {
  return escapeText(JSON.stringify(value));
}
