import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { apiKeys } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getKeyCache } from "@/lib/keys/cache";
import { displayParts, generateKey, type KeyType } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { KEY_CHANGED_CHANNEL } from "@/lib/keys/invalidation";

// What the dashboard may see of a key: never its hash, never its secret.
const listColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  description: apiKeys.description,
  type: apiKeys.type,
  start: apiKeys.start,
  end: apiKeys.end,
  status: apiKeys.status,
  createdAt: apiKeys.createdAt,
  createdByEmail: apiKeys.createdByEmail,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
};

const live = (workspaceId: string) => and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt));

/** The workspace's live keys, newest first. */
export async function listApiKeys(workspaceId: string) {
  return getDb().select(listColumns).from(apiKeys).where(live(workspaceId)).orderBy(desc(apiKeys.createdAt));
}

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];

export type CreatedApiKey = { secret: string; apiKey: ApiKeyListItem };

export type CreateApiKeyResult =
  | { ok: true; created: CreatedApiKey }
  | { ok: false; reason: "name_taken" }
  | { ok: false; reason: "limit_reached"; limit: number };

/**
 * Creates a key and returns its plaintext: the only time it exists outside the holder's hands.
 * Only the SHA-256 and the display parts are stored.
 */
export async function createApiKey(input: {
  workspaceId: string;
  type: KeyType;
  name: string;
  description: string | null;
  createdBy: { id: string; email: string };
  /** Live keys the workspace may hold; MAX_KEYS_PER_WORKSPACE by default. */
  maxKeys?: number;
}): Promise<CreateApiKeyResult> {
  const secret = generateKey(input.type);
  const { start, end } = displayParts(secret);
  const limit = input.maxKeys ?? getEnv().MAX_KEYS_PER_WORKSPACE;
  try {
    return await getDb().transaction(async (tx): Promise<CreateApiKeyResult> => {
      // One creation per workspace at a time, so that parallel ones cannot overshoot the limit.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.workspaceId}))`);
      const [counted] = await tx.select({ n: count() }).from(apiKeys).where(live(input.workspaceId));
      if (counted!.n >= limit) return { ok: false, reason: "limit_reached", limit };
      const [apiKey] = await tx
        .insert(apiKeys)
        .values({
          workspaceId: input.workspaceId,
          type: input.type,
          name: input.name,
          description: input.description,
          hash: hashKey(secret),
          start,
          end,
          createdByUserId: input.createdBy.id,
          createdByEmail: input.createdBy.email,
        })
        .returning(listColumns);
      return { ok: true, created: { secret, apiKey: apiKey! } };
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_keys_workspace_live_name_key")) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

/** Disables or enables a live key of the workspace; null when there is no such key. */
export async function setApiKeyStatus(workspaceId: string, keyId: string, status: "active" | "disabled") {
  return changeKey(workspaceId, keyId, { status });
}

/** Revokes (soft-deletes) a live key of the workspace; null when there is no such key. */
export async function revokeApiKey(workspaceId: string, keyId: string) {
  return changeKey(workspaceId, keyId, { revokedAt: sql`now()` });
}

// Every change that can stop a key from working goes through here: the update and the NOTIFY
// to other servers commit together, then this process's cache forgets the key at once.
async function changeKey(
  workspaceId: string,
  keyId: string,
  changes: Partial<{ status: "active" | "disabled"; revokedAt: ReturnType<typeof sql> }>,
): Promise<ApiKeyListItem | null> {
  const result = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set(changes)
      .where(and(eq(apiKeys.id, keyId), live(workspaceId)))
      .returning({ ...listColumns, hash: apiKeys.hash });
    if (row) await notifyKeyChanged(tx, row.hash);
    return row;
  });
  if (!result) return null;
  getKeyCache().invalidate(result.hash);
  const { hash: _hash, ...apiKey } = result;
  return apiKey;
}

async function notifyKeyChanged(tx: Transaction, hash: string) {
  await tx.execute(sql`select pg_notify(${KEY_CHANGED_CHANNEL}, ${hash})`);
}
