// Every verification outcome of /api/v1, over real HTTP against the real Hono app and database.
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { keyLookupFrom } from "@/db/queries/key-verification";
import { revokeApiKey as revoke, setApiKeyStatus as setStatus } from "@/lib/services/api-keys";
import { apiKeys } from "@/db/schema";
import { createApiApp } from "@/lib/api/app";
import { startPlatformApi } from "@/lib/api/platform";
import { OriginIndex } from "@/lib/keys/origin-index";
import { cachedLookup, KeyCache } from "@/lib/keys/cache";
import { generateKey } from "@/lib/keys/format";
import { hashKey } from "@/lib/keys/hash";
import { listenApplicationName, startKeyChangeListener } from "@/lib/keys/invalidation";
import { getEnv } from "@/lib/env";
import { createKey, createWorkspace } from "../support/fixtures";
import { serveApi } from "../support/serve-api";
import { captureLogs } from "@/lib/log";

const system = { type: "system", name: "test" } as const;
const revokeApiKey = (workspaceId: string, keyId: string) => revoke(system, { workspaceId, keyId });
const setApiKeyStatus = (workspaceId: string, keyId: string, status: "active" | "disabled") => setStatus(system, { workspaceId, keyId, status });

let platform: Awaited<ReturnType<typeof startPlatformApi>>;
let server: Server;
let base: string;

// Flushes "last used" only when a test stops the platform, never on a timer mid-test.
const startPlatform = () => startPlatformApi({ usageFlushMs: 3_600_000 });

beforeAll(async () => {
  platform = await startPlatform();
  ({ server, base } = await serveApi(platform.app.fetch));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await platform.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

async function expectUnauthorized(response: Response, hint: RegExp) {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe("Bearer");
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expect(body).toEqual({ error: { code: "unauthorized", message: "Invalid or missing API key.", hint: expect.any(String) } });
  expect(body.error.hint).toMatch(hint);
}

describe("GET /api/v1/me", () => {
  it("answers 200 with the workspace and key, for X-API-Key and for Bearer", async () => {
    const owner = await createWorkspace({ workspaceName: "Vaani Labs" });
    const { secret, apiKey } = await createKey(owner, "production");
    const expected = {
      workspace: { id: owner.workspaceId, name: "Vaani Labs" },
      key: { id: apiKey.id, name: "production", type: "private" },
    };
    const variants: Record<string, string>[] = [
      { "X-API-Key": secret },
      { Authorization: `Bearer ${secret}` },
      { "x-api-key": secret, authorization: `bearer ${secret}` },
    ];
    for (const headers of variants) {
      const response = await get("/api/v1/me", headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual(expected);
    }
  });

  it.each<[string, () => Promise<Record<string, string>>, RegExp]>([
    ["no key", async () => ({}), /X-API-Key/],
    ["a bare key in Authorization", async () => ({ Authorization: generateKey("private") }), /Bearer/],
    ["whitespace inside the key", async () => ({ "X-API-Key": `${generateKey("private").slice(0, 20)} ${generateKey("private").slice(21)}` }), /whitespace/],
    ["a bad prefix", async () => ({ "X-API-Key": "sk_live_0123456789012345678901234567890123" }), /swb_sk_/],
    ["a truncated key", async () => ({ "X-API-Key": generateKey("private").slice(0, -3) }), /copied incompletely/],
    ["a checksum mismatch", async () => ({ "X-API-Key": generateKey("private").slice(0, -6) + "000000" }), /checksum/],
    ["an unknown key", async () => ({ "X-API-Key": generateKey("private") }), /No such key/],
  ])("answers 401 with a hint for %s", async (_name, headers, hint) => {
    await expectUnauthorized(await get("/api/v1/me", await headers()), hint);
  });

  it("answers 400 invalid_request when the two headers carry different keys", async () => {
    const response = await get("/api/v1/me", { "X-API-Key": generateKey("private"), Authorization: `Bearer ${generateKey("private")}` });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_request", details: { authorization: [expect.any(String)] } });
  });

  it("refuses a key on the very next request after it is disabled, and accepts it again once enabled", async () => {
    const owner = await createWorkspace();
    const { secret, apiKey } = await createKey(owner);
    const me = () => get("/api/v1/me", { "X-API-Key": secret });
    expect((await me()).status).toBe(200); // now cached
    await setApiKeyStatus(owner.workspaceId, apiKey.id, "disabled");
    await expectUnauthorized(await me(), /disabled/);
    await setApiKeyStatus(owner.workspaceId, apiKey.id, "active");
    expect((await me()).status).toBe(200);
  });

  it("refuses a revoked key on the very next request", async () => {
    const owner = await createWorkspace();
    const { secret, apiKey } = await createKey(owner);
    expect((await get("/api/v1/me", { "X-API-Key": secret })).status).toBe(200);
    await revokeApiKey(owner.workspaceId, apiKey.id);
    await expectUnauthorized(await get("/api/v1/me", { "X-API-Key": secret }), /revoked/);
  });

  it("refuses an expired key", async () => {
    const owner = await createWorkspace();
    const { secret, apiKey } = await createKey(owner);
    await getDb().update(apiKeys).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiKeys.id, apiKey.id));
    await expectUnauthorized(await get("/api/v1/me", { "X-API-Key": secret }), /expired/);
  });

  it("records last use in a batch, not per request", async () => {
    const owner = await createWorkspace();
    const { secret, apiKey } = await createKey(owner);
    for (let i = 0; i < 5; i++) expect((await get("/api/v1/me", { "X-API-Key": secret })).status).toBe(200);
    const lastUsed = async () =>
      (await getDb().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await platform.stop(); // flushes, as a shutdown does
    platform = await startPlatform();
    expect(await lastUsed()).toBeInstanceOf(Date);
  });
});

describe("errors under /api/v1 are JSON", () => {
  it("answers an unexpected failure with 500 internal_error and a request id, without the stack", async () => {
    const app = createApiApp({
      verifyRequest: async () => {
        throw new Error("database unreachable at 10.0.0.7");
      },
      origins: new OriginIndex(async () => []),
    });
    const logs = captureLogs();
    try {
      const response = await app.request("/api/v1/me", { headers: { "X-API-Key": generateKey("private") } });
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body).toEqual({ error: { code: "internal_error", message: "Something went wrong on our side.", requestId: expect.stringMatching(/^req_/) } });
      expect(response.headers.get("x-request-id")).toBe(body.error.requestId);
      expect(JSON.stringify(body)).not.toContain("10.0.0.7");
      expect(logs.entries()).toMatchObject([{ level: "error", requestId: body.error.requestId }]); // logged on the server, with the request id
    } finally {
      logs.restore();
    }
  });

  it("answers an unknown endpoint with 404 not_found", async () => {
    const owner = await createWorkspace();
    const { secret } = await createKey(owner);
    const response = await get("/api/v1/nope", { "X-API-Key": secret });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such endpoint." } });
  });
});

describe("fan-out to other servers", () => {
  it("evicts a disabled key from another server's cache within one second (LISTEN/NOTIFY)", async () => {
    // "Another server": its own LISTEN connection, its own cache, fed only by NOTIFY.
    const otherCache = new KeyCache();
    const listener = await startKeyChangeListener({ url: getEnv().DATABASE_URL!, serverId: randomUUID(), cache: otherCache });
    const lookup = cachedLookup(otherCache, keyLookupFrom(getDb()));
    try {
      expect(listener.connected()).toBe(true);
      const owner = await createWorkspace();
      const { secret, apiKey } = await createKey(owner);
      const hash = hashKey(secret);
      expect((await lookup(hash))?.status).toBe("active");
      expect(otherCache.get(hash)).toBeDefined();

      const started = Date.now();
      await setApiKeyStatus(owner.workspaceId, apiKey.id, "disabled");
      while (otherCache.get(hash) && Date.now() - started < 1000) await new Promise((r) => setTimeout(r, 5));
      expect(otherCache.get(hash)).toBeUndefined();
      expect((await lookup(hash))?.status).toBe("disabled");
    } finally {
      await listener.stop();
    }
  });

  it("distrusts its cache while its LISTEN connection is down, and empties it once it is back", async () => {
    const cache = new KeyCache();
    const serverId = randomUUID();
    const listener = await startKeyChangeListener({ url: getEnv().DATABASE_URL!, serverId, cache, retryMs: 300 });
    try {
      cache.setIfUnchanged("h", null, cache.currentGeneration());
      expect(listener.connected() && cache.isTrusted()).toBe(true);
      const [cut] = await getDb().execute<{ n: number }>(
        sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = ${listenApplicationName(serverId)}`,
      );
      expect(cut!.n).toBe(1);
      const started = Date.now();
      while (listener.connected() && Date.now() - started < 1_000) await new Promise((r) => setTimeout(r, 2));
      expect(listener.connected()).toBe(false);
      expect(cache.isTrusted()).toBe(false);
      while (!listener.connected() && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 10));
      expect(listener.connected()).toBe(true);
      expect(cache.isTrusted()).toBe(true);
      expect(cache.get("h")).toBeUndefined();
    } finally {
      await listener.stop();
    }
  });
});
