// API keys as the dashboard reads them: plain data access, never the hash or the secret.
// Every change to keys is in lib/services/api-keys.ts.
import { and, desc, eq, ilike, isNull } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { creditsOf, type KeyCredits } from "@/lib/keys/limits";
import { afterCursor, newestFirst, page, type Cursor } from "@/lib/pagination";

export const apiKeyListColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  description: apiKeys.description,
  type: apiKeys.type,
  start: apiKeys.start,
  end: apiKeys.end,
  status: apiKeys.status,
  createdAt: apiKeys.createdAt,
  createdByType: apiKeys.createdByType,
  createdByUserId: apiKeys.createdByUserId,
  createdByKeyId: apiKeys.createdByKeyId,
  createdByLabel: apiKeys.createdByLabel,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
  allowedOrigins: apiKeys.allowedOrigins,
  allowedAgents: apiKeys.allowedAgents,
  allowTransientAgents: apiKeys.allowTransientAgents,
  permissions: apiKeys.permissions,
  allowedIps: apiKeys.allowedIps,
  rolledToId: apiKeys.rolledToId,
  updatedAt: apiKeys.updatedAt,
  rateLimitPerSecond: apiKeys.rateLimitPerSecond,
  rateLimitBurst: apiKeys.rateLimitBurst,
  creditsRemaining: apiKeys.creditsRemaining,
  creditsRefillAmount: apiKeys.creditsRefillAmount,
  creditsRefillInterval: apiKeys.creditsRefillInterval,
  creditsRefilledAt: apiKeys.creditsRefilledAt,
};

/** The workspace's live keys, newest first. */
export async function listApiKeys(db: Database | Transaction, workspaceId: string) {
  return db
    .select(apiKeyListColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];

/** One live key of the workspace, or null. */
export async function findApiKey(db: Database | Transaction, workspaceId: string, id: string) {
  const [row] = await db
    .select(apiKeyListColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

/**
 * The credits a key spends, as they stand now: its own, or for a key in its grace period after
 * a roll, its successor's (lib/services/credits.ts spends the same balance). null: unlimited.
 */
export async function findSpendingCredits(db: Database | Transaction, workspaceId: string, keyId: string): Promise<KeyCredits | null> {
  let id: string | null = keyId;
  // A few hops at most: a key rolled again during its predecessor's grace period.
  for (let hop = 0; id && hop < 8; hop++) {
    const [row] = await db
      .select({ rolledToId: apiKeys.rolledToId, ...creditColumnsOf })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)));
    if (!row) return null;
    if (!row.rolledToId) return creditsOf(row);
    id = row.rolledToId;
  }
  return null;
}

const creditColumnsOf = {
  creditsRemaining: apiKeys.creditsRemaining,
  creditsRefillAmount: apiKeys.creditsRefillAmount,
  creditsRefillInterval: apiKeys.creditsRefillInterval,
  creditsRefilledAt: apiKeys.creditsRefilledAt,
};

/** A key just created, with its plaintext: returned once by lib/services/api-keys.ts. */
export type CreatedApiKey = { secret: string; apiKey: ApiKeyListItem };

export type ApiKeyFilters = { status?: "active" | "disabled"; type?: "private" | "public"; search?: string };

/** One page of the workspace's live keys, newest first, filtered by status, type and name. */
export async function listApiKeysPage(db: Database | Transaction, workspaceId: string, options: ApiKeyFilters & { cursor?: Cursor | null; limit: number }) {
  const rows = await db
    .select(apiKeyListColumns)
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        isNull(apiKeys.revokedAt),
        options.status ? eq(apiKeys.status, options.status) : undefined,
        options.type ? eq(apiKeys.type, options.type) : undefined,
        options.search ? ilike(apiKeys.name, `%${escapeLike(options.search)}%`) : undefined,
        afterCursor(options.cursor ?? null, apiKeys),
      ),
    )
    .orderBy(...newestFirst(apiKeys))
    .limit(options.limit + 1);
  return page(rows, options.limit);
}

/** `text` matched literally by LIKE: its % and _ are not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
