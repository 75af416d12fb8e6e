// The "Get started" checklist (/onboarding): where a workspace stands on its three steps. Its two
// writes are in lib/services/onboarding.ts.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** NOTIFY channel of a workspace's first authenticated request; the payload is its id. */
export const FIRST_REQUEST_CHANNEL = "switchboard_first_request";

export type OnboardingState = {
  /** The workspace's oldest live agent, once it has one. */
  agent: { id: string; name: string } | null;
  /** Whether any key was ever generated in it (a revoked one counts: the step was done). */
  hasKey: boolean;
  firstRequestAt: Date | null;
  /** When this person closed the checklist, if they did. */
  dismissedAt: Date | null;
};

/** The checklist's state for one person in one workspace, in one round trip. */
export async function findOnboardingState(db: Database, workspaceId: string, userId: string): Promise<OnboardingState> {
  const rows = await db.execute<{
    agent_id: string | null;
    agent_name: string | null;
    has_key: boolean;
    first_request_at: string | null;
    dismissed_at: string | null;
  }>(sql`
    select
      a.id as agent_id, a.name as agent_name,
      exists (select 1 from api_keys k where k.workspace_id = w.id) as has_key,
      w.first_request_at, m.onboarding_dismissed_at as dismissed_at
    from workspaces w
    left join memberships m on m.workspace_id = w.id and m.user_id = ${userId}
    left join lateral (
      select id, name from agents where workspace_id = w.id and deleted_at is null order by created_at, id limit 1
    ) a on true
    where w.id = ${workspaceId}`);
  const row = rows[0];
  return {
    agent: row?.agent_id ? { id: row.agent_id, name: row.agent_name ?? "" } : null,
    hasKey: row?.has_key ?? false,
    firstRequestAt: row?.first_request_at ? new Date(row.first_request_at) : null,
    dismissedAt: row?.dismissed_at ? new Date(row.dismissed_at) : null,
  };
}
