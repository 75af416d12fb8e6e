// Dashboard sessions on a real database: a session is its row, so ending the row ends the
// session for every server, and roles are read per request rather than carried in the token.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findActiveMembership } from "@/db/queries/session";
import { listSessions } from "@/db/queries/sessions";
import { auditEvents, memberships, sessions } from "@/db/schema";
import type { UserActor } from "@/lib/services/actor";
import { endAllSessions, endOtherSession, endSession, resumeSession, startSession } from "@/lib/services/sessions";
import { createWorkspace } from "../support/fixtures";

const actorFor = (user: { userId: string; email: string }): UserActor => ({
  type: "user",
  id: user.userId,
  email: user.email,
  ip: "203.0.113.1",
  userAgent: "test",
});
const row = async (id: string) => (await getDb().select().from(sessions).where(eq(sessions.id, id)))[0];
const shift = (id: string, column: "last_seen_at" | "expires_at" | "created_at", interval: string) =>
  getDb().execute(sql`update sessions set ${sql.identifier(column)} = ${sql.identifier(column)} - ${interval}::interval where id = ${id}`);

describe("a session", () => {
  it("starts on sign-in with the address and browser, and lasts 30 days at most", async () => {
    const user = await createWorkspace();
    const id = await startSession({ userId: user.userId, ip: "198.51.100.7", userAgent: "Mozilla/5.0 Test" });
    const session = await row(id);
    expect(session).toMatchObject({ userId: user.userId, ip: "198.51.100.7", userAgent: "Mozilla/5.0 Test" });
    const days = (session!.expiresAt.getTime() - session!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
    expect(await resumeSession(id, user.userId, null)).toBe(true);
  });

  it("ends when its row is deleted (sign-out), for every server at once", async () => {
    const user = await createWorkspace();
    const id = await startSession({ userId: user.userId, ip: null, userAgent: null });
    await endSession(id);
    expect(await resumeSession(id, user.userId, null)).toBe(false);
  });

  it("ends after 7 days without use and 30 days after sign-in, whatever happens in between", async () => {
    const user = await createWorkspace();
    const idle = await startSession({ userId: user.userId, ip: null, userAgent: null });
    await shift(idle, "last_seen_at", "6 days 23 hours");
    expect(await resumeSession(idle, user.userId, null)).toBe(true);
    await shift(idle, "last_seen_at", "7 days 1 hour");
    expect(await resumeSession(idle, user.userId, null)).toBe(false);

    const old = await startSession({ userId: user.userId, ip: null, userAgent: null });
    await shift(old, "expires_at", "30 days 1 second");
    expect(await resumeSession(old, user.userId, null)).toBe(false);
  });

  it("belongs to one user: another user's id with it is no session", async () => {
    const user = await createWorkspace();
    const other = await createWorkspace();
    const id = await startSession({ userId: user.userId, ip: null, userAgent: null });
    expect(await resumeSession(id, other.userId, null)).toBe(false);
    expect(await resumeSession(randomUUID(), user.userId, null)).toBe(false);
  });

  it("refreshes last seen (and the address) at most once a minute", async () => {
    const user = await createWorkspace();
    const id = await startSession({ userId: user.userId, ip: "192.0.2.1", userAgent: null });
    const first = (await row(id))!.lastSeenAt;
    await resumeSession(id, user.userId, "192.0.2.2");
    expect((await row(id))!).toMatchObject({ lastSeenAt: first, ip: "192.0.2.1" });
    await shift(id, "last_seen_at", "61 seconds");
    await resumeSession(id, user.userId, "192.0.2.2");
    const touched = (await row(id))!;
    expect(touched.lastSeenAt.getTime()).toBeGreaterThanOrEqual(first.getTime());
    expect(touched.ip).toBe("192.0.2.2");
  });

  it("trims the person's dead sessions when they sign in again", async () => {
    const user = await createWorkspace();
    const dead = await startSession({ userId: user.userId, ip: null, userAgent: null });
    await shift(dead, "last_seen_at", "8 days");
    await startSession({ userId: user.userId, ip: null, userAgent: null });
    expect(await row(dead)).toBeUndefined();
  });
});

describe("signing out other sessions", () => {
  it("lists live sessions, most recently used first", async () => {
    const user = await createWorkspace();
    const older = await startSession({ userId: user.userId, ip: null, userAgent: "a" });
    const newer = await startSession({ userId: user.userId, ip: null, userAgent: "b" });
    const dead = await startSession({ userId: user.userId, ip: null, userAgent: "c" });
    await shift(older, "last_seen_at", "1 hour");
    await shift(dead, "expires_at", "31 days");
    expect((await listSessions(getDb(), user.userId)).map((s) => s.id)).toEqual([newer, older]);
  });

  it("ends one other session of the person, never the current one, never someone else's", async () => {
    const user = await createWorkspace();
    const stranger = await createWorkspace();
    const current = await startSession({ userId: user.userId, ip: null, userAgent: null });
    const laptop = await startSession({ userId: user.userId, ip: null, userAgent: null });
    const theirs = await startSession({ userId: stranger.userId, ip: null, userAgent: null });

    expect(await endOtherSession(actorFor(user), current, current)).toBe(false);
    expect(await endOtherSession(actorFor(user), theirs, current)).toBe(false);
    expect(await row(theirs)).toBeDefined();
    expect(await endOtherSession(actorFor(user), laptop, current)).toBe(true);
    expect(await resumeSession(laptop, user.userId, null)).toBe(false);
    expect(await resumeSession(current, user.userId, null)).toBe(true);
  });

  it("'Sign out of all sessions' ends every session of the person and no one else's", async () => {
    const user = await createWorkspace();
    const stranger = await createWorkspace();
    const mine = await Promise.all([1, 2, 3].map(() => startSession({ userId: user.userId, ip: null, userAgent: null })));
    const theirs = await startSession({ userId: stranger.userId, ip: null, userAgent: null });
    expect(await endAllSessions(actorFor(user))).toBe(3);
    for (const id of mine) expect(await resumeSession(id, user.userId, null)).toBe(false);
    expect(await resumeSession(theirs, stranger.userId, null)).toBe(true);
    // Recorded in the person's workspace's audit log.
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, user.workspaceId), eq(auditEvents.action, "auth.all_sessions_ended")));
    expect(event).toMatchObject({ actorLabel: user.email, metadata: { count: 3 } });
  });
});

describe("roles are read per request", () => {
  it("a changed role or a removed membership shows on the person's next request", async () => {
    const user = await createWorkspace();
    expect((await findActiveMembership(getDb(), user.userId))?.role).toBe("owner");
    await getDb().update(memberships).set({ role: "viewer" }).where(eq(memberships.userId, user.userId));
    expect((await findActiveMembership(getDb(), user.userId))?.role).toBe("viewer");
    await getDb().delete(memberships).where(eq(memberships.userId, user.userId));
    expect(await findActiveMembership(getDb(), user.userId)).toBeNull();
  });
});
