// The revocation receipt across three servers on one PostgreSQL (test/support/cluster.ts), each a
// process with its own key cache, LISTEN connection and row in the server registry.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey } from "@/lib/services/api-keys";
import { startCluster, type Cluster } from "../support/cluster";
import type { ApiResponse } from "../support/serve-api";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let cluster: Cluster;
let owner: TestUser;
let admin: string;

beforeAll(async () => {
  // A cut LISTEN connection stays down for 3 s before its first reconnect, long enough to make a
  // change while it is down.
  cluster = await startCluster({ size: 3, databaseUrl: inject("databaseUrl"), env: { API_NODE_LISTEN_RETRY_MS: "3000" } });
  owner = await createWorkspace({ workspaceName: "Receipts" });
  admin = (await makeKey("admin")).secret;
}, 60_000);

afterAll(() => cluster.stop());

async function makeKey(name = "target") {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: `${name}-${Date.now()}-${Math.random()}`, description: null });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

/** Every server answers the key with 200 and holds it in its cache. */
async function warm(secret: string) {
  for (const server of [0, 1, 2]) expect((await cluster.send({ path: "/api/v1/me", key: secret, server })).status).toBe(200);
}

/** The Switchboard-Propagation header, parsed. */
function receiptOf(response: ApiResponse) {
  const header = response.headers.get("switchboard-propagation");
  const match = /^servers=(\d+), confirmed=(\d+), ms=(\d+)$/.exec(header ?? "");
  if (!match) throw new Error(`no Switchboard-Propagation header: ${header}`);
  return { servers: Number(match[1]), confirmed: Number(match[2]), ms: Number(match[3]) };
}

describe("the revocation receipt", () => {
  it("refuses a revoked key on all three servers within one second, with a receipt of 3 of 3", async () => {
    const target = await makeKey();
    await warm(target.secret);
    const started = Date.now();
    const revoked = await cluster.send({ method: "DELETE", path: `/api/v1/api-keys/${target.apiKey.id}`, key: admin, server: 0 });
    expect(revoked.status).toBe(204);
    const receipt = receiptOf(revoked);
    expect(receipt).toMatchObject({ servers: 3, confirmed: 3 });
    expect(receipt.ms).toBeLessThan(1_000);
    for (const server of [0, 1, 2]) {
      let status = 200;
      while (status === 200 && Date.now() - started < 1_000) status = (await cluster.send({ path: "/api/v1/me", key: target.secret, server })).status;
      expect(status).toBe(401);
    }
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("answers PATCH and roll with the figures in the body and in the header", async () => {
    const target = await makeKey();
    await warm(target.secret);
    const disabled = await cluster.send({ method: "PATCH", path: `/api/v1/api-keys/${target.apiKey.id}`, key: admin, body: { status: "disabled" }, server: 1 });
    expect(disabled.status).toBe(200);
    expect(disabled.body.propagation).toEqual(receiptOf(disabled));
    expect(disabled.body.propagation).toMatchObject({ servers: 3, confirmed: 3 });
    for (const server of [0, 1, 2]) expect((await cluster.send({ path: "/api/v1/me", key: target.secret, server })).status).toBe(401);

    // A change that changes nothing sends nothing: every server already answers as the key is.
    const again = await cluster.send({ method: "PATCH", path: `/api/v1/api-keys/${target.apiKey.id}`, key: admin, body: { status: "disabled" }, server: 2 });
    expect(again.body.propagation).toEqual({ servers: 3, confirmed: 3, ms: 0 });

    const enabled = await cluster.send({ method: "PATCH", path: `/api/v1/api-keys/${target.apiKey.id}`, key: admin, body: { status: "active" }, server: 2 });
    expect(enabled.body.propagation).toMatchObject({ servers: 3, confirmed: 3 });
    await warm(target.secret);
    const rolled = await cluster.send({ method: "POST", path: `/api/v1/api-keys/${target.apiKey.id}/roll`, key: admin, body: { grace_period_seconds: 0 }, server: 0 });
    expect(rolled.status).toBe(201);
    expect(rolled.body.propagation).toMatchObject({ servers: 3, confirmed: 3 });
    expect(rolled.body.propagation).toEqual(receiptOf(rolled));
    for (const server of [0, 1, 2]) expect((await cluster.send({ path: "/api/v1/me", key: target.secret, server })).status).toBe(401);
  });

  it("with one server's LISTEN connection cut, that server refuses a key revoked meanwhile, and the receipt says 2 of 3", async () => {
    const target = await makeKey();
    const bystander = await makeKey("bystander");
    await warm(target.secret);
    await warm(bystander.secret);
    await cluster.cutListen(2);

    const revoked = await cluster.send({ method: "DELETE", path: `/api/v1/api-keys/${target.apiKey.id}`, key: admin, server: 0 });
    expect(revoked.status).toBe(204);
    // Server 2 never heard the NOTIFY: the origin waited its second for an ack that did not come.
    const receipt = receiptOf(revoked);
    expect(receipt).toMatchObject({ servers: 3, confirmed: 2 });
    expect(receipt.ms).toBeGreaterThanOrEqual(990);
    // Its cache still held the key as live, but it no longer trusts its cache: it asks the database.
    expect(await cluster.listening(2)).toBe(false);
    expect((await cluster.send({ path: "/api/v1/me", key: target.secret, server: 2 })).status).toBe(401);
    expect((await cluster.send({ path: "/api/v1/me", key: bystander.secret, server: 2 })).status).toBe(200);
    for (const server of [0, 1]) expect((await cluster.send({ path: "/api/v1/me", key: target.secret, server })).status).toBe(401);

    // Once it has reconnected, its acks count again.
    const back = Date.now();
    while (!(await cluster.listening(2)) && Date.now() - back < 10_000) await new Promise((r) => setTimeout(r, 50));
    let later: ApiResponse | undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      later = await cluster.send({ method: "PATCH", path: `/api/v1/api-keys/${bystander.apiKey.id}`, key: admin, body: { description: `attempt ${attempt}` }, server: 0 });
      if (later.body.propagation.confirmed === 3) break;
    }
    expect(later!.body.propagation).toMatchObject({ servers: 3, confirmed: 3 });
  });
});
