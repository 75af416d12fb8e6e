// Leaked keys (README "Leaked keys"): plain data access for the API Keys page's banner and for
// the email to the workspace's owners and admins. Changes are in lib/services/leaked-keys.ts.
// Read by the API servers too, so this module does not import `server-only`.
import { and, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { apiKeys, memberships, users } from "@/db/schema";

/** The banner shows at most this many; more than that is one line saying how many more. */
export const LEAKED_KEYS_SHOWN = 10;

/** The workspace's keys found in public that are still live and not yet rolled: the ones to roll. */
export async function listLeakedKeys(db: Database | Transaction, workspaceId: string) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, status: apiKeys.status, leakedAt: apiKeys.leakedAt, leakedWhere: apiKeys.leakedWhere, leakedSource: apiKeys.leakedSource })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNotNull(apiKeys.leakedAt), isNull(apiKeys.revokedAt), isNull(apiKeys.rolledToId)))
    .orderBy(desc(apiKeys.leakedAt))
    .limit(LEAKED_KEYS_SHOWN + 1);
}

export type LeakedKey = Awaited<ReturnType<typeof listLeakedKeys>>[number];

/** Who is told when a key leaks: the workspace's owners and admins (they can roll it). */
export async function leakRecipients(db: Database | Transaction, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["owner", "admin"])));
  return rows.map((row) => row.email);
}
