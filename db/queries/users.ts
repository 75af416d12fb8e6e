import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, users, workspaces } from "@/db/schema";

export async function findUserByEmail(email: string) {
  const [user] = await getDb().select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

/** Sign-up: the user, their workspace and their owner membership, all or nothing. */
export async function createUserWithWorkspace(input: {
  name: string;
  email: string;
  passwordHash: string;
  workspaceName: string;
}): Promise<{ ok: true; userId: string; workspaceId: string } | { ok: false; reason: "email_taken" }> {
  try {
    return await getDb().transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash: input.passwordHash })
        .returning({ id: users.id });
      const [workspace] = await tx
        .insert(workspaces)
        .values({ name: input.workspaceName })
        .returning({ id: workspaces.id });
      await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: "owner" });
      return { ok: true as const, userId: user!.id, workspaceId: workspace!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) return { ok: false, reason: "email_taken" };
    throw error;
  }
}
