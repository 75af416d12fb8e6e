// A workspace's settings: plain data access (changes are in lib/services/).
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { workspaces } from "@/db/schema";

export async function findWorkspaceSettings(db: Database | Transaction, workspaceId: string) {
  const [row] = await db
    .select({ disableUnusedKeysAfterDays: workspaces.disableUnusedKeysAfterDays, requireTwoFactor: workspaces.requireTwoFactor })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ?? { disableUnusedKeysAfterDays: null, requireTwoFactor: false };
}
