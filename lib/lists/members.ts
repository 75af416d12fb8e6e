// The member list's URL: `?q=&role=&sort=joined|name&dir=&limit=&cursor=` (README "Lists").
import { z } from "zod";
import type { Role } from "@/db/schema";
import { optional, pageFields, parseListParams, searchField, sortFields, type SearchParams } from "./params";

export const MEMBER_SORTS = ["joined", "name"] as const;

export const memberListSchema = z.object({
  q: searchField,
  role: optional(z.enum(["owner", "admin", "member", "viewer"] satisfies Role[])),
  ...sortFields(MEMBER_SORTS, { sort: "joined", dir: "asc" }),
  ...pageFields,
});

export type MemberListQuery = z.infer<typeof memberListSchema>;

export const parseMemberListQuery = (params: SearchParams): MemberListQuery => parseListParams(memberListSchema, params);
