// Key hygiene: a workspace may choose to disable keys nobody has used for N days. Every server
// sweeps now and then; disabling is idempotent (a key already disabled records nothing), so two
// servers sweeping at once do no harm. Each key disabled is one audit event, by the system.
import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { logError } from "@/lib/server/error-log";
import type { UserActor } from "./actor";
import { setApiKeyStatus } from "./api-keys";

export const UNUSED_DAYS_RANGE = { min: 7, max: 365 } as const;

/** Sets (or, with null, clears) the workspace's "disable keys unused for N days" setting. */
export async function setUnusedKeyPolicy(actor: UserActor, input: { workspaceId: string; days: number | null }) {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ days: workspaces.disableUnusedKeysAfterDays })
      .from(workspaces)
      .where(eq(workspaces.id, input.workspaceId))
      .for("update");
    if (!before) return false;
    if (before.days === input.days) return true;
    await tx.update(workspaces).set({ disableUnusedKeysAfterDays: input.days }).where(eq(workspaces.id, input.workspaceId));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "workspace.updated",
      target: { type: "workspace", id: input.workspaceId, label: null },
      metadata: { before: { disableUnusedKeysAfterDays: before.days }, after: { disableUnusedKeysAfterDays: input.days } },
    });
    return true;
  });
}

/** Disables the active keys that their workspace's setting says are unused for too long. */
export async function disableUnusedKeys(limit = 500): Promise<number> {
  const due = await getDb()
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, days: workspaces.disableUnusedKeysAfterDays })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(
      and(
        isNotNull(workspaces.disableUnusedKeysAfterDays),
        eq(apiKeys.status, "active"),
        isNull(apiKeys.revokedAt),
        lt(sql`coalesce(${apiKeys.lastUsedAt}, ${apiKeys.createdAt})`, sql`now() - make_interval(days => ${workspaces.disableUnusedKeysAfterDays})`),
      ),
    )
    .limit(limit);
  let disabled = 0;
  for (const key of due) {
    const actor = { type: "system" as const, name: `Key hygiene (unused for ${key.days} days)` };
    if (await setApiKeyStatus(actor, { workspaceId: key.workspaceId, keyId: key.id, status: "disabled" })) disabled++;
  }
  return disabled;
}

/** Sweeps every `intervalMs` in the background of a server; `stop()` ends it. */
export function startHygieneSweeper(intervalMs = 10 * 60_000) {
  const timer = setInterval(() => {
    disableUnusedKeys().catch((error: unknown) => logError("hygiene", error, "sweep failed"));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
