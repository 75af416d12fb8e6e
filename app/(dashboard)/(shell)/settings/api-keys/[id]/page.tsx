import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ApiKeyDetail } from "@/components/api-keys/api-key-detail";
import { KeyUsage } from "@/components/usage/key-usage";
import { getDb } from "@/db/client";
import { listAgentNames } from "@/db/queries/agents";
import { findApiKey } from "@/db/queries/api-keys";
import { listRejectedRequests } from "@/db/queries/usage";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getUsageStore } from "@/lib/usage/store";
import { isUsagePreset, presetRange, type UsagePreset } from "@/lib/usage/summary";

export const metadata: Metadata = { title: "API key" };

// /settings/api-keys/{id}: everything about one key, its usage (?range=24h|7d|30d), and (owners
// and admins) its edit form. The usage streams in after the rest of the page.
export default async function ApiKeyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ range?: string | string[] }> }) {
  const { id } = await params;
  const { range } = await searchParams;
  const preset = isUsagePreset(range) ? range : "24h";
  const { workspace, role } = await requireSessionContext();
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [key, agents] = await Promise.all([findApiKey(getDb(), workspace.id, id), listAgentNames(getDb(), workspace.id)]);
  if (!key) notFound();
  const successor = key.rolledToId ? await findApiKey(getDb(), workspace.id, key.rolledToId) : null;
  const usage = (
    <Suspense fallback={<div className="h-96 animate-pulse rounded-xl border border-zinc-200 bg-white" aria-hidden />}>
      <KeyUsageLoader workspaceId={workspace.id} keyId={key.id} preset={preset} />
    </Suspense>
  );
  return (
    <ApiKeyDetail
      apiKey={key}
      agents={agents}
      successor={successor ? { id: successor.id, name: successor.name } : null}
      canUpdate={can(role, "keys:update")}
      usage={usage}
    />
  );
}

/** Reads the key's usage while the rest of the page is already shown. */
async function KeyUsageLoader({ workspaceId, keyId, preset }: { workspaceId: string; keyId: string; preset: UsagePreset }) {
  const range = presetRange(preset);
  const [totals, rejected] = await Promise.all([
    getUsageStore().totalsByBucket({ workspaceId, keyIds: [keyId], ...range }),
    listRejectedRequests(getDb(), workspaceId, keyId),
  ]);
  return <KeyUsage preset={preset} range={range} totals={totals} rejected={rejected} />;
}
