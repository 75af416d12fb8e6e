// The revocation receipt: how many live servers have evicted a changed key, and how fast.
// A service that changes a key tracks the change id it sends in its NOTIFY (invalidation.ts);
// every server that hears it acknowledges on this server's ack channel; the adapter that made the
// change (dashboard action or API route) then waits up to a second for the acks of every server
// in the registry. The tracker is process-wide on globalThis, like the key cache: Next's bundle
// makes the change, server.ts's module graph hears the acks.
import { getDb } from "@/db/client";
import { liveServerIds } from "@/db/queries/servers";
import { currentServerId } from "@/lib/cluster/registry";

/** servers: live servers per the registry; confirmed: those that acknowledged; ms: how long it took. */
export type Propagation = { servers: number; confirmed: number; ms: number };

type Tracked = { startedAt: number; lastAckAt: number; acks: Set<string>; wake: (() => void) | null; expiry: NodeJS.Timeout };

const globalForPropagation = globalThis as unknown as { switchboardPropagation?: Map<string, Tracked> };
const tracked = () => (globalForPropagation.switchboardPropagation ??= new Map());

// A change nobody waits for (a hygiene sweep, a test calling a service) is forgotten after this.
const FORGET_AFTER_MS = 10_000;

/** Called when a change is notified, before its commit: no ack can arrive before this. */
export function trackChange(changeId: string) {
  const changes = tracked();
  const expiry = setTimeout(() => changes.delete(changeId), FORGET_AFTER_MS);
  expiry.unref();
  const now = performance.now();
  changes.set(changeId, { startedAt: now, lastAckAt: now, acks: new Set(), wake: null, expiry });
}

/** An ack heard on this server's ack channel. */
export function recordAck(changeId: string, serverId: string) {
  const change = tracked().get(changeId);
  if (!change || change.acks.has(serverId)) return;
  change.acks.add(serverId);
  change.lastAckAt = performance.now();
  change.wake?.();
}

/**
 * Waits until every live server has acknowledged `changeId`, or `timeoutMs` after the change was
 * sent. Call it after the service returned (the change is committed and evicted here). Without a
 * change id (the change changed nothing) every server already answers as the key now is. In a
 * process that is no registered server nobody acks to it: it reports the servers and 0 at once.
 */
export async function awaitPropagation(changeId: string | null, timeoutMs = 1_000): Promise<Propagation> {
  const live = liveServerIds(getDb()).catch(() => [] as string[]);
  const change = changeId ? tracked().get(changeId) : undefined;
  const self = currentServerId();
  if (!changeId) {
    const servers = (await live).length;
    return { servers, confirmed: servers, ms: 0 };
  }
  if (!change || !self) return { servers: (await live).length, confirmed: 0, ms: 0 };
  // This server evicted the key itself, after commit and before this call.
  if (!change.acks.has(self)) {
    change.acks.add(self);
    change.lastAckAt = Math.max(change.lastAckAt, performance.now());
  }
  const expected = await live;
  const deadline = change.startedAt + timeoutMs;
  const complete = () => expected.every((id) => change.acks.has(id));
  while (!complete() && performance.now() < deadline) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
      change.wake = () => (clearTimeout(timer), resolve());
    });
    change.wake = null;
  }
  clearTimeout(change.expiry);
  tracked().delete(changeId);
  // A server that started after the registry was read still counts once it has acknowledged.
  const servers = new Set([...expected, ...change.acks]).size;
  const confirmed = change.acks.size;
  const ms = Math.round((confirmed >= servers ? change.lastAckAt : performance.now()) - change.startedAt);
  return { servers, confirmed, ms };
}

export const PROPAGATION_HEADER = "Switchboard-Propagation";

/** `servers=3, confirmed=3, ms=12`: the Switchboard-Propagation header (a structured-field dictionary). */
export function propagationHeader(propagation: Propagation): string {
  return `servers=${propagation.servers}, confirmed=${propagation.confirmed}, ms=${propagation.ms}`;
}
