// Sign-in and sign-up throttling. Sign-in: after 10 failed sign-ins for one email or one IP within 15 minutes,
// further attempts are refused until enough failures age out. Attempts live in PostgreSQL so
// every server instance counts the same, and all time arithmetic uses the database's clock.
//
// An attempt is recorded (`pending`) *before* the password is checked. For the email, pending
// attempts count too, so a burst of parallel guesses at one account cannot slip past the limit.
// For the IP only finished failures count: people signing in at the same moment behind one
// office address must not lock each other out. A burst across many emails from one IP can
// therefore overshoot the IP's limit by the number of attempts in flight, never the email's.
import { and, desc, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures, signUpAttempts } from "@/db/schema";

export const MAX_FAILURES = 10;
const WINDOW = sql`interval '15 minutes'`;

const inWindow = gt(signInFailures.failedAt, sql`now() - ${WINDOW}`);
const countsForEmail = (email: string) => eq(signInFailures.email, email);
const countsForIp = (ip: string) => and(eq(signInFailures.ip, ip), eq(signInFailures.pending, false));

export type SignInAttempt = { id: string | null; allowed: boolean };

/** Starts an attempt; `allowed` is false when the email or the IP is over the limit. */
export async function beginSignInAttempt(email: string, ip: string | null): Promise<SignInAttempt> {
  // While a lock holds, refuse without writing: a locked-out guesser costs one read per try.
  if (await signInLockedForMinutes(email, ip)) return { id: null, allowed: false };

  const db = getDb();
  const [attempt] = await db.insert(signInFailures).values({ email, ip, pending: true }).returning({ id: signInFailures.id });
  const [counts] = await db
    .select({
      email: sql<number>`count(*) filter (where ${countsForEmail(email)})`.mapWith(Number),
      ip: ip ? sql<number>`count(*) filter (where ${countsForIp(ip)})`.mapWith(Number) : sql<number>`0`.mapWith(Number),
    })
    .from(signInFailures)
    .where(and(ip ? or(countsForEmail(email), eq(signInFailures.ip, ip)) : countsForEmail(email), inWindow));
  // The email's count includes this attempt; the IP's counts finished failures only.
  const allowed = counts!.email <= MAX_FAILURES && counts!.ip < MAX_FAILURES;
  if (!allowed) {
    await db.delete(signInFailures).where(eq(signInFailures.id, attempt!.id));
    return { id: null, allowed };
  }
  return { id: attempt!.id, allowed };
}

/** The password was wrong: the attempt becomes a failure that counts for the IP too. */
export async function signInFailed(attempt: SignInAttempt) {
  const db = getDb();
  if (attempt.id) await db.update(signInFailures).set({ pending: false }).where(eq(signInFailures.id, attempt.id));
  // Old rows are useless; trim them as we go (indexed) instead of running a separate job.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, sql`now() - ${WINDOW}`));
}

/** The password was right: the attempt was no failure, and the email's slate is wiped. */
export async function signInSucceeded(email: string) {
  await getDb().delete(signInFailures).where(countsForEmail(email));
}

/** Minutes until this email and IP may try again, or null when they may try now. */
export async function signInLockedForMinutes(email: string, ip: string | null): Promise<number | null> {
  const seconds = await Promise.all([
    secondsUntilUnlocked(countsForEmail(email)),
    ip ? secondsUntilUnlocked(countsForIp(ip)!) : 0,
  ]);
  const wait = Math.max(...seconds);
  return wait > 0 ? Math.max(1, Math.ceil(wait / 60)) : null;
}

// Locked while MAX_FAILURES fall inside the window: it lifts when the 10th newest ages out.
async function secondsUntilUnlocked(who: SQL): Promise<number> {
  const [tenthNewest] = await getDb()
    .select({ seconds: sql<number>`extract(epoch from (${signInFailures.failedAt} + ${WINDOW} - now()))`.mapWith(Number) })
    .from(signInFailures)
    .where(and(who, inWindow))
    .orderBy(desc(signInFailures.failedAt))
    .offset(MAX_FAILURES - 1)
    .limit(1);
  return tenthNewest?.seconds ?? 0;
}

export const MAX_SIGN_UPS_PER_HOUR = 20;

/**
 * Records a sign-up from `ip` and says whether it may go on: at most 20 an hour per address
 * (a team onboarding from one office fits; a script hashing passwords on our CPU does not).
 * Recorded before counting, like sign-in attempts, so a parallel burst cannot slip through.
 */
export async function beginSignUp(ip: string | null): Promise<boolean> {
  if (!ip) return true;
  const db = getDb();
  const hourAgo = sql`now() - interval '1 hour'`;
  await db.delete(signUpAttempts).where(lt(signUpAttempts.attemptedAt, hourAgo));
  const [attempt] = await db.insert(signUpAttempts).values({ ip }).returning({ id: signUpAttempts.id });
  const [recent] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(signUpAttempts)
    .where(and(eq(signUpAttempts.ip, ip), gt(signUpAttempts.attemptedAt, hourAgo)));
  if (recent!.n <= MAX_SIGN_UPS_PER_HOUR) return true;
  await db.delete(signUpAttempts).where(eq(signUpAttempts.id, attempt!.id));
  return false;
}
