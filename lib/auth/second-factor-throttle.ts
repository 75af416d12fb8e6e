// Second-step throttling: at most 5 wrong codes (TOTP or recovery) per account in a sliding
// 15 minutes, from anywhere, counted in PostgreSQL so every server sees the same count. The
// password was right to get here, so the limit is per account, not per address: five wrong
// codes a quarter hour leave an attacker who holds the password a million codes to cover.
// As with passwords (lib/auth/throttle.ts), an attempt is recorded pending *before* the check, so a
// parallel burst cannot slip past the limit; a right code clears the account's failures.
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { secondFactorFailures } from "@/db/schema";

export const MAX_SECOND_FACTOR_FAILURES = 5;
const WINDOW = sql`interval '15 minutes'`;
const inWindow = gt(secondFactorFailures.failedAt, sql`now() - ${WINDOW}`);

export type SecondFactorAttempt = { id: string | null; allowed: boolean };

export async function beginSecondFactorAttempt(userId: string): Promise<SecondFactorAttempt> {
  if (await secondFactorLockedForMinutes(userId)) return { id: null, allowed: false };
  const db = getDb();
  const [attempt] = await db.insert(secondFactorFailures).values({ userId }).returning({ id: secondFactorFailures.id });
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(secondFactorFailures)
    .where(and(eq(secondFactorFailures.userId, userId), inWindow));
  // This attempt is counted: up to 5 failures and the 6th try is allowed only if none is pending.
  if (counted!.n <= MAX_SECOND_FACTOR_FAILURES) return { id: attempt!.id, allowed: true };
  await db.delete(secondFactorFailures).where(eq(secondFactorFailures.id, attempt!.id));
  return { id: null, allowed: false };
}

export async function secondFactorFailed(attempt: SecondFactorAttempt) {
  const db = getDb();
  if (attempt.id) await db.update(secondFactorFailures).set({ pending: false }).where(eq(secondFactorFailures.id, attempt.id));
  await db.delete(secondFactorFailures).where(lt(secondFactorFailures.failedAt, sql`now() - ${WINDOW}`));
}

/** A right password in a re-check: this attempt is no failure. */
export async function secondFactorAttemptPassed(attempt: SecondFactorAttempt) {
  if (attempt.id) await getDb().delete(secondFactorFailures).where(eq(secondFactorFailures.id, attempt.id));
}

/** Whoever passes the second step holds the account: its failures are wiped. */
export async function secondFactorSucceeded(userId: string) {
  await getDb().delete(secondFactorFailures).where(eq(secondFactorFailures.userId, userId));
}

/** Minutes until the account may try a code again, or null when it may try now. */
export async function secondFactorLockedForMinutes(userId: string): Promise<number | null> {
  const [oldestCounted] = await getDb()
    .select({ seconds: sql<number>`extract(epoch from (${secondFactorFailures.failedAt} + ${WINDOW} - now()))`.mapWith(Number) })
    .from(secondFactorFailures)
    .where(and(eq(secondFactorFailures.userId, userId), inWindow))
    .orderBy(desc(secondFactorFailures.failedAt))
    .offset(MAX_SECOND_FACTOR_FAILURES - 1)
    .limit(1);
  const seconds = oldestCounted?.seconds ?? 0;
  return seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : null;
}
