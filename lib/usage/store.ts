// Where usage lives: one small interface, so that the PostgreSQL buckets (db/queries/usage.ts)
// can give way to a column store when a workspace outgrows them (README "Usage").
import { getDb } from "@/db/client";
import { postgresUsageStore } from "@/db/queries/usage";
import type { UsageOutcome } from "./outcomes";

export type Granularity = "hour" | "day";

/** One counter: `count` requests with `outcome` for a key in the hour starting at `bucketStart` (UTC). */
export type UsageCount = { workspaceId: string; keyId: string; bucketStart: Date; outcome: UsageOutcome; count: number };

/** A refused request, as the key's detail page lists it. Never any key material. */
export type RejectedRequest = {
  workspaceId: string;
  keyId: string;
  at: Date;
  outcome: UsageOutcome;
  ip: string | null;
  origin: string | null;
  /** Path only, without the query string. */
  path: string;
  userAgent: string | null;
};

/** What one flush writes: counts, each key's latest valid use, and refused requests. */
export type UsageBatch = {
  counts: UsageCount[];
  lastUsed: { keyId: string; at: Date }[];
  rejected: RejectedRequest[];
};

export type UsageQuery = {
  workspaceId: string;
  /** Only these keys; absent: every key of the workspace. */
  keyIds?: string[];
  /** Buckets (of `granularity`) starting at or after `from` and before `to`: a day that starts before `to` counts whole. */
  from: Date;
  to: Date;
  granularity: Granularity;
};

export type UsageRow = { keyId: string; bucketStart: Date; outcome: UsageOutcome; count: number };

/** Every key added up: the workspace's requests per bucket and outcome. */
export type BucketTotal = { bucketStart: Date; outcome: UsageOutcome; count: number };

/** Every bucket of the range added up: each key's requests per outcome. */
export type KeyTotal = { keyId: string; outcome: UsageOutcome; count: number };

export interface UsageStore {
  /** Adds a flush's counts to their buckets (and writes "last used" and the refused requests). */
  record(batch: UsageBatch): Promise<void>;
  /** Counts per key, bucket and outcome, oldest bucket first. */
  query(query: UsageQuery): Promise<UsageRow[]>;
  /** The same range summed over keys (a workspace's chart), oldest bucket first. */
  totalsByBucket(query: UsageQuery): Promise<BucketTotal[]>;
  /** The same range summed over buckets (a table of keys). */
  totalsByKey(query: UsageQuery): Promise<KeyTotal[]>;
}

let store: UsageStore | undefined;

/** The store of this process: PostgreSQL's hourly buckets. A column store would be chosen here. */
export function getUsageStore(): UsageStore {
  return (store ??= postgresUsageStore(getDb()));
}
