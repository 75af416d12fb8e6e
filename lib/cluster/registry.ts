// The server registry: every API server has a row in `servers` while it runs, so that a key
// change can tell how many servers it has to reach (lib/keys/propagation.ts). A row is renewed
// every 5 s and counts while its heartbeat is under 15 s old: a server that died without
// deregistering drops out of the count within 15 s, and its row is purged after an hour.
import { hostname } from "node:os";
import type { Database } from "@/db/client";
import { deleteServers, deregisterServer, heartbeatServer, purgeDeadServers, serversOnHost } from "@/db/queries/servers";
import { log } from "@/lib/log";
import { describeError } from "@/lib/server/error-log";

const HEARTBEAT_MS = 5_000;
const PURGE_AFTER_SECONDS = 3_600;
// Purging is housekeeping: once a minute is plenty, and idempotent across servers.
const PURGE_EVERY_BEATS = 12;

const globalForRegistry = globalThis as unknown as { switchboardServerId?: string };

/** This process's server id while it is registered; null in a process that serves no API. */
export function currentServerId(): string | null {
  return globalForRegistry.switchboardServerId ?? null;
}

export async function startServerRegistry(db: Database, serverId: string, options: { heartbeatMs?: number } = {}) {
  const server = { id: serverId, hostname: hostname(), pid: process.pid };
  await forgetDeadPredecessors(db, server.hostname);
  await heartbeatServer(db, server);
  globalForRegistry.switchboardServerId = serverId;
  let beats = 0;
  let failing = false;
  const timer = setInterval(() => {
    void (async () => {
      try {
        await heartbeatServer(db, server);
        if (++beats % PURGE_EVERY_BEATS === 0) await purgeDeadServers(db, PURGE_AFTER_SECONDS);
        if (failing) log.info({ scope: "registry" }, "heartbeats resumed");
        failing = false;
      } catch (error) {
        // One line when heartbeats start failing (the database is down), not one every 5 s.
        if (!failing) log.warn({ scope: "registry", error: describeError(error) }, `heartbeat failed, retrying every ${HEARTBEAT_MS / 1000} s`);
        failing = true;
      }
    })();
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  timer.unref();

  return {
    id: serverId,
    async stop() {
      clearInterval(timer);
      if (globalForRegistry.switchboardServerId === serverId) globalForRegistry.switchboardServerId = undefined;
      await deregisterServer(db, serverId);
    },
  };
}

/**
 * A server killed and restarted on the same host would otherwise count as a live server that
 * never confirms for up to 15 s. Rows of this host whose process is gone (or whose pid is ours:
 * a container restarted with the same pid) are deleted at start. Were two hosts to share a
 * hostname, a live server's row would be back at its next heartbeat, 5 s later.
 */
async function forgetDeadPredecessors(db: Database, host: string) {
  const dead = (await serversOnHost(db, host)).filter((row) => row.pid === process.pid || !processAlive(row.pid));
  await deleteServers(db, host, dead.map((row) => row.id));
}

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
