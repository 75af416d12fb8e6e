// The server registry's rows (lib/cluster/registry.ts). Times are the database's own clock, so
// servers whose clocks disagree still agree on who is alive. Like the hot path's queries, no
// `server-only`: the API servers run in plain Node.
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { servers } from "@/db/schema";

/** A server whose heartbeat is older than this no longer counts. */
export const SERVER_ALIVE_SECONDS = 15;

/** Inserts the server's row, or renews its heartbeat (and puts it back if it was purged). */
export async function heartbeatServer(db: Database, server: { id: string; hostname: string; pid: number }) {
  await db
    .insert(servers)
    .values(server)
    .onConflictDoUpdate({ target: servers.id, set: { heartbeatAt: sql`now()` } });
}

export async function deregisterServer(db: Database, id: string) {
  await db.delete(servers).where(eq(servers.id, id));
}

/** The ids of the servers alive now. */
export async function liveServerIds(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: servers.id })
    .from(servers)
    .where(gt(servers.heartbeatAt, sql`now() - make_interval(secs => ${SERVER_ALIVE_SECONDS})`));
  return rows.map((row) => row.id);
}

/** The rows of servers on `hostname`: whose pids this host can check. */
export async function serversOnHost(db: Database, hostname: string) {
  return db.select({ id: servers.id, pid: servers.pid }).from(servers).where(eq(servers.hostname, hostname));
}

export async function deleteServers(db: Database, hostname: string, ids: string[]) {
  if (ids.length > 0) await db.delete(servers).where(and(eq(servers.hostname, hostname), inArray(servers.id, ids)));
}

/** Deletes the rows of servers that died without deregistering, `olderThanSeconds` ago. */
export async function purgeDeadServers(db: Database, olderThanSeconds: number) {
  await db.delete(servers).where(lt(servers.heartbeatAt, sql`now() - make_interval(secs => ${olderThanSeconds})`));
}
