// Keyset pages for the dashboard's lists (README "Lists"): rows ordered by a sort key and the
// row's id as tiebreaker, a page continuing strictly after (or before) the cursor row. A page deep
// in 10,000 rows costs what the first does, and rows with equal keys neither repeat nor vanish
// between pages. The count ("21–40 of 10,000") comes from one aggregate beside the page query.
import { not, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { encodeListCursor, type ListCursor } from "@/lib/lists/cursor";

export type KeysetSort = {
  /** The sort key: a column or an expression that is never null (coalesce a nullable column). */
  key: SQL | PgColumn;
  /** The key's type, to read the cursor's text back. */
  keyType: "timestamptz" | "text" | "bigint";
  id: PgColumn;
  idType: "uuid" | "bigint";
  desc: boolean;
};

export type PageRequest = {
  /** Continue after this row, or (with `backwards`) show the rows just before it. */
  cursor: ListCursor | null;
  backwards: boolean;
  limit: number;
};

export type ListPage<T> = {
  rows: T[];
  total: number;
  /** 1-based position of the first row shown (0 when there are none), and of the last. */
  from: number;
  to: number;
  /** Cursors for the next and previous pages, when there are such pages. */
  next: string | null;
  previous: string | null;
};

/** The sort key as PostgreSQL prints it: what a cursor carries. Select it as `sortKey`. */
export const sortKeyText = (sort: KeysetSort) => sql<string>`(${sort.key})::text`;

const cast = (value: string, type: string) => sql`${value}::${sql.raw(type)}`;

/** Rows strictly after `cursor` in the sort order (reversed: strictly before). */
function beyond(sort: KeysetSort, cursor: ListCursor, reversed: boolean): SQL {
  const row = sql`(${sort.key}, ${sort.id})`;
  const at = sql`(${cast(cursor.key, sort.keyType)}, ${cast(cursor.id, sort.idType)})`;
  return sort.desc !== reversed ? sql`${row} < ${at}` : sql`${row} > ${at}`;
}

function orderOf(sort: KeysetSort, reversed: boolean): SQL[] {
  const direction = sql.raw(sort.desc !== reversed ? "desc" : "asc");
  return [sql`${sort.key} ${direction}`, sql`${sort.id} ${direction}`];
}

// What PostgreSQL prints for each key type (DateStyle ISO): a cursor whose key is anything else
// was edited, and would make the cast fail; the list then starts over instead.
const KEY_FORMATS: Record<KeysetSort["keyType"], RegExp> = {
  timestamptz: /^(?:-?infinity|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?[+-]\d\d(?::\d\d){0,2})$/,
  bigint: /^-?\d{1,19}$/,
  text: /^[^]*$/,
};
const ID_FORMATS: Record<KeysetSort["idType"], RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  bigint: /^\d{1,19}$/,
};

const readable = (sort: KeysetSort, cursor: ListCursor | null) =>
  cursor && KEY_FORMATS[sort.keyType].test(cursor.key) && ID_FORMATS[sort.idType].test(cursor.id) ? cursor : null;

type Counts = { total: SQL<number>; before: SQL<number> };

/**
 * One page. `rows` runs the list's own select with the keyset condition, order and limit added
 * to its filters; `count` runs the same filters with the two counts as its selection.
 */
export async function keysetPage<T extends { sortKey: string; id: string | number }>(options: {
  sort: KeysetSort;
  request: PageRequest;
  rows: (keyset: SQL | undefined, orderBy: SQL[], limit: number) => Promise<T[]>;
  count: (counts: Counts) => Promise<{ total: number; before: number }[]>;
}): Promise<ListPage<T>> {
  const { sort, request } = options;
  const { limit } = request;
  const cursor = readable(sort, request.cursor);
  const backwards = !!cursor && request.backwards;
  // Rows ahead of the page: with a forward cursor, the cursor row and every row before it; going
  // back, the rows before the cursor, less the page itself (counted below).
  const ahead = !cursor ? sql<number>`0` : backwards ? beyond(sort, cursor, true) : not(beyond(sort, cursor, false));
  const [fetched, [counts]] = await Promise.all([
    options.rows(cursor ? beyond(sort, cursor, backwards) : undefined, orderOf(sort, backwards), limit),
    options.count({
      total: sql<number>`count(*)::int`,
      before: cursor ? sql<number>`(count(*) filter (where ${ahead}))::int` : sql<number>`0`,
    }),
  ]);
  // Going back past the first row, or on past the last (rows deleted or filtered away since the
  // link was made), lands on the first page rather than on an empty one.
  if ((backwards && fetched.length < limit) || (cursor && fetched.length === 0 && (counts?.total ?? 0) > 0)) {
    return keysetPage({ ...options, request: { cursor: null, backwards: false, limit } });
  }
  const rows = backwards ? fetched.reverse() : fetched;
  const total = counts?.total ?? 0;
  const offset = Math.max(0, (counts?.before ?? 0) - (backwards ? rows.length : 0));
  const cursorOf = (row: T) => encodeListCursor({ key: row.sortKey, id: String(row.id) });
  return {
    rows,
    total,
    from: rows.length ? offset + 1 : 0,
    to: offset + rows.length,
    next: rows.length && offset + rows.length < total ? cursorOf(rows.at(-1)!) : null,
    previous: rows.length && offset > 0 ? cursorOf(rows[0]!) : null,
  };
}

/** A page request from a list's parsed query string. */
export function pageRequest(query: { cursor?: string; before?: string; limit: number }, decode: (value: string | undefined) => ListCursor | null): PageRequest {
  const before = decode(query.before);
  if (before) return { cursor: before, backwards: true, limit: query.limit };
  return { cursor: decode(query.cursor), backwards: false, limit: query.limit };
}

/** `text` matched literally by (I)LIKE: its % and _ are not wildcards. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
