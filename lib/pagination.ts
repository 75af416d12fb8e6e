// Cursor pagination, newest first, for every list of the API and the dashboard: the cursor is
// the last row's (created_at, id), opaque to clients, so a page deep in a long list costs what
// the first does and rows created meanwhile neither repeat nor vanish.
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export type Cursor = { createdAt: Date; id: string };

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeCursor(value: string): Cursor | null {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof createdAt !== "string" || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    const date = new Date(createdAt);
    return Number.isNaN(date.getTime()) ? null : { createdAt: date, id };
  } catch {
    return null;
  }
}

/** Rows strictly after `cursor` in (created_at desc, id desc) order. */
export function afterCursor(cursor: Cursor | null, columns: { createdAt: PgColumn; id: PgColumn }): SQL | undefined {
  if (!cursor) return undefined;
  return or(lt(columns.createdAt, cursor.createdAt), and(eq(columns.createdAt, cursor.createdAt), lt(columns.id, cursor.id)));
}

export const newestFirst = (columns: { createdAt: PgColumn; id: PgColumn }) => [desc(columns.createdAt), desc(columns.id)];

/** One page from `limit + 1` rows: the rows, and the cursor of the next page if there is one. */
export function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(data.at(-1)!) : null };
}
