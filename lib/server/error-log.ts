// Logs unexpected errors so that a client repeating one failing request cannot flood the log
// with stack traces: the first occurrence of a stack is printed whole, later ones as one line
// with their request id and a pointer to the first.
import { randomBytes } from "node:crypto";

const seen = new Map<string, string>();
const MAX_REMEMBERED = 1_000;

export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

export function logUnexpectedError(scope: string, requestId: string, error: unknown) {
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const firstSeenIn = seen.get(stack);
  if (firstSeenIn) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[${scope}] ${requestId} unexpected error (same stack as ${firstSeenIn}): ${message.slice(0, 200)}`);
    return;
  }
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.set(stack, requestId);
  console.error(`[${scope}] ${requestId} unexpected error:`, error);
}
