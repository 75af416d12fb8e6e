// The "Get started" checklist's two writes: a person closing it, and the workspace's first
// successful authenticated request (step 3). Neither is audited: the first is a preference of
// one person, the second a fact about traffic, like "last used".
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { FIRST_REQUEST_CHANNEL } from "@/db/queries/onboarding";
import { memberships } from "@/db/schema";
import type { UserActor } from "./actor";

/** Closes the checklist for this person only; the workspace's other members keep seeing it. */
export async function dismissOnboarding(actor: UserActor, input: { workspaceId: string }) {
  await getDb()
    .update(memberships)
    .set({ onboardingDismissedAt: new Date() })
    .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, actor.id)));
}

/**
 * Records the workspace's first successful request if it has none yet, and tells every server's
 * open checklists (NOTIFY, sent only when this call was the first). Returns whether it was.
 */
export async function recordFirstRequest(workspaceId: string): Promise<boolean> {
  const rows = await getDb().execute<{ id: string }>(sql`
    with first as (
      update workspaces set first_request_at = now() where id = ${workspaceId} and first_request_at is null returning id
    )
    select id, pg_notify(${FIRST_REQUEST_CHANNEL}, id::text) from first`);
  return rows.length > 0;
}
