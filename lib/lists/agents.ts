// The agent list's URL: `?q=&sort=created|name&dir=&limit=&cursor=` (README "Lists").
import { z } from "zod";
import { pageFields, parseListParams, searchField, sortFields, type SearchParams } from "./params";

export const AGENT_SORTS = ["created", "name"] as const;

export const agentListSchema = z.object({
  q: searchField,
  ...sortFields(AGENT_SORTS, { sort: "created", dir: "desc" }),
  ...pageFields,
});

export type AgentListQuery = z.infer<typeof agentListSchema>;

export const parseAgentListQuery = (params: SearchParams): AgentListQuery => parseListParams(agentListSchema, params);
