// Every change to API keys. Each runs in one transaction with its audit event and, for changes
// that can stop a key from working, the NOTIFY that evicts it from every server's cache; after
// commit this process's cache forgets it at once (README "Architecture").
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { apiKeyListColumns, type ApiKeyListItem, type CreatedApiKey } from "@/db/queries/api-keys";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { getKeyCache } from "@/lib/keys/cache";
import { displayParts, generateKey, type KeyType } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { KEY_CHANGED_CHANNEL } from "@/lib/keys/invalidation";
import type { Actor } from "./actor";

export type CreateApiKeyResult =
  | { ok: true; created: CreatedApiKey }
  | { ok: false; reason: "name_taken" }
  | { ok: false; reason: "limit_reached"; limit: number };

const live = (workspaceId: string) => and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt));

/**
 * Creates a key and returns its plaintext: the only time it exists outside the holder's hands.
 * Only the SHA-256 and the display parts are stored.
 */
export async function createApiKey(
  actor: Actor,
  input: {
    workspaceId: string;
    type: KeyType;
    name: string;
    description: string | null;
    /** Live keys the workspace may hold; MAX_KEYS_PER_WORKSPACE by default. */
    maxKeys?: number;
  },
): Promise<CreateApiKeyResult> {
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
          createdByUserId: actor.type === "user" ? actor.id : null,
          createdByEmail: creatorLabel(actor),
        })
        .returning(apiKeyListColumns);
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: "api_key.created",
        target: { type: "api_key", id: apiKey!.id, label: apiKey!.name },
        metadata: { type: input.type, description: input.description, masked: `${start}…${end}` },
      });
      return { ok: true, created: { secret, apiKey: apiKey! } };
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_keys_workspace_live_name_key")) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

/** Disables or enables a live key of the workspace; null when there is no such key. */
export async function setApiKeyStatus(actor: Actor, input: { workspaceId: string; keyId: string; status: "active" | "disabled" }) {
  return changeKey(actor, input.workspaceId, input.keyId, { status: input.status });
}

/** Revokes (soft-deletes) a live key of the workspace; null when there is no such key. */
export async function revokeApiKey(actor: Actor, input: { workspaceId: string; keyId: string }) {
  return changeKey(actor, input.workspaceId, input.keyId, { revokedAt: sql`now()` });
}

// Every change that can stop a key from working goes through here: the update, its audit event
// and the NOTIFY to other servers commit together, then this process's cache forgets the key.
async function changeKey(
  actor: Actor,
  workspaceId: string,
  keyId: string,
  changes: Partial<{ status: "active" | "disabled"; revokedAt: ReturnType<typeof sql> }>,
): Promise<ApiKeyListItem | null> {
  const result = await getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ status: apiKeys.status })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), live(workspaceId)))
      .for("update");
    if (!before) return null;
    const [row] = await tx
      .update(apiKeys)
      .set(changes)
      .where(and(eq(apiKeys.id, keyId), live(workspaceId)))
      .returning({ ...apiKeyListColumns, hash: apiKeys.hash });
    if (!row) return null;
    const action = changes.revokedAt ? "api_key.revoked" : row.status === "active" ? "api_key.enabled" : "api_key.disabled";
    // Toggling to the state a key is already in changes nothing and records nothing.
    if (changes.revokedAt || before.status !== row.status) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action,
        target: { type: "api_key", id: row.id, label: row.name },
        metadata: changes.revokedAt ? {} : { before: { status: before.status }, after: { status: row.status } },
      });
    }
    await notifyKeyChanged(tx, row.hash);
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

/** "Created by" as the list shows it: the person's email, or the key that created this one. */
function creatorLabel(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return actor.email;
    case "api_key":
      return `API key ${actor.name}`;
    case "system":
      return actor.name;
    case "anonymous":
      return "unknown";
  }
}
