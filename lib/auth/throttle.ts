// Sign-in throttling: after 10 failed sign-ins for one email or one IP within 15 minutes,
// further attempts are refused until enough failures age out. Failures live in PostgreSQL so
// every server instance counts the same.
import { and, desc, eq, gt, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

/** Minutes until this email and IP may try again, or null when they may try now. */
export async function signInLockedForMinutes(email: string, ip: string | null, now = new Date()) {
  const since = new Date(now.getTime() - WINDOW_MS);
  const checks = [eq(signInFailures.email, email), ip ? eq(signInFailures.ip, ip) : undefined];
  const unlockTimes = await Promise.all(
    checks.filter((c): c is SQL => c !== undefined).map(async (who) => {
      // Locked while MAX_FAILURES fall inside the window: it opens when the 10th newest ages out.
      const [tenthNewest] = await getDb()
        .select({ failedAt: signInFailures.failedAt })
        .from(signInFailures)
        .where(and(who, gt(signInFailures.failedAt, since)))
        .orderBy(desc(signInFailures.failedAt))
        .offset(MAX_FAILURES - 1)
        .limit(1);
      return tenthNewest ? tenthNewest.failedAt.getTime() + WINDOW_MS : 0;
    }),
  );
  const unlockAt = Math.max(0, ...unlockTimes);
  if (unlockAt <= now.getTime()) return null;
  return Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
}

export async function recordSignInFailure(email: string, ip: string | null) {
  const db = getDb();
  await db.insert(signInFailures).values({ email, ip });
  // Old rows are useless; trim them as we go instead of running a separate job.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, new Date(Date.now() - WINDOW_MS)));
}

export async function clearSignInFailures(email: string) {
  await getDb().delete(signInFailures).where(eq(signInFailures.email, email));
}
