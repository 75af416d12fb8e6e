// A failed sign-in to a known account is recorded in the audit log of every workspace the
// account belongs to, so its admins can see someone trying their colleague's password.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

export async function recordFailedSignIn(user: { id: string; email: string }, from: { ip: string | null; userAgent: string | null }) {
  await getDb().transaction(async (tx) => {
    const rows = await tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, user.id));
    await recordAudit(
      tx,
      rows.map(({ workspaceId }) => ({
        workspaceId,
        actor: { type: "anonymous" as const, ...from },
        action: "auth.sign_in_failed" as const,
        target: { type: "user" as const, id: user.id, label: user.email },
        metadata: { email: user.email },
      })),
    );
  });
}
