// Settings → API Keys: one keyset page of the workspace's keys, searched by name, filtered and
// sorted on the server (README "Lists"). Every sort has an index of its own among live keys
// (drizzle/0010_list_indexes.sql), with the id as tiebreaker.
import { and, eq, gt, ilike, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { UNUSED_AFTER_DAYS } from "@/lib/keys/describe";
import { EXPIRING_SOON_DAYS, type ApiKeyListQuery } from "@/lib/lists/api-keys";
import { decodeListCursor } from "@/lib/lists/cursor";
import { apiKeyListColumns } from "./api-keys";
import { escapeLike, keysetPage, pageRequest, sortKeyText, type KeysetSort } from "./keyset";

const DAY_MS = 86_400_000;

/** The sort keys, each matching an index of drizzle/0010 (expressions and all). */
const sortKeys: Record<ApiKeyListQuery["sort"], Pick<KeysetSort, "key" | "keyType">> = {
  created: { key: apiKeys.createdAt, keyType: "timestamptz" },
  // Never-used keys sort as the least recently used.
  last_used: { key: sql`coalesce(${apiKeys.lastUsedAt}, '-infinity'::timestamptz)`, keyType: "timestamptz" },
  name: { key: sql`lower(${apiKeys.name})`, keyType: "text" },
};

function filters(workspaceId: string, query: ApiKeyListQuery, now: Date): SQL | undefined {
  return and(
    eq(apiKeys.workspaceId, workspaceId),
    // Revoked keys leave the list; only the Revoked filter shows them.
    query.status === "revoked" ? isNotNull(apiKeys.revokedAt) : isNull(apiKeys.revokedAt),
    query.status === "active" || query.status === "disabled" ? eq(apiKeys.status, query.status) : undefined,
    query.type ? eq(apiKeys.type, query.type) : undefined,
    query.q ? ilike(apiKeys.name, `%${escapeLike(query.q)}%`) : undefined,
    query.expiring ? and(gt(apiKeys.expiresAt, now), lte(apiKeys.expiresAt, new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS))) : undefined,
    // As the "Unused 30+ days" badge reads it (lib/keys/describe.ts): a rolled key is on its way out.
    query.unused
      ? and(
          isNull(apiKeys.rolledToId),
          // A raw expression takes no Date parameter (postgres-js): the time goes as ISO text.
          sql`coalesce(${apiKeys.lastUsedAt}, ${apiKeys.createdAt}) < ${new Date(now.getTime() - UNUSED_AFTER_DAYS * DAY_MS).toISOString()}::timestamptz`,
        )
      : undefined,
  );
}

export async function listApiKeyPage(db: Database | Transaction, workspaceId: string, query: ApiKeyListQuery, now = new Date()) {
  const sort: KeysetSort = { ...sortKeys[query.sort], id: apiKeys.id, idType: "uuid", desc: query.dir === "desc" };
  const where = filters(workspaceId, query, now);
  return keysetPage({
    sort,
    request: pageRequest(query, decodeListCursor),
    rows: (keyset, orderBy, limit) =>
      db
        .select({ ...apiKeyListColumns, revokedAt: apiKeys.revokedAt, leakedAt: apiKeys.leakedAt, sortKey: sortKeyText(sort) })
        .from(apiKeys)
        .where(and(where, keyset))
        .orderBy(...orderBy)
        .limit(limit),
    count: (counts) => db.select(counts).from(apiKeys).where(where),
  });
}

export type ApiKeyPage = Awaited<ReturnType<typeof listApiKeyPage>>;
export type ApiKeyPageRow = ApiKeyPage["rows"][number];
