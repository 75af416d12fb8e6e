// The usage store on PostgreSQL (lib/usage/store.ts): hourly buckets in key_usage and the latest
// refused requests per key in key_rejections. Like key-verification.ts it runs in the API process
// too, so it does not import `server-only`.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { keyUsage, keyUsageDaily } from "@/db/schema";
import { REJECTED_REQUESTS_PER_KEY } from "@/lib/usage/recorder";
import type { UsageOutcome } from "@/lib/usage/outcomes";
import type { Granularity, RejectedRequest, UsageBatch, UsageQuery, UsageRow, UsageStore } from "@/lib/usage/store";

export function postgresUsageStore(db: Database): UsageStore {
  return {
    async record(batch: UsageBatch) {
      // Counts and "last used" in one statement. Lists travel as comma-separated parameters, not
      // one parameter per value: a flush can hold more rows than PostgreSQL's 65,535 parameters.
      // The workspace comes from the key's row, and a key that no longer exists is skipped.
      const { counts, lastUsed, rejected } = batch;
      await db.execute(sql`
        with v as (
          select k.workspace_id, v.key_id, to_timestamp(v.epoch) as bucket_start, v.outcome, v.count
          from unnest(
            string_to_array(${counts.map((c) => c.keyId).join(",")}, ',')::uuid[],
            string_to_array(${counts.map((c) => c.bucketStart.getTime() / 1000).join(",")}, ',')::bigint[],
            string_to_array(${counts.map((c) => c.outcome).join(",")}, ','),
            string_to_array(${counts.map((c) => c.count).join(",")}, ',')::bigint[]
          ) as v(key_id, epoch, outcome, count)
          join api_keys k on k.id = v.key_id
        ), hourly as (
          insert into key_usage (workspace_id, api_key_id, bucket_start, outcome, count)
          select workspace_id, key_id, bucket_start, outcome, count from v
          on conflict (api_key_id, bucket_start, outcome) do update set count = key_usage.count + excluded.count
        ), daily as (
          -- Two hours of one day in one flush are one row here: an upsert may touch a row once.
          insert into key_usage_daily (workspace_id, api_key_id, bucket_start, outcome, count)
          select workspace_id, key_id, date_trunc('day', bucket_start, 'UTC'), outcome, sum(count) from v group by 1, 2, 3, 4
          on conflict (api_key_id, bucket_start, outcome) do update set count = key_usage_daily.count + excluded.count
        )
        update api_keys set last_used_at = greatest(api_keys.last_used_at, u.at)
        from unnest(
          string_to_array(${lastUsed.map((u) => u.keyId).join(",")}, ',')::uuid[],
          string_to_array(${lastUsed.map((u) => u.at.toISOString()).join(",")}, ',')::timestamptz[]
        ) as u(id, at)
        where api_keys.id = u.id`);
      if (rejected.length > 0) await recordRejected(db, rejected);
    },

    async query({ workspaceId, keyIds, from, to, granularity }: UsageQuery): Promise<UsageRow[]> {
      const rows = await db.execute<RawRow>(sql`
        select api_key_id as key_id, bucket_start, outcome, count
        from ${bucketsOf(granularity)}
        where workspace_id = ${workspaceId} and bucket_start >= ${from.toISOString()} and bucket_start < ${to.toISOString()} ${keysFilter(keyIds)}
        order by bucket_start, api_key_id, outcome`);
      return rows.map(toUsageRow);
    },

    async totalsByBucket({ workspaceId, keyIds, from, to, granularity }: UsageQuery) {
      const rows = await db.execute<Omit<RawRow, "key_id">>(sql`
        select bucket_start, outcome, sum(count) as count
        from ${bucketsOf(granularity)}
        where workspace_id = ${workspaceId} and bucket_start >= ${from.toISOString()} and bucket_start < ${to.toISOString()} ${keysFilter(keyIds)}
        group by 1, 2
        order by 1, 2`);
      return rows.map((row) => ({ bucketStart: new Date(row.bucket_start), outcome: row.outcome, count: Number(row.count) }));
    },

    async totalsByKey({ workspaceId, keyIds, from, to, granularity }: UsageQuery) {
      const rows = await db.execute<Omit<RawRow, "bucket_start">>(sql`
        select api_key_id as key_id, outcome, sum(count) as count
        from ${bucketsOf(granularity)}
        where workspace_id = ${workspaceId} and bucket_start >= ${from.toISOString()} and bucket_start < ${to.toISOString()} ${keysFilter(keyIds)}
        group by 1, 2`);
      return rows.map((row) => ({ keyId: row.key_id, outcome: row.outcome, count: Number(row.count) }));
    },
  };
}

/** Hours are read from key_usage, days from key_usage_daily (a 24th of the rows). */
const bucketsOf = (granularity: Granularity) => (granularity === "day" ? keyUsageDaily : keyUsage);

const keysFilter = (keyIds: string[] | undefined) => (keyIds ? sql`and api_key_id = any(string_to_array(${keyIds.join(",")}, ',')::uuid[])` : sql``);

type RawRow = { key_id: string; bucket_start: string | Date; outcome: UsageOutcome; count: string | number };

function toUsageRow(row: RawRow): UsageRow {
  return { keyId: row.key_id, bucketStart: new Date(row.bucket_start), outcome: row.outcome, count: Number(row.count) };
}

/** Adds refused requests, then trims each of their keys back to its latest REJECTED_REQUESTS_PER_KEY. */
async function recordRejected(db: Database, rejected: RejectedRequest[]) {
  // JSON, since these are free text (user agents hold commas); the recorder removed control characters.
  const rows = JSON.stringify(
    rejected.map((r) => ({ key_id: r.keyId, at: r.at, outcome: r.outcome, ip: r.ip, origin: r.origin, path: r.path, user_agent: r.userAgent })),
  );
  const keyIds = [...new Set(rejected.map((r) => r.keyId))].join(",");
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into key_rejections (workspace_id, api_key_id, at, outcome, ip, origin, path, user_agent)
      select k.workspace_id, r.key_id, r.at, r.outcome, r.ip, r.origin, r.path, r.user_agent
      from jsonb_to_recordset(${rows}::jsonb)
        as r(key_id uuid, at timestamptz, outcome text, ip text, origin text, path text, user_agent text)
      join api_keys k on k.id = r.key_id`);
    await tx.execute(sql`
      delete from key_rejections where id in (
        select id from (
          select id, row_number() over (partition by api_key_id order by at desc, id desc) as newer
          from key_rejections where api_key_id = any(string_to_array(${keyIds}, ',')::uuid[])
        ) ranked
        where newer > ${REJECTED_REQUESTS_PER_KEY})`);
  });
}

export type RejectedRequestRow = Omit<RejectedRequest, "workspaceId" | "keyId">;

/** A key's latest refused requests, newest first (its workspace checked). */
export async function listRejectedRequests(db: Database, workspaceId: string, keyId: string, limit = REJECTED_REQUESTS_PER_KEY): Promise<RejectedRequestRow[]> {
  const rows = await db.execute<{ at: string | Date; outcome: UsageOutcome; ip: string | null; origin: string | null; path: string; user_agent: string | null }>(sql`
    select at, outcome, ip, origin, path, user_agent from key_rejections
    where workspace_id = ${workspaceId} and api_key_id = ${keyId}
    order by at desc, id desc
    limit ${limit}`);
  return rows.map((row) => ({ at: new Date(row.at), outcome: row.outcome, ip: row.ip, origin: row.origin, path: row.path, userAgent: row.user_agent }));
}

/** Whether `keyId` is a key of the workspace, revoked keys included (their usage stays readable). */
export async function isWorkspaceKey(db: Database, workspaceId: string, keyId: string) {
  const rows = await db.execute(sql`select 1 from api_keys where id = ${keyId} and workspace_id = ${workspaceId}`);
  return rows.length > 0;
}

/** Names of a workspace's keys (revoked ones too, marked), for tables of usage; all of them without `keyIds`. */
export async function listKeyNames(db: Database, workspaceId: string, keyIds?: string[]) {
  const rows = await db.execute<{ id: string; name: string; revoked: boolean }>(sql`
    select id, name, revoked_at is not null as revoked from api_keys
    where workspace_id = ${workspaceId} ${keyIds ? sql`and id = any(string_to_array(${keyIds.join(",")}, ',')::uuid[])` : sql``}`);
  return new Map(rows.map((row) => [row.id, { name: row.name, revoked: row.revoked }]));
}
