// Sign-up: the person, their first workspace and their owner membership, all or nothing, with
// the workspace's first audit event. Someone signing up to accept an invitation needs no
// workspace of their own: without a workspace name only the person is created.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, users, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

export type SignUpResult = { ok: true; userId: string; workspaceId: string | null } | { ok: false; reason: "email_taken" };

export async function signUp(
  input: { name: string; email: string; passwordHash: string; workspaceName: string | null },
  from: { ip: string | null; userAgent: string | null },
): Promise<SignUpResult> {
  try {
    return await getDb().transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash: input.passwordHash })
        .returning({ id: users.id });
      if (input.workspaceName === null) return { ok: true as const, userId: user!.id, workspaceId: null };
      const [workspace] = await tx.insert(workspaces).values({ name: input.workspaceName }).returning({ id: workspaces.id });
      await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: "owner" });
      await tx.update(users).set({ activeWorkspaceId: workspace!.id }).where(eq(users.id, user!.id));
      await recordAudit(tx, {
        workspaceId: workspace!.id,
        actor: { type: "user", id: user!.id, email: input.email, ...from },
        action: "workspace.created",
        target: { type: "workspace", id: workspace!.id, label: input.workspaceName },
        metadata: { name: input.workspaceName },
      });
      return { ok: true as const, userId: user!.id, workspaceId: workspace!.id as string | null };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) return { ok: false, reason: "email_taken" };
    throw error;
  }
}
