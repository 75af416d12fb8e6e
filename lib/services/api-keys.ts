// Every change to API keys. Each runs in one transaction with its audit event and, for changes
// that affect how a key verifies, the NOTIFY that evicts it from every server's cache; after
// commit this process's cache forgets it at once (README "Architecture"). Such a change returns
// its change id, for which the adapter may await the servers' acks (lib/keys/propagation.ts).
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { apiKeyListColumns, type ApiKeyListItem, type CreatedApiKey } from "@/db/queries/api-keys";
import { agents, apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { currentServerId } from "@/lib/cluster/registry";
import { getEnv } from "@/lib/env";
import { getKeyCache } from "@/lib/keys/cache";
import { displayParts, generateKey, type KeyType } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { KEY_CHANGED_CHANNEL, keyChangePayload } from "@/lib/keys/invalidation";
import { creditColumns, creditsOf, DEFAULT_RATE_LIMIT, rateLimitColumns, rateLimitOf } from "@/lib/keys/limits";
import type { KeyPolicy } from "@/lib/keys/policy";
import { trackChange } from "@/lib/keys/propagation";
import { SCOPE_PRESETS } from "@/lib/keys/scopes";
import type { Actor } from "./actor";

export type CreateApiKeyResult =
  | { ok: true; created: CreatedApiKey }
  | { ok: false; reason: "name_taken" | "unknown_agents" }
  | { ok: false; reason: "limit_reached"; limit: number };

/**
 * What a new key gets for what its creator left out: no restrictions (private keys as they were
 * before policies existed), unlimited calls, and the default rate limit, which every new key has
 * unless it asks for another or none (`rateLimit: null`, as benchmarks and bulk tests do).
 */
export const OPEN_POLICY: KeyPolicy = {
  allowedOrigins: [],
  allowedAgents: [],
  allowTransientAgents: false,
  permissions: SCOPE_PRESETS.full_access,
  allowedIps: [],
  expiresAt: null,
  rateLimit: DEFAULT_RATE_LIMIT,
  credits: null,
};

const live = (workspaceId: string) => and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt));

/**
 * Creates a key and returns its plaintext: the only time it exists outside the holder's hands.
 * Only the SHA-256 and the display parts are stored. The policy is already validated
 * (lib/keys/policy.ts); the agents it names must be agents of the workspace.
 */
export async function createApiKey(
  actor: Actor,
  input: {
    workspaceId: string;
    type: KeyType;
    name: string;
    description: string | null;
    policy?: Partial<KeyPolicy>;
    /** Live keys the workspace may hold; MAX_KEYS_PER_WORKSPACE by default. */
    maxKeys?: number;
  },
): Promise<CreateApiKeyResult> {
  const policy = { ...OPEN_POLICY, ...input.policy };
  const limit = input.maxKeys ?? getEnv().MAX_KEYS_PER_WORKSPACE;
  try {
    return await getDb().transaction(async (tx): Promise<CreateApiKeyResult> => {
      await lockWorkspaceKeys(tx, input.workspaceId);
      if ((await liveKeyCount(tx, input.workspaceId)) >= limit) return { ok: false, reason: "limit_reached", limit };
      if (!(await agentsExist(tx, input.workspaceId, policy.allowedAgents))) return { ok: false, reason: "unknown_agents" };
      const created = await insertKey(tx, actor, { ...input, policy });
      await recordAudit(tx, {
        workspaceId: input.workspaceId,
        actor,
        action: "api_key.created",
        target: { type: "api_key", id: created.apiKey.id, label: created.apiKey.name },
        metadata: { type: input.type, description: input.description, masked: `${created.apiKey.start}…${created.apiKey.end}`, policy: policyForAudit(policy) },
      });
      return { ok: true, created };
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_keys_workspace_live_name_key")) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

export type KeyChanges = Partial<{ name: string; description: string | null; status: "active" | "disabled" } & KeyPolicy>;

/** A rule the caller adds, checked against the locked row: what it refuses, per field (none: null). */
export type ChangeCheck = (before: ApiKeyListItem, after: ApiKeyListItem) => Record<string, string[]> | null;

export type UpdateApiKeyResult =
  /** changeId: null when nothing changed (and nothing was sent to the servers). */
  | { ok: true; apiKey: ApiKeyListItem; changeId: string | null }
  | { ok: false; reason: "not_found" | "name_taken" | "unknown_agents" | "origins_required" | "origins_on_private" | "ips_on_public" }
  | { ok: false; reason: "refused"; refused: Record<string, string[]> };

/**
 * Edits a live key's name, description, status and policy (never its type). Validated values
 * only; the rules that depend on the key's type are checked here against the stored type, and
 * `check` (the management API's power limits) against the row as it is, locked.
 */
export async function updateApiKey(
  actor: Actor,
  input: {
    workspaceId: string;
    keyId: string;
    changes: KeyChanges;
    check?: ChangeCheck;
    /**
     * The balance the editor was shown (a form). Credits sent with that same remaining keep the
     * balance as it now is, so saving a form does not give back the calls spent since it loaded.
     */
    creditsSeen?: number | null;
  },
): Promise<UpdateApiKeyResult> {
  try {
    const result = await getDb().transaction(async (tx): Promise<UpdateApiKeyResult & { hash?: string }> => {
      const [locked] = await tx
        .select({ ...apiKeyListColumns, hash: apiKeys.hash })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, input.keyId), live(input.workspaceId)))
        .for("update");
      if (!locked) return { ok: false, reason: "not_found" };
      const now = new Date();
      const { hash, ...stored } = locked;
      // Compared and audited as the key stands now: with a refill that is due counted in.
      const before = { ...stored, creditsRemaining: creditsOf(stored, now)?.remaining ?? null };
      const changes = { ...input.changes };
      if (changes.credits && before.creditsRemaining !== null && changes.credits.remaining === input.creditsSeen) {
        changes.credits = { ...changes.credits, remaining: before.creditsRemaining };
      }
      const columns = definedOnly(columnsOf(changes, now));
      const after = { ...before, ...columns };
      if (before.type === "public" && after.allowedOrigins.length === 0) return { ok: false, reason: "origins_required" };
      if (before.type === "private" && after.allowedOrigins.length > 0) return { ok: false, reason: "origins_on_private" };
      if (before.type === "public" && after.allowedIps.length > 0) return { ok: false, reason: "ips_on_public" };
      if (input.changes.allowedAgents && !(await agentsExist(tx, input.workspaceId, input.changes.allowedAgents))) {
        return { ok: false, reason: "unknown_agents" };
      }
      const refused = input.check?.(before, after);
      if (refused && Object.keys(refused).length > 0) return { ok: false, reason: "refused", refused };
      const changed: Partial<typeof after> = Object.fromEntries(
        Object.entries(columns).filter(([field, value]) => field !== "creditsRefilledAt" && !same(before[field as keyof typeof before], value)),
      );
      if (Object.keys(changed).length === 0) return { ok: true, apiKey: before, changeId: null };
      // A new balance or refill starts a period of its own: the whole balance is written, so a
      // refill that was due is not applied over it afterwards.
      if (CREDIT_FIELDS.some((field) => field in changed)) {
        Object.assign(changed, {
          creditsRemaining: after.creditsRemaining,
          creditsRefillAmount: after.creditsRefillAmount,
          creditsRefillInterval: after.creditsRefillInterval,
          creditsRefilledAt: after.creditsRemaining === null ? null : now,
        });
      }
      const [row] = await tx
        .update(apiKeys)
        .set({ ...changed, updatedAt: sql`now()` })
        .where(eq(apiKeys.id, input.keyId))
        .returning(apiKeyListColumns);
      const target = { type: "api_key" as const, id: row!.id, label: row!.name };
      // A status change reads in the log as the dashboard's switch does: enabled or disabled.
      const { status, creditsRefilledAt: _period, ...edited } = changed;
      if (status) {
        await recordAudit(tx, {
          workspaceId: input.workspaceId,
          actor,
          action: status === "active" ? "api_key.enabled" : "api_key.disabled",
          target,
          metadata: { before: { status: before.status }, after: { status } },
        });
      }
      if (Object.keys(edited).length > 0) {
        await recordAudit(tx, {
          workspaceId: input.workspaceId,
          actor,
          action: "api_key.updated",
          target,
          metadata: { before: auditValues(before, Object.keys(edited), now), after: auditValues(row!, Object.keys(edited), now) },
        });
      }
      const changeId = await notifyKeyChanged(tx, hash);
      return { ok: true, apiKey: row!, hash, changeId };
    });
    if (result.ok && result.hash) getKeyCache().invalidate(result.hash);
    if (!result.ok) return result;
    return { ok: true, apiKey: result.apiKey, changeId: result.changeId };
  } catch (error) {
    if (isUniqueViolation(error, "api_keys_workspace_live_name_key")) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

export type RollApiKeyResult =
  | { ok: true; created: CreatedApiKey; oldKeyName: string; oldKeyStopsAt: Date; changeId: string }
  | { ok: false; reason: "not_found" | "already_rolled" }
  | { ok: false; reason: "limit_reached"; limit: number }
  | { ok: false; reason: "refused"; refused: Record<string, string[]> };

/**
 * Rolls a key: a new key with the same type, description and policy, shown once; the old one
 * keeps working for `graceSeconds` (0: it is revoked now), renamed "… (rolled)" so that the new
 * one can take its name. One audit event names both.
 */
export async function rollApiKey(
  actor: Actor,
  input: { workspaceId: string; keyId: string; graceSeconds: number; maxKeys?: number; check?: (key: ApiKeyListItem) => Record<string, string[]> | null },
): Promise<RollApiKeyResult> {
  const limit = input.maxKeys ?? getEnv().MAX_KEYS_PER_WORKSPACE;
  const result = await getDb().transaction(async (tx): Promise<RollApiKeyResult & { oldHash?: string }> => {
    await lockWorkspaceKeys(tx, input.workspaceId);
    const [old] = await tx
      .select({ ...apiKeyListColumns, hash: apiKeys.hash })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, input.keyId), live(input.workspaceId)))
      .for("update");
    if (!old) return { ok: false, reason: "not_found" };
    if (old.rolledToId) return { ok: false, reason: "already_rolled" };
    const { hash: _hash, ...current } = old;
    const refused = input.check?.(current);
    if (refused && Object.keys(refused).length > 0) return { ok: false, reason: "refused", refused };
    const now = Date.now();
    const graceEnds = new Date(now + input.graceSeconds * 1000);
    // The old key stays live during its grace: the new one needs room beside it.
    if (input.graceSeconds > 0 && (await liveKeyCount(tx, input.workspaceId)) >= limit) return { ok: false, reason: "limit_reached", limit };

    const oldName = await rolledName(tx, input.workspaceId, old.name);
    await tx.update(apiKeys).set({ name: oldName }).where(eq(apiKeys.id, old.id));
    const created = await insertKey(tx, actor, {
      workspaceId: input.workspaceId,
      type: old.type,
      name: old.name,
      description: old.description,
      policy: {
        allowedOrigins: old.allowedOrigins,
        allowedAgents: old.allowedAgents,
        allowTransientAgents: old.allowTransientAgents,
        permissions: old.permissions,
        allowedIps: old.allowedIps,
        expiresAt: old.expiresAt,
        rateLimit: rateLimitOf(old),
        // The balance moves to the new key; the old one spends from it during its grace period
        // (lib/services/credits.ts follows rolled_to_id), so a roll never doubles the credits.
        credits: creditsOf(old, new Date(now)),
      },
    });
    const stopsAt = old.expiresAt && old.expiresAt < graceEnds ? old.expiresAt : graceEnds;
    await tx
      .update(apiKeys)
      .set({
        ...(input.graceSeconds === 0 ? { revokedAt: sql`now()` } : { expiresAt: stopsAt, updatedAt: sql`now()` }),
        rolledToId: created.apiKey.id,
        ...creditColumns(null),
      })
      .where(eq(apiKeys.id, old.id));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "api_key.rolled",
      target: { type: "api_key", id: old.id, label: old.name },
      metadata: { oldKeyId: old.id, oldKeyName: oldName, newKeyId: created.apiKey.id, newKeyName: created.apiKey.name, graceSeconds: input.graceSeconds, oldKeyStopsAt: stopsAt.toISOString() },
    });
    const changeId = await notifyKeyChanged(tx, old.hash);
    return { ok: true, created, oldKeyName: oldName, oldKeyStopsAt: stopsAt, oldHash: old.hash, changeId };
  });
  if (!result.ok) return result;
  getKeyCache().invalidate(result.oldHash!);
  return { ok: true, created: result.created, oldKeyName: result.oldKeyName, oldKeyStopsAt: result.oldKeyStopsAt, changeId: result.changeId };
}

/** Disables or enables a live key of the workspace, with the change's id; null when there is no such key. */
export async function setApiKeyStatus(actor: Actor, input: { workspaceId: string; keyId: string; status: "active" | "disabled" }) {
  return changeKey(actor, input.workspaceId, input.keyId, { status: input.status });
}

/** Revokes (soft-deletes) a live key of the workspace, with the change's id; null when there is no such key. */
export async function revokeApiKey(actor: Actor, input: { workspaceId: string; keyId: string }) {
  return changeKey(actor, input.workspaceId, input.keyId, { revokedAt: sql`now()` });
}

// Status changes and revocation: the update, its audit event and the NOTIFY to other servers
// commit together, then this process's cache forgets the key.
async function changeKey(
  actor: Actor,
  workspaceId: string,
  keyId: string,
  changes: Partial<{ status: "active" | "disabled"; revokedAt: ReturnType<typeof sql> }>,
): Promise<(ApiKeyListItem & { changeId: string }) | null> {
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
    const changeId = await notifyKeyChanged(tx, row.hash);
    return { ...row, changeId };
  });
  if (!result) return null;
  getKeyCache().invalidate(result.hash);
  const { hash: _hash, ...apiKey } = result;
  return apiKey;
}

async function insertKey(
  tx: Transaction,
  actor: Actor,
  input: { workspaceId: string; type: KeyType; name: string; description: string | null; policy: KeyPolicy },
): Promise<CreatedApiKey> {
  const secret = generateKey(input.type);
  const { start, end } = displayParts(secret);
  const { rateLimit, credits, ...policy } = input.policy;
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
      ...creatorColumns(actor),
      ...policy,
      ...rateLimitColumns(rateLimit),
      ...creditColumns(credits),
    })
    .returning(apiKeyListColumns);
  // A new public key brings new allowed origins: every server's CORS index must hear of it.
  if (input.type === "public") await notifyKeyChanged(tx, hashKey(secret));
  return { secret, apiKey: apiKey! };
}

// One creation or roll per workspace at a time, so that parallel ones cannot overshoot the limit.
async function lockWorkspaceKeys(tx: Transaction, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${workspaceId}))`);
}

async function liveKeyCount(tx: Transaction, workspaceId: string) {
  const [counted] = await tx.select({ n: count() }).from(apiKeys).where(live(workspaceId));
  return counted!.n;
}

async function agentsExist(tx: Transaction, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return true;
  const [found] = await tx
    .select({ n: count() })
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), inArray(agents.id, ids), isNull(agents.deletedAt)));
  return found!.n === ids.length;
}

/** "production (rolled)", or "(rolled 2)" and on while that is taken; within 64 characters. */
async function rolledName(tx: Transaction, workspaceId: string, name: string) {
  const taken = new Set((await tx.select({ name: apiKeys.name }).from(apiKeys).where(live(workspaceId))).map((row) => row.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (rolled)" : ` (rolled ${n})`;
    const candidate = name.slice(0, 64 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Sends the change to every server (delivered on commit) and returns its id. Servers acknowledge
 * it to this one when this process is a registered server; the ack tracking starts here, before
 * commit, so that no ack can come before it.
 */
export async function notifyKeyChanged(tx: Transaction, hash: string): Promise<string> {
  const changeId = randomUUID();
  const origin = currentServerId();
  if (origin) trackChange(changeId);
  await tx.execute(sql`select pg_notify(${KEY_CHANGED_CHANNEL}, ${keyChangePayload({ hash, changeId, origin })})`);
  return changeId;
}

const RATE_LIMIT_FIELDS = ["rateLimitPerSecond", "rateLimitBurst"];
const CREDIT_FIELDS = ["creditsRemaining", "creditsRefillAmount", "creditsRefillInterval"];

/** Changes as the columns they are stored in: a rate limit is two, credits are four. */
function columnsOf(changes: KeyChanges, now: Date) {
  const { rateLimit, credits, ...rest } = changes;
  return {
    ...rest,
    ...(rateLimit === undefined ? {} : rateLimitColumns(rateLimit)),
    ...(credits === undefined ? {} : creditColumns(credits, now)),
  };
}

/** An edit in the audit log: each field changed, the rate limit and credits as one value each. */
function auditValues(row: ApiKeyListItem, fields: string[], now: Date): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (RATE_LIMIT_FIELDS.includes(field)) values.rateLimit = rateLimitOf(row);
    else if (CREDIT_FIELDS.includes(field)) values.credits = creditsOf(row, now);
    else values[field] = forAudit(row[field as keyof ApiKeyListItem]);
  }
  return values;
}

const definedOnly = <T extends object>(changes: T) => Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
const same = (a: unknown, b: unknown) => JSON.stringify(forAudit(a)) === JSON.stringify(forAudit(b));
const forAudit = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const policyForAudit = (policy: KeyPolicy) => ({ ...policy, expiresAt: policy.expiresAt?.toISOString() ?? null });

/** "Created by": a person (id, email) or, through the management API, a key (id, name). */
function creatorColumns(actor: Actor) {
  if (actor.type === "api_key") return { createdByType: "api_key" as const, createdByKeyId: actor.id, createdByLabel: actor.name };
  if (actor.type === "user") return { createdByType: "user" as const, createdByUserId: actor.id, createdByLabel: actor.email };
  throw new Error(`A ${actor.type} actor cannot create keys`);
}
