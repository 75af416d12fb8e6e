// The Calls page's filters (?agent=&status=): a GET form and links, so anything may arrive. What
// cannot be read is ignored, with a message. The page itself (sort, size, cursor) is read by
// lib/lists/pages.ts, where an edited cursor simply shows the first page.
import { z } from "zod";
import { CALL_STATUSES, type CallStatus } from "./schedule";

export type CallsQuery = { agent?: string; status?: CallStatus };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

export function parseCallsQuery(params: SearchParams): { query: CallsQuery; errors: string[] } {
  const query: CallsQuery = {};
  const errors: string[] = [];
  const agent = one(params.agent);
  if (agent !== undefined) {
    if (z.uuid().safeParse(agent).success) query.agent = agent;
    else errors.push("the agent is not one of this workspace's");
  }
  const status = one(params.status);
  if (status !== undefined) {
    if ((CALL_STATUSES as readonly string[]).includes(status)) query.status = status as CallStatus;
    else errors.push(`the status must be one of ${CALL_STATUSES.join(", ")}`);
  }
  return { query, errors };
}

export const STATUS_LABELS: Record<CallStatus, string> = {
  queued: "Queued",
  ringing: "Ringing",
  in_progress: "In progress",
  completed: "Completed",
};
