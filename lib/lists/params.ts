// The query string of a dashboard list (README "Lists"): search, filters, sort, page size and the
// keyset cursor. Anything may arrive in a URL, so every field is read with zod and a value that
// cannot be read falls back to its default: a bad link shows the list, never an error page.
import { z } from "zod";
import { text } from "@/lib/text";

import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./page-sizes";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter, empty strings dropped: a GET form sends `status=` for "any". */
export function firstValues(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") out[name] = first;
  }
  return out;
}

/** A field that is undefined when missing or unreadable. */
export const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** What to search for: trimmed, at most 100 characters, and text PostgreSQL can compare. */
export const searchField = optional(
  text()
    .trim()
    .max(100)
    .transform((value) => value || undefined),
);

export const pageSizeField = z.coerce
  .number()
  .pipe(z.union(PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>]))
  .catch(DEFAULT_PAGE_SIZE);

/** A flag such as `unused=1`: only "1" turns it on. */
export const flagField = z
  .string()
  .optional()
  .transform((value) => value === "1")
  .catch(false);

/** The sort a list offers, as `sort=name&dir=asc`; anything else is the list's default. */
export function sortFields<const S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; dir: "asc" | "desc" }) {
  return {
    sort: z.enum(sorts).catch(defaults.sort),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir),
  };
}

/** The page: `cursor` continues after a row, `before` goes back to the rows before one. */
export const pageFields = {
  cursor: optional(z.string().max(500)),
  before: optional(z.string().max(500)),
  limit: pageSizeField,
};

/**
 * Reads `params` with `schema`; every field of the schema must have a fallback (catch). The
 * toolbar's Sort select sends `order=name.asc` when the form is submitted without JavaScript.
 */
export function parseListParams<T extends z.ZodObject>(schema: T, params: SearchParams): z.infer<T> {
  const values = firstValues(params);
  const order = /^([a-z_]{1,20})\.(asc|desc)$/.exec(values.order ?? "");
  if (order && !values.sort) Object.assign(values, { sort: order[1], dir: order[2] });
  return schema.parse(values);
}
