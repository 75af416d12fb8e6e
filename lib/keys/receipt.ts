// The words of a revocation receipt (lib/keys/propagation.ts), for the dashboard's toasts:
// "Disabled "production" on 3 of 3 servers in 12 ms". A server that did not confirm still applies
// the change, because it stops trusting its cache once it has lost its connection
// (lib/keys/invalidation.ts), and the toast says so rather than leave a doubt.
import { formatCount } from "@/lib/format-count";
import type { Propagation } from "./propagation";

/**
 * `done`: what happened, as a sentence start ('Disabled "production"'). `effect`: what a server
 * that did not confirm does anyway: refuse the key (disable, revoke) or apply the change.
 */
export function receiptText(done: string, propagation: Propagation, effect: "refuses the key" | "applies the change"): string {
  const { servers, confirmed, ms } = propagation;
  if (servers === 0) return `${done}. No API servers are running to confirm it.`;
  const reached = `${done} on ${confirmed} of ${servers} servers in ${formatCount(ms)} ms`;
  const missing = servers - confirmed;
  if (missing <= 0) return reached;
  const they = missing === 1 ? `1 server did not confirm; it ${effect} anyway` : `${missing} servers did not confirm; they ${effect === "refuses the key" ? "refuse the key" : "apply the change"} anyway`;
  return `${reached}. ${they}, because a server stops trusting its cache once it has lost its connection.`;
}
