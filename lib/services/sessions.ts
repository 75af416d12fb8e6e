// Every change to dashboard sessions. Sign-in starts one; each request resumes it (refreshing
// "last seen" at most once a minute); sign-out, "Sign out" on another device and "Sign out of
// all sessions" delete rows, which ends those sessions on every server at once, because every
// request checks its row (lib/auth/index.ts).
import { and, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { findLiveSession } from "@/db/queries/sessions";
import { memberships, sessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { SESSION_IDLE_DAYS, SESSION_MAX_AGE_DAYS } from "@/lib/auth/session-lifetime";
import { describeUserAgent } from "@/lib/user-agent";
import type { UserActor } from "./actor";

const TOUCH_AFTER_SECONDS = 60;
const MAX_USER_AGENT_LENGTH = 512;

/** Starts a session after a successful sign-in and returns its id (the JWT carries only this). */
export async function startSession(input: { userId: string; ip: string | null; userAgent: string | null }): Promise<string> {
  const db = getDb();
  const [session] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
      expiresAt: sql`now() + make_interval(days => ${SESSION_MAX_AGE_DAYS})`,
    })
    .returning({ id: sessions.id });
  // Dead rows grant nothing. Each sign-in trims this person's, and a bounded batch of everyone
  // else's (both indexed), so the table stays as small as the live sessions without a job.
  const dead = or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, sql`now() - make_interval(days => ${SESSION_IDLE_DAYS})`));
  await db.delete(sessions).where(and(eq(sessions.userId, input.userId), dead));
  await db.delete(sessions).where(inArray(sessions.id, db.select({ id: sessions.id }).from(sessions).where(dead).limit(100)));
  return session!.id;
}

/**
 * Whether the session `id` of `userId` is still live; refreshes its "last seen" time and
 * address when the last refresh is over a minute old. One primary-key lookup per request.
 */
export async function resumeSession(id: string, userId: string, ip: string | null): Promise<boolean> {
  const db = getDb();
  const session = await findLiveSession(db, id);
  if (!session || session.userId !== userId) return false;
  if (session.idleSeconds >= TOUCH_AFTER_SECONDS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()`, ...(ip ? { ip } : {}) }).where(eq(sessions.id, id));
  }
  return true;
}

/** Sign-out: ends the session the request came with. */
export async function endSession(sessionId: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.id, sessionId));
}

/** "Sign out" on another of the actor's devices; false when there is no such session of theirs. */
export async function endOtherSession(actor: UserActor, sessionId: string, currentSessionId: string): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.id), ne(sessions.id, currentSessionId)))
      .returning({ id: sessions.id, userAgent: sessions.userAgent, ip: sessions.ip });
    if (ended.length === 0) return false;
    await auditInEachWorkspace(tx, actor, "auth.session_ended", { device: describeUserAgent(ended[0]!.userAgent), ip: ended[0]!.ip });
    return true;
  });
}

/** "Sign out of all sessions": every session of the actor, this one included. */
export async function endAllSessions(actor: UserActor): Promise<number> {
  return getDb().transaction(async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.userId, actor.id)).returning({ id: sessions.id });
    await auditInEachWorkspace(tx, actor, "auth.all_sessions_ended", { count: ended.length });
    return ended.length;
  });
}

// Ending sessions concerns the person, not one workspace: each of their workspaces' admins
// may want to know.
async function auditInEachWorkspace(tx: Transaction, actor: UserActor, action: "auth.session_ended" | "auth.all_sessions_ended", metadata: Record<string, unknown>) {
  const rows = await tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, actor.id));
  await recordAudit(
    tx,
    rows.map(({ workspaceId }) => ({ workspaceId, actor, action, target: { type: "user" as const, id: actor.id, label: actor.email }, metadata })),
  );
}
