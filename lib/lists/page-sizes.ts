// Rows a list page may hold: 20 by default, as the API's `limit`, or 50 or 100 on request.
// Client-safe, apart from the zod schemas that read them (lib/lists/params.ts).
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;

/**
 * Whether a list shows its search, filters and page size: once it is longer than one page, or
 * when the URL already narrows or pages it. A handful of rows needs none of it, and on a phone
 * the controls would push the rows below the fold.
 */
export const listNeedsControls = (list: { total: number; narrowed: boolean; limit: number }) =>
  list.narrowed || list.total > DEFAULT_PAGE_SIZE || list.limit !== DEFAULT_PAGE_SIZE;
