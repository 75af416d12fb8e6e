// Rows a list page may hold: 20 by default, as the API's `limit`, or 50 or 100 on request.
// Client-safe, apart from the zod schemas that read them (lib/lists/params.ts).
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;
