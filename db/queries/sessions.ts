// Dashboard sessions: plain data access (see lib/services/sessions.ts for every change).
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { sessions } from "@/db/schema";
import { SESSION_IDLE_DAYS } from "@/lib/auth/session-lifetime";


/** Rows that still grant access, on the database's clock. */
export const sessionIsLive = and(
  gt(sessions.expiresAt, sql`now()`),
  gt(sessions.lastSeenAt, sql`now() - make_interval(days => ${SESSION_IDLE_DAYS})`),
);

/** One indexed lookup (primary key): the live session with this id, or null. */
export async function findLiveSession(db: Database | Transaction, id: string) {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      // Seconds since the last refresh of last_seen_at, so callers refresh it at most once a minute.
      idleSeconds: sql<number>`extract(epoch from now() - ${sessions.lastSeenAt})`.mapWith(Number),
    })
    .from(sessions)
    .where(and(eq(sessions.id, id), sessionIsLive));
  return row ?? null;
}

/** The person's live sessions, most recently used first. */
export async function listSessions(db: Database | Transaction, userId: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sessionIsLive))
    .orderBy(desc(sessions.lastSeenAt));
}

export type SessionListItem = Awaited<ReturnType<typeof listSessions>>[number];
