import type { Metadata } from "next";
import { AgentsView } from "@/components/agents/agents-view";
import { getDb } from "@/db/client";
import { listAgentPage } from "@/db/queries/agents";
import { requireSessionContext } from "@/lib/auth/session";
import { parseAgentListQuery } from "@/lib/lists/agents";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role } = await requireSessionContext();
  // Search, sort and page come from the URL; a cursor that is not one of ours shows the first page.
  const list = parseAgentListQuery(await searchParams);
  const { rows, ...page } = await listAgentPage(getDb(), workspace.id, list);
  return (
    <AgentsView
      agents={rows.map(({ sortKey: _, ...agent }) => agent)}
      page={page}
      list={list}
      permissions={{ write: can(role, "agents:write"), delete: can(role, "agents:delete") }}
    />
  );
}
