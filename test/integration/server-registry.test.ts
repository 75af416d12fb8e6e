// The server registry and the receipts built on it, in process: which servers count, and what
// awaitPropagation reports when servers acknowledge, when one does not, and when this process is
// no server at all.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { heartbeatServer, liveServerIds, purgeDeadServers } from "@/db/queries/servers";
import { servers } from "@/db/schema";
import { currentServerId, startServerRegistry } from "@/lib/cluster/registry";
import { getEnv } from "@/lib/env";
import { KeyCache } from "@/lib/keys/cache";
import { startKeyChangeListener, type KeyChangeListener } from "@/lib/keys/invalidation";
import { awaitPropagation } from "@/lib/keys/propagation";
import { setApiKeyStatus } from "@/lib/services/api-keys";
import { actorOf, createKey, createWorkspace } from "../support/fixtures";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await getDb().delete(servers);
});

async function insertServer(values: { hostname?: string; pid?: number; secondsAgo: number }) {
  const id = randomUUID();
  await getDb()
    .insert(servers)
    .values({ id, hostname: values.hostname ?? "elsewhere", pid: values.pid ?? 1, heartbeatAt: sql`now() - make_interval(secs => ${values.secondsAgo})` });
  return id;
}

/** A server of this process: its own listener and cache, registered (the first one is "this process"). */
async function startServer(options: { registerAsThisProcess: boolean }) {
  const serverId = randomUUID();
  const listener: KeyChangeListener = await startKeyChangeListener({ url: getEnv().DATABASE_URL!, serverId, cache: new KeyCache() });
  cleanups.push(() => listener.stop());
  if (options.registerAsThisProcess) {
    const registry = await startServerRegistry(getDb(), serverId);
    cleanups.push(() => registry.stop());
  } else {
    await heartbeatServer(getDb(), { id: serverId, hostname: "elsewhere", pid: 1 });
  }
  return { serverId, listener };
}

describe("the server registry", () => {
  it("counts a server from its start to its stop, and only while its heartbeat is under 15 s old", async () => {
    const fresh = await insertServer({ secondsAgo: 14 });
    const stale = await insertServer({ secondsAgo: 16 });
    const id = randomUUID();
    const registry = await startServerRegistry(getDb(), id);
    expect(currentServerId()).toBe(id);
    expect((await liveServerIds(getDb())).sort()).toEqual([fresh, id].sort());
    expect(await liveServerIds(getDb())).not.toContain(stale);
    await registry.stop();
    expect(currentServerId()).toBeNull();
    expect(await liveServerIds(getDb())).toEqual([fresh]);
  });

  it("purges rows dead for an hour, and keeps the others", async () => {
    const recent = await insertServer({ secondsAgo: 60 });
    await insertServer({ secondsAgo: 3_700 });
    await purgeDeadServers(getDb(), 3_600);
    expect((await getDb().select({ id: servers.id }).from(servers)).map((row) => row.id)).toEqual([recent]);
  });

  it("forgets, at start, the row of a server of this host whose process is gone (a crash, then a restart)", async () => {
    const exited = spawnSync(process.execPath, ["-e", ""]).pid;
    const dead = await insertServer({ hostname: hostname(), pid: exited, secondsAgo: 1 });
    const alive = await insertServer({ hostname: hostname(), pid: process.ppid, secondsAgo: 1 });
    const registry = await startServerRegistry(getDb(), randomUUID());
    cleanups.push(() => registry.stop());
    const live = await liveServerIds(getDb());
    expect(live).not.toContain(dead);
    expect(live).toContain(alive);
  });
});

describe("awaitPropagation", () => {
  it("in a process that is no server: the servers alive and 0 confirmed, at once", async () => {
    await insertServer({ secondsAgo: 1 });
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner);
    const changed = await setApiKeyStatus(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, status: "disabled" });
    const started = Date.now();
    expect(await awaitPropagation(changed!.changeId)).toEqual({ servers: 1, confirmed: 0, ms: 0 });
    expect(Date.now() - started).toBeLessThan(200);
  });

  it("counts this server and every server that acknowledged; one that cannot hear is unconfirmed after a second", async () => {
    await startServer({ registerAsThisProcess: true });
    const other = await startServer({ registerAsThisProcess: false });
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner);
    const change = (status: "active" | "disabled") => setApiKeyStatus(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, status });

    const both = await awaitPropagation((await change("disabled"))!.changeId);
    expect(both).toMatchObject({ servers: 2, confirmed: 2 });
    expect(both.ms).toBeLessThan(500);

    await other.listener.stop(); // still registered, no longer listening
    const started = Date.now();
    const one = await awaitPropagation((await change("active"))!.changeId);
    expect(one).toMatchObject({ servers: 2, confirmed: 1 });
    expect(one.ms).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
