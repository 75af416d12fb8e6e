// The one logger of unexpected errors, for server actions, the API, the server and background
// jobs, through the server's logger (lib/log.ts). It logs text it builds itself, never the error
// object: each error's class name, code
// (PostgreSQL's SQLSTATE, Node's `code`) and message, then the stack's "at" lines, with a request
// id. It never writes query parameters, bodies or headers. A DrizzleQueryError's message carries
// its query's parameters (a password hash, a key's SHA-256), so such an error is told by its
// cause, the driver's error, whose `detail` (it can hold values too) is left out. As a backstop,
// any message is cut at "params:" and after 500 characters.
//
// A client repeating one failing request cannot flood the log with stack traces: the first
// occurrence of a stack is printed whole, later ones as one line with their request id and a
// pointer to the first.
import { randomBytes } from "node:crypto";
import { DrizzleQueryError } from "drizzle-orm";
import { log } from "@/lib/log";

const seen = new Map<string, string>();
const MAX_REMEMBERED = 1_000;
const MAX_MESSAGE = 500;
const MAX_CAUSES = 5;

// A random prefix per process and a counter: unique across servers without paying for random
// bytes on every request (measured: randomBytes per request id cost about 5 % of the API's
// throughput).
const REQUEST_ID_PREFIX = `req_${randomBytes(9).toString("base64url")}`;
let requestCounter = 0;

export function newRequestId(): string {
  return REQUEST_ID_PREFIX + (requestCounter++).toString(36);
}

/** Logs `error` as `[scope] requestId what: …`, with its stack the first time that stack is seen. */
export function logUnexpectedError(scope: string, requestId: string, error: unknown, what = "unexpected error") {
  let summary = "(the error could not be described)";
  let frames = "";
  let kinds = "";
  try {
    const errors = causes(error);
    summary = errors.map(describeOne).join(", caused by ");
    kinds = errors.map(kindOf).join(" < ");
    frames = framesOf(errors);
  } catch {
    // A logger that throws would turn one failure into two.
  }
  // Keyed without messages: the same failing query with other values is still the same stack.
  const key = frames ? `${kinds}\n${frames}` : summary;
  const firstSeenIn = seen.get(key);
  if (firstSeenIn) {
    log.error({ scope, requestId, error: summary, sameStackAs: firstSeenIn }, what);
    return;
  }
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.set(key, requestId);
  log.error({ scope, requestId, error: summary, ...(frames ? { stack: frames } : {}) }, what);
}

/** For background jobs and the process itself: no request, so the line gets an id of its own. */
export function logError(scope: string, error: unknown, what = "unexpected error") {
  logUnexpectedError(scope, newRequestId(), error, what);
}

/** One line, no stack: class, code and message of `error` and of its causes. */
export function describeError(error: unknown): string {
  try {
    return causes(error).map(describeOne).join(", caused by ");
  } catch {
    return "(the error could not be described)";
  }
}

/** `error`, then its causes (Auth.js wraps an error as `cause: { err }`), at most a few. */
function causes(error: unknown): unknown[] {
  const chain = [error];
  let current = error;
  while (current instanceof Error && chain.length < MAX_CAUSES) {
    const cause: unknown = current.cause;
    const next = cause instanceof Error ? cause : (cause as { err?: unknown } | undefined)?.err;
    if (!(next instanceof Error) || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

// Also by shape: Next bundles its own copy of drizzle-orm, whose class is not this one.
function isQueryError(error: Error): boolean {
  return error instanceof DrizzleQueryError || ("query" in error && "params" in error);
}

function kindOf(error: unknown): string {
  if (!(error instanceof Error)) return error !== null && typeof error === "object" ? `${error.constructor?.name ?? "Object"} (not an Error)` : typeof error;
  const code = (error as { code?: unknown }).code;
  const name = clean(error.name && error.name !== "Error" ? error.name : error.constructor?.name || "Error");
  return typeof code === "string" || typeof code === "number" ? `${name} ${clean(String(code))}` : name;
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === "object" && error !== null ? kindOf(error) : clean(String(error));
  // A failed query's message is its SQL and parameters; its cause says what went wrong.
  if (isQueryError(error)) return kindOf(error);
  return `${kindOf(error)}: ${clean(error.message)}`;
}

/** The "at" lines of the first stack in the chain; never a stack's first lines, which repeat the message. */
function framesOf(errors: unknown[]): string {
  for (const error of errors) {
    if (!(error instanceof Error) || typeof error.stack !== "string") continue;
    // Skip past the message, so that no line of it can pass for a frame.
    const end = error.message ? error.stack.indexOf(error.message) : -1;
    const rest = end === -1 ? error.stack : error.stack.slice(end + error.message.length);
    const frames = rest.split("\n").filter((line) => /^\s+at /.test(line));
    if (frames.length > 0) return frames.join("\n");
  }
  return "";
}

// One line, cut at "params:" (belt and braces: Drizzle's messages are never printed) and cut short.
function clean(text: string): string {
  const params = text.search(/params:/i);
  const kept = (params === -1 ? text : `${text.slice(0, params)}params: (not logged)`).replace(/\s+/g, " ").trim();
  return kept.length > MAX_MESSAGE ? `${kept.slice(0, MAX_MESSAGE)}…` : kept;
}
