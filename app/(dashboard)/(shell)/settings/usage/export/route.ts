// GET /settings/usage/export?…: the usage page's totals as CSV, one row per key and outcome over
// the page's range (the same query string), busiest key first.
import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { listKeyNames } from "@/db/queries/usage";
import { neutralizeFormula } from "@/lib/audit/csv";
import { getSessionContext } from "@/lib/auth/session";
import { parseUsagePageQuery } from "@/lib/usage/page-query";
import { getUsageStore } from "@/lib/usage/store";
import { summarizeKeys } from "@/lib/usage/summary";

const USAGE_CSV_COLUMNS = ["key_id", "key_name", "outcome", "count", "from", "to"] as const;

export async function GET(request: Request) {
  const context = await getSessionContext();
  if (!context) return Response.json({ error: { code: "unauthorized", message: "Sign in to export usage." } }, { status: 401 });
  if (context.secondFactorMissing) return Response.json({ error: { code: "forbidden", message: "This workspace requires two-factor sign-in. Set it up in Settings → Account first." } }, { status: 403 });
  const query = parseUsagePageQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (Object.keys(query.errors).length > 0) {
    return Response.json({ error: { code: "invalid_request", message: "Check the range.", details: query.errors } }, { status: 400 });
  }
  const { from, to } = query.range;
  const totals = await getUsageStore().totalsByKey({ workspaceId: context.workspace.id, ...query.range });
  const names = await listKeyNames(getDb(), context.workspace.id);
  const order = new Map(summarizeKeys(totals).map((key, index) => [key.keyId, index]));
  const rows = totals
    .toSorted((a, b) => order.get(a.keyId)! - order.get(b.keyId)! || a.outcome.localeCompare(b.outcome))
    .map((row) => ({ key_id: row.keyId, key_name: names.get(row.keyId)?.name ?? "", outcome: row.outcome, count: row.count, from: from.toISOString(), to: to.toISOString() }));
  const csv = stringify(rows, { header: true, columns: [...USAGE_CSV_COLUMNS], cast: { string: neutralizeFormula } });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="usage-${from.toISOString().slice(0, 10)}-to-${to.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
