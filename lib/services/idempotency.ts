// The records behind Idempotency-Key on POST /api/v1 (README "Idempotency"): one row per calling
// key (and, for a public key, client address) and Idempotency-Key, claimed when a request starts
// and completed with its response. They record
// requests, not changes to a workspace's data, so they carry no audit event; the change a request
// makes is audited by its own service.
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

const KEEP_FOR = "24 hours";
// A claim whose request never finished (its server died) is free again after this.
const ABANDONED_AFTER = "2 minutes";

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;
/** Whose record: the workspace, the calling key, the client's address for a public key ("" else). */
export type Slot = { workspaceId: string; apiKeyId: string; clientIp: string; key: string };

const slot = (input: Slot) =>
  and(
    eq(idempotencyKeys.workspaceId, input.workspaceId),
    eq(idempotencyKeys.apiKeyId, input.apiKeyId),
    eq(idempotencyKeys.clientIp, input.clientIp),
    eq(idempotencyKeys.key, input.key),
  );

/** Takes the key for a request: a new row, or one expired or abandoned. False when it is held. */
export async function claimIdempotencyKey(input: Slot & { fingerprint: string }): Promise<boolean> {
  const rows = await getDb()
    .insert(idempotencyKeys)
    .values({ workspaceId: input.workspaceId, apiKeyId: input.apiKeyId, clientIp: input.clientIp, key: input.key, fingerprint: input.fingerprint })
    .onConflictDoUpdate({
      target: [idempotencyKeys.workspaceId, idempotencyKeys.apiKeyId, idempotencyKeys.clientIp, idempotencyKeys.key],
      set: { fingerprint: input.fingerprint, createdAt: sql`now()`, completedAt: null, responseStatus: null, responseBody: null, withheldKeyId: null },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - ${KEEP_FOR}::interval
        or (${idempotencyKeys.completedAt} is null and ${idempotencyKeys.createdAt} < now() - ${ABANDONED_AFTER}::interval)`,
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function findIdempotencyKey(input: Slot): Promise<IdempotencyRecord | null> {
  const [row] = await getDb().select().from(idempotencyKeys).where(slot(input));
  return row ?? null;
}

/** Keeps a finished request's response for replays (or, for a key's secret, only the key's id). */
export async function completeIdempotencyKey(
  input: Slot & { status: number; body: string | null; withheldKeyId: string | null },
): Promise<void> {
  await getDb()
    .update(idempotencyKeys)
    .set({ completedAt: sql`now()`, responseStatus: input.status, responseBody: input.body, withheldKeyId: input.withheldKeyId })
    .where(slot(input));
}

/** Frees the key after a failure on our side, so that the client may retry under it. */
export async function releaseIdempotencyKey(input: Slot): Promise<void> {
  await getDb().delete(idempotencyKeys).where(slot(input));
}

/** Forgets keys older than 24 hours; the API's periodic sweep calls it. */
export async function purgeIdempotencyKeys(): Promise<void> {
  await getDb().delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - ${KEEP_FOR}::interval`));
}
