// Database schema. camelCase in TypeScript, snake_case in PostgreSQL; an index on every foreign
// key and on every column a query filters or sorts by.
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored lower-cased; the unique index makes sign-up races safe.
    email: text("email").notNull(),
    // Null for accounts that only sign in through OAuth (later).
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

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
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("memberships_user_id_idx").on(t.userId),
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
    // The creator's email is copied so the list still says who made a key after they leave.
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // Policies for later issues; empty arrays mean "no restriction".
    allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
    allowedAgents: text("allowed_agents").array().notNull().default(sql`'{}'::text[]`),
    allowTransientAgents: boolean("allow_transient_agents").notNull().default(true),
    permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
    // Deletion is revocation: the row stays for audit and usage history.
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_keys_hash_key").on(t.hash),
    // Names are unique among a workspace's live keys; a revoked key frees its name.
    uniqueIndex("api_keys_workspace_live_name_key")
      .on(t.workspaceId, sql`lower(${t.name})`)
      .where(sql`${t.revokedAt} is null`),
    index("api_keys_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("api_keys_created_by_user_id_idx").on(t.createdByUserId),
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

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
