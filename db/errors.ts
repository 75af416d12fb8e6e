// Recognises PostgreSQL errors through Drizzle's wrapper (the driver's error is its `cause`).
type PgError = { code?: string; constraint_name?: string };

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as PgError;
    if (pg.code === "23505") return pg.constraint_name === constraint;
  }
  return false;
}
