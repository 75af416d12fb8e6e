import type { Metadata } from "next";
import { AgentsView } from "@/components/agents/agents-view";
import { getDb } from "@/db/client";
import { listAgents } from "@/db/queries/agents";
import { requireSessionContext } from "@/lib/auth/session";
import { decodeCursor, PAGE_DEFAULT } from "@/lib/pagination";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role } = await requireSessionContext();
  const { cursor: raw } = await searchParams;
  // A cursor that is not one of ours (edited, truncated) shows the first page rather than an error.
  const cursor = typeof raw === "string" ? decodeCursor(raw) : null;
  const page = await listAgents(getDb(), workspace.id, { cursor, limit: PAGE_DEFAULT });
  return (
    <AgentsView
      agents={page.data}
      nextCursor={page.nextCursor}
      paged={cursor !== null}
      permissions={{ write: can(role, "agents:write"), delete: can(role, "agents:delete") }}
    />
  );
}
