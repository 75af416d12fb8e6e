// Spending a key's call credits (README "Credits"). One conditional UPDATE takes a credit, in the
// transaction of the call it pays for: the row lock it takes makes every other spender wait and
// re-check, so two servers can never spend the same credit. The refill is folded in: a balance
// last refilled before this day's (or month's) 00:00 UTC starts from the refill amount. A key in
// its grace period after a roll spends its successor's balance (rolled_to_id), so a roll never
// doubles the credits.
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { CreditInterval } from "@/lib/keys/limits";

export type SpendResult =
  | { outcome: "unlimited" }
  | { outcome: "spent"; remaining: number }
  | { outcome: "none_left"; refill: CreditInterval | null };

/** Successors followed at most: a key rolled again within its predecessor's grace period, and so on. */
const MAX_ROLLS = 8;

export async function spendCredit(tx: Transaction, workspaceId: string, keyId: string): Promise<SpendResult> {
  const result = await trySpend(tx, workspaceId, keyId);
  // Refused under this statement's snapshot: a roll that committed meanwhile may have moved the
  // balance to the successor. A new statement sees it.
  return result.outcome === "none_left" ? trySpend(tx, workspaceId, keyId) : result;
}

async function trySpend(tx: Transaction, workspaceId: string, keyId: string): Promise<SpendResult> {
  const due = sql`k.credits_refill_interval is not null and k.credits_refilled_at < date_trunc(k.credits_refill_interval, now(), 'UTC')`;
  const balance = sql`(case when ${due} then k.credits_refill_amount else k.credits_remaining end)`;
  const [row] = await tx.execute<{ limited: boolean; refill: CreditInterval | null; spent: boolean; left: number | null }>(sql`
    with recursive chain as (
      select id, rolled_to_id, 0 as depth from api_keys where id = ${keyId} and workspace_id = ${workspaceId}
      union all
      select k.id, k.rolled_to_id, chain.depth + 1 from api_keys k join chain on k.id = chain.rolled_to_id
      where k.workspace_id = ${workspaceId} and chain.depth < ${MAX_ROLLS}
    ),
    payer as (select id from chain order by depth desc limit 1),
    spent as (
      update api_keys k
      set credits_remaining = ${balance} - 1,
          credits_refilled_at = case when ${due} then now() else k.credits_refilled_at end
      from payer
      where k.id = payer.id and k.workspace_id = ${workspaceId} and k.credits_remaining is not null and ${balance} > 0
      returning k.credits_remaining
    )
    select p.credits_remaining is not null as limited, p.credits_refill_interval as refill,
           exists (select 1 from spent) as spent, (select credits_remaining from spent) as left
    from api_keys p join payer on p.id = payer.id`);
  if (row?.spent) return { outcome: "spent", remaining: row.left! };
  if (!row?.limited) return { outcome: "unlimited" };
  return { outcome: "none_left", refill: row.refill };
}
