// Usage rows for benchmarks, written by PostgreSQL itself: `rows` hourly buckets spread over the
// given keys and the last 30 days, about three in four `valid` and the rest refusals, as a
// workspace with a busy minority of keys would have. Returns how many rows it wrote.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export async function seedUsageRows(db: Database, workspaceId: string, keyIds: string[], rows: number): Promise<number> {
  const hours = 30 * 24;
  // Each (key, hour) gets `valid` and, for one in three, a refusal too: ~1.33 rows per key-hour.
  const keysNeeded = Math.min(keyIds.length, Math.ceil(rows / (hours * (4 / 3))));
  const ids = keyIds.slice(0, keysNeeded).join(",");
  await db.execute(sql`
    insert into key_usage (workspace_id, api_key_id, bucket_start, outcome, count)
    select ${workspaceId}::uuid, k.id, date_trunc('hour', now()) - make_interval(hours => h), o.outcome, 1 + ((h * 7 + k.n) % 50)
    from unnest(string_to_array(${ids}, ',')::uuid[]) with ordinality as k(id, n)
    cross join generate_series(0, ${hours - 1}) as h
    cross join lateral (
      select 'valid' as outcome
      union all
      select (array['disabled', 'ip_not_allowed', 'rate_limited', 'forbidden'])[1 + (h + k.n) % 4] where (h + k.n) % 3 = 0
    ) as o
    limit ${rows}
    on conflict do nothing`);
  await db.execute(sql`
    insert into key_usage_daily (workspace_id, api_key_id, bucket_start, outcome, count)
    select workspace_id, api_key_id, date_trunc('day', bucket_start, 'UTC'), outcome, sum(count) from key_usage
    where workspace_id = ${workspaceId} group by 1, 2, 3, 4
    on conflict (api_key_id, bucket_start, outcome) do update set count = excluded.count`);
  await db.execute(sql`analyze key_usage`);
  await db.execute(sql`analyze key_usage_daily`);
  const [row] = await db.execute<{ n: string }>(sql`select count(*) as n from key_usage where workspace_id = ${workspaceId}`);
  return Number(row!.n);
}
