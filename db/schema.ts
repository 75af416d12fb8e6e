// Database schema. camelCase in TypeScript, snake_case in PostgreSQL; an index on every foreign
// key and on every column a query filters or sorts by.
import { sql } from "drizzle-orm";
import type { KeyScopes } from "@/lib/keys/scopes";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
// Tables listed with cursor pagination keep created_at to the millisecond, the precision of the
// cursor (a JS Date): with microseconds, rows a few µs apart would fall between two pages.
const createdAtMs = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // Key hygiene (Settings → General): disable keys unused for this many days; null: never.
  disableUnusedKeysAfterDays: integer("disable_unused_keys_after_days"),
  // The first request any of its keys answered 200 to: step 3 of the onboarding checklist
  // (lib/onboarding/first-request.ts writes it at once, not with the usage counts).
  firstRequestAt: timestamp("first_request_at", { withTimezone: true }),
  // Settings → General: members without a second factor must set one up before using it.
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored lower-cased; the unique index makes sign-up races safe.
    email: text("email").notNull(),
    // Null for accounts that only sign in through OAuth (later).
    passwordHash: text("password_hash"),
    // The workspace the dashboard shows, remembered per person (not per browser). Null, or a
    // workspace they have left, means their oldest membership (db/queries/session.ts).
    activeWorkspaceId: uuid("active_workspace_id").references(() => workspaces.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_active_workspace_id_idx").on(t.activeWorkspaceId)],
);

// Dashboard sessions. The Auth.js cookie carries only a session id (lib/auth/index.ts); every
// request that reads the session checks this row, so deleting it signs the session out on
// every server at once. A session ends 30 days after sign-in or 7 days after its last use.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Where the session was last used from (refreshed with last_seen_at).
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId, t.lastSeenAt),
    index("sessions_expires_at_idx").on(t.expiresAt),
    index("sessions_last_seen_at_idx").on(t.lastSeenAt),
  ],
);

export const roleEnum = pgEnum("workspace_role", ["owner", "admin", "member", "viewer"]);

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    // This person closed the workspace's "Get started" checklist (/onboarding) before it was done.
    onboardingDismissedAt: timestamp("onboarding_dismissed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("memberships_user_id_idx").on(t.userId),
    // Settings → Members, oldest first, keyset on the user id (README "Lists").
    index("memberships_workspace_created_idx").on(t.workspaceId, t.createdAt, t.userId),
  ],
);

export const keyTypeEnum = pgEnum("api_key_type", ["private", "public"]);
export const keyStatusEnum = pgEnum("api_key_status", ["active", "disabled"]);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: keyTypeEnum("type").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    // SHA-256 (hex) of the full key: the only form of the secret we keep.
    hash: text("hash").notNull(),
    // Display parts: prefix + first 4 random characters, and the last 4 characters.
    start: text("start").notNull(),
    end: text("end").notNull(),
    status: keyStatusEnum("status").notNull().default("active"),
    // Who created it, as they were: a person (user id, email) or an API key (key id, name).
    // The label is copied so the list still says who made a key after they leave.
    createdByType: text("created_by_type").$type<"user" | "api_key">().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByKeyId: uuid("created_by_key_id"),
    createdByLabel: text("created_by_label").notNull(),
    createdAt: createdAtMs(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // Policies (README "Key policies"). Public keys work only from their allowed origins;
    // allowed agents and IPs are restrictions when not empty.
    allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
    allowedAgents: text("allowed_agents").array().notNull().default(sql`'{}'::text[]`),
    allowTransientAgents: boolean("allow_transient_agents").notNull().default(false),
    permissions: jsonb("permissions")
      .$type<KeyScopes>()
      .notNull()
      .default(sql`'{"agents":"write","calls":"write","api_keys":"write"}'::jsonb`),
    allowedIps: text("allowed_ips").array().notNull().default(sql`'{}'::text[]`),
    // Set on a key that was rolled: its successor. It keeps working until expires_at (the grace).
    rolledToId: uuid("rolled_to_id"),
    // Rate limit (README "Rate limits"): requests per second and the burst above it; both null:
    // no limit (keys made before limits existed keep none, so no live integration breaks).
    rateLimitPerSecond: integer("rate_limit_per_second"),
    rateLimitBurst: integer("rate_limit_burst"),
    // Call credits (README "Credits"): null remaining is unlimited. A refill resets remaining to
    // the amount at 00:00 UTC each day or month; credits_refilled_at says which period was refilled.
    creditsRemaining: integer("credits_remaining"),
    creditsRefillAmount: integer("credits_refill_amount"),
    creditsRefillInterval: text("credits_refill_interval").$type<"day" | "month">(),
    creditsRefilledAt: timestamp("credits_refilled_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    // Deletion is revocation: the row stays for audit and usage history.
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // Found in public (README "Leaked keys"): when, where (a URL or what the reporter wrote, key
    // material redacted), and who reported it: GitHub's secret scanning or the public report.
    leakedAt: timestamp("leaked_at", { withTimezone: true }),
    leakedWhere: text("leaked_where"),
    leakedSource: text("leaked_source").$type<"github" | "report">(),
  },
  (t) => [
    uniqueIndex("api_keys_hash_key").on(t.hash),
    // Names are unique among a workspace's live keys; a revoked key frees its name.
    uniqueIndex("api_keys_workspace_live_name_key")
      .on(t.workspaceId, sql`lower(${t.name})`)
      .where(sql`${t.revokedAt} is null`),
    index("api_keys_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("api_keys_created_by_user_id_idx").on(t.createdByUserId),
    // The key list's three sorts among live keys, each with the id as tiebreaker (README "Lists").
    index("api_keys_live_created_idx").on(t.workspaceId, t.createdAt, t.id).where(sql`${t.revokedAt} is null`),
    index("api_keys_live_last_used_idx")
      .on(t.workspaceId, sql`coalesce(${t.lastUsedAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`${t.revokedAt} is null`),
    index("api_keys_live_name_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id).where(sql`${t.revokedAt} is null`),
    // The API Keys page's banner: the workspace's leaked keys that are still live (drizzle/0012).
    index("api_keys_live_leaked_idx").on(t.workspaceId, t.leakedAt).where(sql`${t.leakedAt} is not null and ${t.revokedAt} is null`),
    check("api_keys_leaked_check", sql`(${t.leakedAt} is null) = (${t.leakedSource} is null) and (${t.leakedSource} is null or ${t.leakedSource} in ('github', 'report'))`),
    check("api_keys_rate_limit_check", sql`(${t.rateLimitPerSecond} is null) = (${t.rateLimitBurst} is null) and (${t.rateLimitPerSecond} is null or (${t.rateLimitPerSecond} > 0 and ${t.rateLimitBurst} >= 0))`),
    check(
      "api_keys_credits_check",
      sql`(${t.creditsRemaining} is null or ${t.creditsRemaining} >= 0) and (${t.creditsRefillAmount} is null) = (${t.creditsRefillInterval} is null) and (${t.creditsRefillAmount} is null or (${t.creditsRemaining} is not null and ${t.creditsRefillAmount} > 0 and ${t.creditsRefillInterval} in ('day', 'month')))`,
    ),
  ],
);

// Agents: the voice assistants a workspace runs. Deleting one keeps its row (deleted_at), so the
// calls it made still say which agent made them.
export const agents = pgTable(
  "agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    voice: text("voice").notNull(),
    firstMessage: text("first_message").notNull(),
    createdAt: createdAtMs(),
    // Who created it, as they were: a person's email or an API key's name.
    createdByType: text("created_by_type").notNull(),
    createdById: text("created_by_id"),
    createdByLabel: text("created_by_label").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("agents_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    // The agent list sorted by name (README "Lists").
    index("agents_live_name_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id).where(sql`${t.deletedAt} is null`),
  ],
);

// Calls. No telephony: a call's progress is a schedule fixed when it is created (ringing_at,
// answered_at, ended_at), so its status follows from the clock on every server and survives
// restarts (lib/calls/status.ts).
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // A saved agent, or null with the inline (transient) agent in transient_agent.
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    transientAgent: jsonb("transient_agent").$type<{ name: string; voice: string; first_message: string }>(),
    toNumber: text("to_number").notNull(),
    fromNumber: text("from_number"),
    metadata: jsonb("metadata").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: createdAtMs(),
    ringingAt: timestamp("ringing_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull(),
    // The key that started it (a call is always started through the API).
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    apiKeyName: text("api_key_name"),
  },
  (t) => [
    index("calls_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("calls_workspace_agent_created_idx").on(t.workspaceId, t.agentId, t.createdAt, t.id),
    index("calls_agent_id_idx").on(t.agentId),
    index("calls_api_key_id_idx").on(t.apiKeyId),
  ],
);

// Invitations to join a workspace. The link's token is random and stored only as its SHA-256;
// an invitation is pending until accepted, revoked or expired (7 days), and single use.
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // Lower-cased; only an account with this email may accept.
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    invitedByEmail: text("invited_by_email").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // One open invitation per email and workspace (expired ones are closed before a new one).
    uniqueIndex("invitations_workspace_open_email_key")
      .on(t.workspaceId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("invitations_invited_by_user_id_idx").on(t.invitedByUserId),
    index("invitations_accepted_by_user_id_idx").on(t.acceptedByUserId),
  ],
);

// The audit log: one row per change, written in the transaction of the change itself
// (lib/audit). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (drizzle/0003).
// Actor and target are copied as they were, so an event still reads right after renames and
// departures; there is deliberately no foreign key, so no cascade can ever delete history.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    // Newest first, keyset on id: every listing walks one of these backwards.
    index("audit_events_workspace_id_idx").on(t.workspaceId, t.id),
    index("audit_events_workspace_action_idx").on(t.workspaceId, t.action, t.id),
    index("audit_events_workspace_actor_idx").on(t.workspaceId, t.actorLabel, t.id),
    index("audit_events_workspace_occurred_at_idx").on(t.workspaceId, t.occurredAt),
  ],
);

// Failed sign-ins, in the database so that every server instance sees the same count. A row
// is written when an attempt starts (`pending`), kept as the failure if the password was wrong,
// and deleted if it was right (see lib/auth/throttle.ts).
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip"),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
    pending: boolean("pending").notNull().default(false),
  },
  (t) => [
    index("sign_in_failures_email_idx").on(t.email, t.failedAt),
    index("sign_in_failures_ip_idx").on(t.ip, t.failedAt),
    index("sign_in_failures_failed_at_idx").on(t.failedAt),
  ],
);

// Sign-ups per address: each one costs an argon2 hash (~19 MiB, tens of ms), so an address may
// only start so many an hour (lib/auth/throttle.ts).
export const signUpAttempts = pgTable(
  "sign_up_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ip: text("ip").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_up_attempts_ip_idx").on(t.ip, t.attemptedAt),
    index("sign_up_attempts_attempted_at_idx").on(t.attemptedAt),
  ],
);

// Idempotency-Key records of POST /api/v1 requests, per workspace (lib/api/idempotency.ts): the
// first request with a key claims the row ("running"), its response is kept for 24 hours and
// replayed to a retry with the same body. Responses that carried a key's secret are never kept.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // One key's requests can never block or answer another's: the record belongs to the calling
    // key and, for a public key (shared by every visitor of a site), to the client's address too.
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    clientIp: text("client_ip").notNull().default(""),
    key: text("key").notNull(),
    // SHA-256 of method, path and body: the same key with another request is a conflict.
    fingerprint: text("fingerprint").notNull(),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    // The response as JSON text, exactly as sent: text holds any escaped character jsonb refuses.
    responseBody: text("response_body"),
    // The response held a key's plaintext, so it was not kept: a retry gets 409 with this key id.
    withheldKeyId: uuid("withheld_key_id"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.apiKeyId, t.clientIp, t.key] }),
    index("idempotency_keys_api_key_id_idx").on(t.apiKeyId),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
  ],
);

// The API servers running now (lib/cluster/registry.ts): each inserts its row at start, renews
// heartbeat_at every 5 s and deletes it at stop. A row whose heartbeat is 15 s old no longer
// counts; rows dead for an hour are purged. A key change's receipt counts these servers.
export const servers = pgTable(
  "servers",
  {
    id: uuid("id").primaryKey(),
    hostname: text("hostname").notNull(),
    pid: integer("pid").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("servers_heartbeat_at_idx").on(t.heartbeatAt)],
);

// Usage (README "Usage"): requests per key, UTC hour and outcome, added to by each server's flush
// every few seconds (lib/usage/recorder.ts), never a write per request.
export const keyUsage = pgTable(
  "key_usage",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.bucketStart, t.outcome] }),
    index("key_usage_workspace_bucket_idx").on(t.workspaceId, t.bucketStart),
  ],
);

// The same counts per UTC day, written by the same flush statement: a week or a month is read
// from a thirtieth of the rows (README "Usage").
export const keyUsageDaily = pgTable(
  "key_usage_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.bucketStart, t.outcome] }),
    index("key_usage_daily_workspace_bucket_idx").on(t.workspaceId, t.bucketStart),
  ],
);

// The latest refused requests of each key (at most 100 a key, trimmed at each flush), for its
// detail page. Never any key material: the path without its query, and key-shaped text redacted.
export const keyRejections = pgTable(
  "key_rejections",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    outcome: text("outcome").notNull(),
    ip: text("ip"),
    origin: text("origin"),
    path: text("path").notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("key_rejections_api_key_at_idx").on(t.apiKeyId, t.at), index("key_rejections_workspace_id_idx").on(t.workspaceId)],
);

// Two-factor sign-in (README "Two-factor sign-in and passkeys"). The TOTP secret is stored
// encrypted (AES-256-GCM, key derived from AUTH_SECRET: lib/auth/secret-box.ts); a row without
// confirmed_at is a setup in progress and is no second factor yet. last_used_step makes each
// code single-use.
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: createdAt(),
});

// Single-use recovery codes: only their SHA-256 is kept; used_at marks a spent one.
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
);

// WebAuthn credentials (passkeys): a second factor, and a way to sign in on their own.
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // base64url, as the browser reports it.
    credentialId: text("credential_id").notNull(),
    // base64url of the COSE public key.
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default(sql`'{}'::text[]`),
    name: text("name").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("passkeys_credential_id_key").on(t.credentialId), index("passkeys_user_id_idx").on(t.userId)],
);

// Wrong second-step codes per account (lib/auth/second-factor-throttle.ts), recorded pending
// before the check like sign_in_failures.
export const secondFactorFailures = pgTable(
  "second_factor_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
    pending: boolean("pending").notNull().default(true),
  },
  (t) => [index("second_factor_failures_user_idx").on(t.userId, t.failedAt), index("second_factor_failures_failed_at_idx").on(t.failedAt)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Invitation = typeof invitations.$inferSelect;
export type Agent = typeof agents.$inferSelect;
export type Call = typeof calls.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
export type Server = typeof servers.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
