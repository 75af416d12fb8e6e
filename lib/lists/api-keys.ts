// Settings → API Keys, as its URL asks for it: `?q=&status=&type=&expiring=1&unused=1&sort=&dir=
// &limit=&cursor=` (README "Lists"). Read on the server; a bad value falls back to its default.
import { z } from "zod";
import { flagField, optional, pageFields, parseListParams, searchField, sortFields, type SearchParams } from "./params";

export const API_KEY_STATUSES = ["active", "disabled", "revoked"] as const;
export const API_KEY_TYPES = ["private", "public"] as const;
export const API_KEY_SORTS = ["created", "last_used", "name"] as const;
/** "Expiring soon": a key that stops working within this many days. */
export const EXPIRING_SOON_DAYS = 7;

export const apiKeyListSchema = z.object({
  q: searchField,
  status: optional(z.enum(API_KEY_STATUSES)),
  type: optional(z.enum(API_KEY_TYPES)),
  expiring: flagField,
  unused: flagField,
  ...sortFields(API_KEY_SORTS, { sort: "created", dir: "desc" }),
  ...pageFields,
});

export type ApiKeyListQuery = z.infer<typeof apiKeyListSchema>;

export const parseApiKeyListQuery = (params: SearchParams): ApiKeyListQuery => parseListParams(apiKeyListSchema, params);
