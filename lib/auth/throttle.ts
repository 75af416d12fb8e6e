// Sign-in throttling: after 10 failed sign-ins for one email or one IP within 15 minutes,
// further attempts are refused until enough failures age out. Attempts live in PostgreSQL so
// every server instance counts the same, and all time arithmetic uses the database's clock.
//
// An attempt is recorded *before* the password is checked and counted together with every
// other attempt in flight, so a burst of parallel guesses cannot all pass the check at once;
// a successful attempt removes its row again.
import { and, desc, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const MAX_FAILURES = 10;
const WINDOW = sql`interval '15 minutes'`;

const inWindow = gt(signInFailures.failedAt, sql`now() - ${WINDOW}`);
const matches = (email: string, ip: string | null) =>
  ip ? or(eq(signInFailures.email, email), eq(signInFailures.ip, ip)) : eq(signInFailures.email, email);

export type SignInAttempt = { id: string; allowed: boolean };

/** Records an attempt; `allowed` is false when the email or the IP is over the limit. */
export async function beginSignInAttempt(email: string, ip: string | null): Promise<SignInAttempt> {
  const db = getDb();
  // Old rows are useless; trim them as we go instead of running a separate job.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, sql`now() - ${WINDOW}`));
  const [attempt] = await db.insert(signInFailures).values({ email, ip }).returning({ id: signInFailures.id });
  const [counts] = await db
    .select({
      email: sql<number>`count(*) filter (where ${signInFailures.email} = ${email})`.mapWith(Number),
      ip: ip ? sql<number>`count(*) filter (where ${signInFailures.ip} = ${ip})`.mapWith(Number) : sql<number>`0`.mapWith(Number),
    })
    .from(signInFailures)
    .where(and(matches(email, ip), inWindow));
  const allowed = counts!.email <= MAX_FAILURES && counts!.ip <= MAX_FAILURES;
  // Attempts refused by the lock do not count, or the lock would never lift while someone keeps trying.
  if (!allowed) await forget(attempt!.id);
  return { id: attempt!.id, allowed };
}

/** The password was right: the attempt was no failure, and the email's slate is wiped. */
export async function signInSucceeded(attempt: SignInAttempt, email: string) {
  await getDb()
    .delete(signInFailures)
    .where(or(eq(signInFailures.id, attempt.id), eq(signInFailures.email, email)));
}

/** Minutes until this email and IP may try again, or null when they may try now. */
export async function signInLockedForMinutes(email: string, ip: string | null): Promise<number | null> {
  const seconds = await Promise.all([
    secondsUntilUnlocked(eq(signInFailures.email, email)),
    ip ? secondsUntilUnlocked(eq(signInFailures.ip, ip)) : 0,
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

async function forget(id: string) {
  await getDb().delete(signInFailures).where(eq(signInFailures.id, id));
}
