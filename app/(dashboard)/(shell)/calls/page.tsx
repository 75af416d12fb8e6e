import type { Metadata } from "next";
import { CallsView, type CallItem } from "@/components/calls/calls-view";
import { getDb } from "@/db/client";
import { listAgentNames } from "@/db/queries/agents";
import { listCallPage, type CallRow } from "@/db/queries/calls";
import { appOrigin } from "@/lib/actions/app-origin";
import { requireSessionContext } from "@/lib/auth/session";
import { parseCallsQuery } from "@/lib/calls/filter";
import { callStatus } from "@/lib/calls/schedule";
import { parseNewestFirstPage } from "@/lib/lists/pages";
import { can, refusalFor } from "@/lib/permissions";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role } = await requireSessionContext();
  if (!can(role, "calls:read")) {
    return (
      <div>
        <h1 className="text-2xl font-semibold">Calls</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          {refusalFor("calls:read")}
        </p>
      </div>
    );
  }
  const params = await searchParams;
  const { query, errors } = parseCallsQuery(params);
  const list = parseNewestFirstPage(params);
  const [{ rows, ...page }, agents, origin] = await Promise.all([
    listCallPage(getDb(), workspace.id, { ...list, agentId: query.agent, status: query.status }),
    listAgentNames(getDb(), workspace.id),
    appOrigin(),
  ]);
  // Status is not stored: it is read off the call's schedule now, once for the whole page.
  const now = new Date();
  const live = new Set(agents.map((agent) => agent.id));
  return (
    <CallsView
      calls={rows.map((call) => toItem(call, now, live))}
      page={page}
      list={list}
      query={query}
      errors={errors}
      agents={agents}
      origin={origin}
    />
  );
}

function toItem(call: CallRow, now: Date, liveAgents: Set<string>): CallItem {
  // A deleted agent's row stays (deleted_at), so its calls still carry its name.
  const agent: CallItem["agent"] = call.transientAgent
    ? { kind: "transient", name: call.transientAgent.name }
    : call.agentId && liveAgents.has(call.agentId)
      ? { kind: "saved", name: call.agentName ?? "" }
      : { kind: "deleted", name: call.agentName };
  return {
    id: call.id,
    status: callStatus(call, now),
    agent,
    toNumber: call.toNumber,
    fromNumber: call.fromNumber,
    metadata: call.metadata,
    createdAt: call.createdAt,
    apiKeyName: call.apiKeyName,
  };
}
