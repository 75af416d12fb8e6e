// Three API servers on one PostgreSQL, each a process with its own key cache and LISTEN
// connection (test/support/cluster.ts): a change made through one reaches the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createApiKey } from "@/lib/services/api-keys";
import { startCluster, type Cluster } from "../support/cluster";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let cluster: Cluster;
let owner: TestUser;

beforeAll(async () => {
  cluster = await startCluster({ size: 3, databaseUrl: inject("databaseUrl") });
  owner = await createWorkspace({ workspaceName: "Cluster" });
}, 60_000);

afterAll(() => cluster.stop());

async function makeKey() {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: `cluster-${Date.now()}-${Math.random()}`, description: null });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

describe("three servers on one database", () => {
  it("refuses a key on every server within a second of its revocation through one of them", async () => {
    const { secret } = await makeKey();
    const admin = await makeKey();
    const target = await makeKey();
    // Warm every server's cache with the target key.
    for (const server of [0, 1, 2]) expect((await cluster.send({ path: "/api/v1/me", key: target.secret, server })).status).toBe(200);
    const revoked = await cluster.send({ method: "DELETE", path: `/api/v1/api-keys/${target.apiKey.id}`, key: admin.secret, server: 0 });
    expect(revoked.status).toBe(204);
    const started = Date.now();
    for (const server of [1, 2]) {
      let status = 200;
      while (status === 200 && Date.now() - started < 1_000) status = (await cluster.send({ path: "/api/v1/me", key: target.secret, server })).status;
      expect(status).toBe(401);
    }
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await cluster.send({ path: "/api/v1/me", key: secret })).status).toBe(200);
  });
});
