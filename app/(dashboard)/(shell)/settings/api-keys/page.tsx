import type { Metadata } from "next";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { getDb } from "@/db/client";
import { listAgentNames } from "@/db/queries/agents";
import { listApiKeyPage } from "@/db/queries/api-key-list";
import { LEAKED_KEYS_SHOWN, listLeakedKeys } from "@/db/queries/leaked-keys";
import { requireSessionContext } from "@/lib/auth/session";
import { EXPIRING_SOON_DAYS, parseApiKeyListQuery } from "@/lib/lists/api-keys";
import { can } from "@/lib/permissions";
import { getUsageStore } from "@/lib/usage/store";
import { presetRange, sparklines } from "@/lib/usage/summary";

export const metadata: Metadata = { title: "API Keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace, role } = await requireSessionContext();
  // Search, filters, sort and page come from the URL; what cannot be read is the default.
  const list = parseApiKeyListQuery(await searchParams);
  const [page, agents, leaked] = await Promise.all([listApiKeyPage(getDb(), workspace.id, list), listAgentNames(getDb(), workspace.id), listLeakedKeys(getDb(), workspace.id)]);
  const { rows, ...pageInfo } = page;
  // The page's keys' last 24 hours, hour by hour: one indexed read for the whole page.
  const range = presetRange("24h");
  const keyIds = rows.map((row) => row.id);
  const usage = keyIds.length ? sparklines(await getUsageStore().query({ workspaceId: workspace.id, keyIds, ...range }), keyIds, range) : new Map();
  return (
    <ApiKeysView
      keys={rows.map(({ sortKey: _, ...key }) => ({ ...key, usage: usage.get(key.id) }))}
      page={pageInfo}
      list={list}
      expiringSoonDays={EXPIRING_SOON_DAYS}
      agents={agents}
      leaked={{ keys: leaked.slice(0, LEAKED_KEYS_SHOWN), more: Math.max(0, leaked.length - LEAKED_KEYS_SHOWN) }}
      permissions={{
        create: can(role, "keys:create"),
        update: can(role, "keys:update"),
        toggle: can(role, "keys:toggle"),
        revoke: can(role, "keys:revoke"),
      }}
    />
  );
}
