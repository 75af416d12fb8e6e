// Sign-in and sign-up throttling, in PostgreSQL so that every server instance counts the same;
// all time arithmetic uses the database's clock. An "address" is an IPv4 address or an IPv6 /64
// (lib/auth/address.ts). Failed sign-ins count three ways, each within a sliding 15-minute window:
//
// - one account from one address: 10 failures. This is the limit a guesser meets, and it locks
//   out only that address: a stranger who types someone else's email cannot lock its owner out
//   from anywhere else.
// - one account from anywhere: 100 failures, against guessing spread over many addresses. A
//   browser that has signed in to the account before (its known-device cookie,
//   lib/auth/known-device.ts) is exempt, so a distributed attack can keep the owner out of a new
//   browser for at most the window, never out of the browsers they already use.
// - one address, any accounts: 50 failures, against one host trying a password on many accounts.
//
// An attempt is recorded (`pending`) *before* the password is checked. Pending attempts count
// for the account limits, so a burst of parallel guesses cannot slip past them. For the address
// limit only finished failures count: people signing in at the same moment behind one office
// address must not refuse each other.
import { and, desc, eq, gt, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures, signUpAttempts } from "@/db/schema";
import { throttleKey } from "./address";

export const LIMITS = { accountFromAddress: 10, account: 100, address: 50 } as const;
/** The limit a single guesser meets (the per-account-and-address one). */
export const MAX_FAILURES = LIMITS.accountFromAddress;
const WINDOW = sql`interval '15 minutes'`;

const inWindow = gt(signInFailures.failedAt, sql`now() - ${WINDOW}`);
const forAccount = (email: string) => eq(signInFailures.email, email);
const fromAddress = (ip: string | null) => (ip ? eq(signInFailures.ip, ip) : isNull(signInFailures.ip));
const forAccountFromAddress = (email: string, ip: string | null) => and(forAccount(email), fromAddress(ip))!;
const finishedFromAddress = (ip: string) => and(eq(signInFailures.ip, ip), eq(signInFailures.pending, false))!;

export type SignInAttempt = { id: string | null; allowed: boolean };
/** `knownDevice`: the browser carries this account's known-device cookie. */
export type AttemptSource = { knownDevice?: boolean };

/** Starts an attempt; `allowed` is false when any of the three limits is reached. */
export async function beginSignInAttempt(email: string, clientIp: string | null, source: AttemptSource = {}): Promise<SignInAttempt> {
  // While a lock holds, refuse without writing: a locked-out guesser costs reads, not rows.
  if (await signInLockedForMinutes(email, clientIp, source)) return { id: null, allowed: false };
  const ip = throttleKey(clientIp);

  const db = getDb();
  const [attempt] = await db.insert(signInFailures).values({ email, ip, pending: true }).returning({ id: signInFailures.id });
  const count = (where: SQL) => sql<number>`count(*) filter (where ${where})`.mapWith(Number);
  const [counts] = await db
    .select({
      accountFromAddress: count(forAccountFromAddress(email, ip)),
      account: count(forAccount(email)),
      address: ip ? count(finishedFromAddress(ip)) : sql<number>`0`.mapWith(Number),
    })
    .from(signInFailures)
    .where(and(ip ? or(forAccount(email), eq(signInFailures.ip, ip)) : forAccount(email), inWindow));
  // The account counts include this attempt; the address counts finished failures only.
  const allowed =
    counts!.accountFromAddress <= LIMITS.accountFromAddress &&
    (counts!.account <= LIMITS.account || source.knownDevice === true) &&
    counts!.address < LIMITS.address;
  if (!allowed) {
    await db.delete(signInFailures).where(eq(signInFailures.id, attempt!.id));
    return { id: null, allowed };
  }
  return { id: attempt!.id, allowed };
}

/** The password was wrong: the attempt becomes a failure that counts for the address too. */
export async function signInFailed(attempt: SignInAttempt) {
  const db = getDb();
  if (attempt.id) await db.update(signInFailures).set({ pending: false }).where(eq(signInFailures.id, attempt.id));
  // Old rows are useless; trim them as we go (indexed) instead of running a separate job.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, sql`now() - ${WINDOW}`));
}

/**
 * The password was right: this address's failures for the account are wiped. Failures from
 * other addresses stay and age out, so a correct sign-in cannot reset a distributed attack.
 */
export async function signInSucceeded(email: string, clientIp: string | null) {
  await getDb().delete(signInFailures).where(forAccountFromAddress(email, throttleKey(clientIp)));
}

/** Minutes until this email may try again from this address, or null when it may try now. */
export async function signInLockedForMinutes(email: string, clientIp: string | null, source: AttemptSource = {}): Promise<number | null> {
  const ip = throttleKey(clientIp);
  const seconds = await Promise.all([
    secondsUntilUnlocked(forAccountFromAddress(email, ip), LIMITS.accountFromAddress),
    source.knownDevice ? 0 : secondsUntilUnlocked(forAccount(email), LIMITS.account),
    ip ? secondsUntilUnlocked(finishedFromAddress(ip), LIMITS.address) : 0,
  ]);
  const wait = Math.max(...seconds);
  return wait > 0 ? Math.max(1, Math.ceil(wait / 60)) : null;
}

// Locked while `limit` failures fall inside the window: it lifts when the limit-th newest ages out.
async function secondsUntilUnlocked(who: SQL, limit: number): Promise<number> {
  const [oldestCounted] = await getDb()
    .select({ seconds: sql<number>`extract(epoch from (${signInFailures.failedAt} + ${WINDOW} - now()))`.mapWith(Number) })
    .from(signInFailures)
    .where(and(who, inWindow))
    .orderBy(desc(signInFailures.failedAt))
    .offset(limit - 1)
    .limit(1);
  return oldestCounted?.seconds ?? 0;
}

export const MAX_SIGN_UPS_PER_HOUR = 20;

/**
 * Records a sign-up from `ip` and says whether it may go on: at most 20 an hour per address
 * (a team onboarding from one office fits; a script hashing passwords on our CPU does not).
 * Recorded before counting, like sign-in attempts, so a parallel burst cannot slip through.
 */
export async function beginSignUp(clientIp: string | null): Promise<boolean> {
  const ip = throttleKey(clientIp);
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
