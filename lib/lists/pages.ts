// The page fields alone (`?dir=&limit=&cursor=&before=`), for lists whose filters are read by a
// module of their own that reports what it could not read (calls, the audit log).
import { z } from "zod";
import { pageFields, parseListParams, type SearchParams } from "./params";

export const newestFirstPageSchema = z.object({
  dir: z.enum(["asc", "desc"]).catch("desc"),
  ...pageFields,
});

export type NewestFirstPage = z.infer<typeof newestFirstPageSchema>;

export const parseNewestFirstPage = (params: SearchParams): NewestFirstPage => parseListParams(newestFirstPageSchema, params);
