import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeyDetail } from "@/components/api-keys/api-key-detail";
import { getDb } from "@/db/client";
import { listAgentNames } from "@/db/queries/agents";
import { findApiKey } from "@/db/queries/api-keys";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "API key" };

// /settings/api-keys/{id}: everything about one key, and (owners and admins) its edit form.
export default async function ApiKeyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { workspace, role } = await requireSessionContext();
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [key, agents] = await Promise.all([findApiKey(getDb(), workspace.id, id), listAgentNames(getDb(), workspace.id)]);
  if (!key) notFound();
  const successor = key.rolledToId ? await findApiKey(getDb(), workspace.id, key.rolledToId) : null;
  return <ApiKeyDetail apiKey={key} agents={agents} successor={successor ? { id: successor.id, name: successor.name } : null} canUpdate={can(role, "keys:update")} />;
}
