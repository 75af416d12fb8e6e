// Key lifecycle queries on a real PostgreSQL, and the workspace scoping of each of them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listApiKeys as listKeys } from "@/db/queries/api-keys";
import { apiKeys } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { parseKey } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { maskKey } from "@/lib/keys/mask";
import { createApiKey, revokeApiKey as revoke, setApiKeyStatus as setStatus } from "@/lib/services/api-keys";
import { actorOf, createKey, createWorkspace, type TestUser } from "../support/fixtures";

const listApiKeys = (workspaceId: string) => listKeys(getDb(), workspaceId);
// The workspace's owner acts unless a test says otherwise.
const ownerActor = { type: "system", name: "test" } as const;
const revokeApiKey = (workspaceId: string, keyId: string) => revoke(ownerActor, { workspaceId, keyId });
const setApiKeyStatus = (workspaceId: string, keyId: string, status: "active" | "disabled") => setStatus(ownerActor, { workspaceId, keyId, status });

describe("createApiKey", () => {
  it("returns the plaintext once and stores only its hash and display parts", async () => {
    const owner = await createWorkspace();
    const { secret, apiKey } = await createKey(owner, "production");
    expect(parseKey(secret)).toEqual({ ok: true, type: "private" });
    expect(maskKey(apiKey)).toBe(`${secret.slice(0, 11)}••••••••${secret.slice(-4)}`);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.hash).toBe(hashKey(secret));
    expect(Object.values(row!).map(String)).not.toContain(secret);
    expect(row).toMatchObject({ status: "active", createdByType: "user", createdByLabel: owner.email, lastUsedAt: null, revokedAt: null });
  });

  it("refuses a name already used by a live key of the workspace, ignoring case", async () => {
    const owner = await createWorkspace();
    await createKey(owner, "staging");
    const again = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: "Staging", description: null });
    expect(again).toEqual({ ok: false, reason: "name_taken" });
  });

  it("allows the same name in another workspace, and again after the first key is revoked", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    const first = await createKey(a, "zapier-integration");
    await createKey(b, "zapier-integration");
    await revokeApiKey(a.workspaceId, first.apiKey.id);
    await expect(createKey(a, "zapier-integration")).resolves.toBeDefined();
  });
});

describe("the key limit per workspace", () => {
  const create = (owner: TestUser, name: string, maxKeys: number) =>
    createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name, description: null, maxKeys });

  it("refuses a key beyond the limit, and counts only live keys", async () => {
    const owner = await createWorkspace();
    for (const name of ["a", "b", "c"]) expect((await create(owner, name, 3)).ok).toBe(true);
    expect(await create(owner, "d", 3)).toEqual({ ok: false, reason: "limit_reached", limit: 3 });
    const keys = await listApiKeys(owner.workspaceId);
    await revokeApiKey(owner.workspaceId, keys[0]!.id);
    expect((await create(owner, "d", 3)).ok).toBe(true);
  });

  it("holds under parallel creation: 12 at once against a limit of 5 make exactly 5", async () => {
    const owner = await createWorkspace();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => create(owner, `parallel-${i}`, 5)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await listApiKeys(owner.workspaceId)).toHaveLength(5);
  });

  it("is MAX_KEYS_PER_WORKSPACE, 50,000 unless set", () => {
    expect(getEnv().MAX_KEYS_PER_WORKSPACE).toBe(Number(process.env.MAX_KEYS_PER_WORKSPACE ?? 50_000));
  });
});

describe("listApiKeys", () => {
  it("lists the workspace's live keys, newest first, without secrets or hashes", async () => {
    const owner = await createWorkspace();
    const older = await createKey(owner, "older");
    const newer = await createKey(owner, "newer");
    const revoked = await createKey(owner, "gone");
    await revokeApiKey(owner.workspaceId, revoked.apiKey.id);

    const list = await listApiKeys(owner.workspaceId);
    expect(list.map((k) => k.name)).toEqual(["newer", "older"]);
    expect(list[0]).not.toHaveProperty("hash");
    expect(JSON.stringify(list)).not.toContain(newer.secret);
    expect(JSON.stringify(list)).not.toContain(older.secret);
  });

  it("never shows another workspace's keys", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    await createKey(a, "a-key");
    expect(await listApiKeys(b.workspaceId)).toEqual([]);
  });
});

describe("setApiKeyStatus and revokeApiKey", () => {
  it("disables, enables and revokes a key of the workspace", async () => {
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner);
    expect((await setApiKeyStatus(owner.workspaceId, apiKey.id, "disabled"))?.status).toBe("disabled");
    expect((await setApiKeyStatus(owner.workspaceId, apiKey.id, "active"))?.status).toBe("active");
    expect(await revokeApiKey(owner.workspaceId, apiKey.id)).not.toBeNull();
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.revokedAt).toBeInstanceOf(Date);
  });

  it("cannot touch another workspace's key, even knowing its id", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    const { apiKey } = await createKey(a);
    expect(await setApiKeyStatus(b.workspaceId, apiKey.id, "disabled")).toBeNull();
    expect(await revokeApiKey(b.workspaceId, apiKey.id)).toBeNull();
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row).toMatchObject({ status: "active", revokedAt: null });
  });

  it("cannot revive or change a revoked key", async () => {
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner);
    await revokeApiKey(owner.workspaceId, apiKey.id);
    expect(await setApiKeyStatus(owner.workspaceId, apiKey.id, "active")).toBeNull();
    expect(await revokeApiKey(owner.workspaceId, apiKey.id)).toBeNull();
  });
});
