import type { Metadata } from "next";
import { KEYS_PER_PAGE, UsagePageView } from "@/components/usage/usage-page-view";
import { getDb } from "@/db/client";
import { listKeyNames } from "@/db/queries/usage";
import { requireSessionContext } from "@/lib/auth/session";
import { parseUsagePageQuery } from "@/lib/usage/page-query";
import { getUsageStore } from "@/lib/usage/store";
import { outcomeTotals, summarizeKeys, toSeries } from "@/lib/usage/summary";

export const metadata: Metadata = { title: "Usage" };

// Every role sees usage (README "Roles"); the workspace is the session's.
export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await requireSessionContext();
  const query = parseUsagePageQuery(await searchParams);
  const store = getUsageStore();
  const [byBucket, byKey] = await Promise.all([
    store.totalsByBucket({ workspaceId: workspace.id, ...query.range }),
    store.totalsByKey({ workspaceId: workspace.id, ...query.range }),
  ]);
  const summaries = summarizeKeys(byKey);
  const shown = summaries.slice((query.page - 1) * KEYS_PER_PAGE, query.page * KEYS_PER_PAGE);
  const names = shown.length ? await listKeyNames(getDb(), workspace.id, shown.map((key) => key.keyId)) : new Map<string, { name: string; revoked: boolean }>();
  return (
    <UsagePageView
      query={query}
      series={toSeries(byBucket, query.range)}
      outcomes={outcomeTotals(byKey)}
      keys={shown.map((key) => ({ ...key, name: names.get(key.keyId)?.name ?? "Unknown key", revoked: names.get(key.keyId)?.revoked ?? false }))}
      keyCount={summaries.length}
    />
  );
}
