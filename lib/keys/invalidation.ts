// Fan-out of key changes to every server instance. The transaction that changes a key sends
// NOTIFY (delivered on commit) with the key's hash, a change id and the server it came from;
// each server LISTENs, evicts the key from its cache and acknowledges the change on the origin's
// own ack channel, so the origin can tell how many servers have it (propagation.ts).
//
// LISTEN runs on a connection of its own (max: 1), so that this module sees it close: postgres-js's
// `sql.listen` reconnects by itself but never says it was down. While it is down notifications
// are lost, so the cache is distrusted (every check asks the database) until LISTEN is back and
// the cache has been emptied. A probe query every few seconds finds a connection that died
// silently (a host gone without closing its sockets).
import postgres, { type Sql } from "postgres";
import { log } from "@/lib/log";
import { recordAck } from "./propagation";
import type { KeyCache } from "./cache";

export const KEY_CHANGED_CHANNEL = "switchboard_api_key_changed";

/** Where the servers acknowledge the changes made by server `serverId`. */
export function ackChannelOf(serverId: string) {
  return `switchboard_key_ack_${serverId.replaceAll("-", "")}`;
}

export type KeyChange = { hash: string; changeId: string | null; origin: string | null };

/** The NOTIFY payload of a key change: JSON, well under PostgreSQL's 8,000 bytes. Never logged. */
export function keyChangePayload(change: KeyChange): string {
  return JSON.stringify({ h: change.hash, c: change.changeId, o: change.origin });
}

/** A payload of this version, or a bare hash (what servers sent before change ids existed). */
export function parseKeyChange(payload: string): KeyChange | null {
  if (!payload.startsWith("{")) return { hash: payload, changeId: null, origin: null };
  try {
    const { h, c, o } = JSON.parse(payload) as { h?: unknown; c?: unknown; o?: unknown };
    if (typeof h !== "string") return null;
    return { hash: h, changeId: typeof c === "string" ? c : null, origin: typeof o === "string" ? o : null };
  } catch {
    return null;
  }
}

export type KeyChangeListener = {
  /** Whether LISTEN is up and the cache trusted (for /readyz and metrics). */
  connected(): boolean;
  stop(): Promise<void>;
};

export type ListenOptions = {
  url: string;
  /** This server's id: its ack channel, and the name its connection shows in pg_stat_activity. */
  serverId: string;
  cache: KeyCache;
  /** Anything else that depends on keys (the origins of public keys, say). */
  onChange?: () => void;
  /** First delay before reconnecting, doubled on each failure up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often the connection is probed, and how long a probe may take before it is dropped. */
  probeMs?: number;
};

/** The application_name of a server's LISTEN connection (tests find it by this). */
export const listenApplicationName = (serverId: string) => `switchboard-listen ${serverId}`;

const globalForListener = globalThis as unknown as { switchboardKeyListener?: KeyChangeListener };

/** Whether this process's LISTEN connection is up; false when it has none (no platform API). */
export function listenConnected(): boolean {
  return globalForListener.switchboardKeyListener?.connected() ?? false;
}

/**
 * Starts listening. Resolves after the first attempt: connected, or (database unreachable)
 * retrying in the background with the cache distrusted meanwhile.
 */
export async function startKeyChangeListener(options: ListenOptions): Promise<KeyChangeListener> {
  const { cache, serverId } = options;
  const onChange = options.onChange ?? (() => {});
  const retryMs = options.retryMs ?? 100;
  const maxRetryMs = options.maxRetryMs ?? Math.max(retryMs, 2_000);
  const probeMs = options.probeMs ?? 5_000;
  const ackChannel = ackChannelOf(serverId);
  let session: Sql | null = null;
  let connected = false;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  // Set once the connection was lost, so that its return is logged once too.
  let wasDown = false;

  function onNotify(channel: string, payload: string) {
    if (channel === ackChannel) {
      const separator = payload.indexOf(" ");
      if (separator > 0) recordAck(payload.slice(separator + 1), payload.slice(0, separator));
      return;
    }
    if (channel !== KEY_CHANGED_CHANNEL) return;
    const change = parseKeyChange(payload);
    if (!change) return;
    cache.invalidate(change.hash);
    onChange();
    // Evicted: tell the server the change came from. Sent on this connection, so an ack also
    // proves that this server still hears notifications.
    if (change.changeId && change.origin && session) {
      session`select pg_notify(${ackChannelOf(change.origin)}, ${`${serverId} ${change.changeId}`})`.catch(() => {});
    }
  }

  async function connect() {
    retry = undefined;
    if (stopped) return;
    const current: Sql = postgres(options.url, {
      max: 1,
      idle_timeout: 0,
      max_lifetime: null,
      fetch_types: false,
      onnotice: () => {},
      onclose: () => void (current === session && lost()),
      connection: { application_name: listenApplicationName(serverId) },
      // The driver's own hook for every NotificationResponse (what its `listen` uses), missing
      // from its type declarations.
      ...({ onnotify: onNotify } as object),
    });
    session = current;
    try {
      await current.unsafe(`listen "${KEY_CHANGED_CHANNEL}"`);
      await current.unsafe(`listen "${ackChannel}"`);
      if (current !== session) return;
      failures = 0;
      connected = true;
      // Notifications sent while we were not listening are lost: start from an empty cache.
      cache.trustAgain();
      onChange();
      if (wasDown) log.info({ scope: "listen" }, "LISTEN connection back: key cache emptied and trusted again");
      wasDown = false;
    } catch {
      if (current === session) lost();
    }
  }

  function lost() {
    const old = session;
    session = null;
    old?.end({ timeout: 0 }).catch(() => {});
    if (connected) log.warn({ scope: "listen" }, "LISTEN connection lost: checking every key against the database until it is back");
    connected = false;
    wasDown = true;
    cache.distrust();
    if (stopped || retry) return;
    const delay = Math.min(retryMs * 2 ** failures++, maxRetryMs);
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
  }

  // A query on the LISTEN connection itself: if it does not answer in time, the connection is
  // as good as gone, whether or not its socket has noticed.
  const probe = setInterval(() => {
    const current = session;
    if (!connected || !current) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("probe timed out")), probeMs)));
    Promise.race([current`select 1`, deadline])
      .catch(() => current === session && lost())
      .finally(() => clearTimeout(timer));
  }, probeMs);
  probe.unref();

  const listener: KeyChangeListener = {
    connected: () => connected,
    async stop() {
      stopped = true;
      clearInterval(probe);
      clearTimeout(retry);
      const old = session;
      session = null;
      connected = false;
      // Nothing keeps the cache fresh any more.
      cache.distrust();
      if (globalForListener.switchboardKeyListener === listener) globalForListener.switchboardKeyListener = undefined;
      await old?.end({ timeout: 1 });
    },
  };
  // Until LISTEN is up, nothing cached may be trusted.
  cache.distrust();
  await connect();
  globalForListener.switchboardKeyListener = listener;
  return listener;
}
