// Recognises PostgreSQL errors through Drizzle's wrapper (the driver's error is its `cause`).
type PgError = { code?: string; constraint_name?: string };

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as PgError;
    if (pg.code === "23505") return pg.constraint_name === constraint;
  }
  return false;
}

// Errors that say the database could not be asked at all, as opposed to a query it refused: the
// driver's connection failures (postgres-js names its own with a code) and PostgreSQL's
// connection-exception class (08), shutdowns (57P01-57P03) and "too many connections".
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as PgError).code;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
    // Node reports a connection refused by every address of a host as one AggregateError.
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnreachable(inner))) return true;
  }
  return false;
}

/**
 * Raised by our own code when a check that needs the database could not be made (the session's
 * row, lib/auth/session.ts). SQLSTATE 08006, connection_failure: isDatabaseUnreachable says yes.
 */
export class DatabaseUnreachableError extends Error {
  readonly code = "08006";
}
