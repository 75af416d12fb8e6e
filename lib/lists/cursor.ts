// A keyset cursor: the sort key of a row as PostgreSQL prints it, and the row's id. The key is
// kept as PostgreSQL's own text, not a JS value, so a timestamp keeps its microseconds and a page
// boundary between two rows a microsecond apart is exact (README "Lists").
export type ListCursor = { key: string; id: string };

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** The cursor a link carried, or null when it is not one of ours (then the list starts over). */
export function decodeListCursor(value: string | undefined): ListCursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [key, id] = parsed as unknown[];
    if (typeof key !== "string" || typeof id !== "string" || key.length > 300 || id.length > 40) return null;
    // Ids are uuids or integers (audit events); anything else could not match a row anyway.
    if (!/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,19})$/i.test(id)) return null;
    if (/[\u0000]/.test(key)) return null;
    return { key, id };
  } catch {
    return null;
  }
}
