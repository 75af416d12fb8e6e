// Stale-if-error: with the database unreachable (a real postgres-js client refused at a closed
// port), a cached key keeps working and every check that needs the database gets 503.
import { createServer } from "node:net";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { keyLookupFrom } from "@/db/queries/key-verification";
import { createApiApp } from "@/lib/api/app";
import { cachedLookup, KeyCache } from "@/lib/keys/cache";
import { generateKey } from "@/lib/keys/format";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createKeyVerifier } from "@/lib/keys/verify";
import { createKey, createWorkspace } from "../support/fixtures";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const unreachableSql = postgres(`postgres://nobody:nothing@127.0.0.1:${await closedPort()}/none`, { max: 2, onnotice: () => {} });
const unreachable = drizzle(unreachableSql) as unknown as Database;

afterAll(() => unreachableSql.end({ timeout: 1 }));

describe("database unreachable", () => {
  it("serves a cached key, refuses a cached miss, and answers 503 with Retry-After to every other check", async () => {
    let database: Database = getDb();
    const cache = new KeyCache();
    const lookup = cachedLookup(cache, (hash) => keyLookupFrom(database)(hash));
    const app = createApiApp({ verifyRequest: createKeyVerifier({ lookup }), origins: new OriginIndex(async () => [], 0) });
    const me = (key: string) => app.request("/api/v1/me", { headers: { "X-API-Key": key } });

    const owner = await createWorkspace();
    const cached = await createKey(owner);
    const uncached = await createKey(owner);
    const unknown = generateKey("private");
    expect((await me(cached.secret)).status).toBe(200);
    expect((await me(unknown)).status).toBe(401);

    // The database goes away; its LISTEN connection with it, so the cache is distrusted too.
    database = unreachable;
    cache.distrust();

    expect((await me(cached.secret)).status).toBe(200);
    expect((await me(unknown)).status).toBe(401);
    expect((await me("swb_sk_malformed")).status).toBe(401);
    for (const key of [uncached.secret, generateKey("private")]) {
      const response = await me(key);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const body = (await response.json()) as { error: { code: string; hint: string } };
      expect(body.error.code).toBe("service_unavailable");
      expect(body.error.hint).toMatch(/Retry-After/);
    }

    // Back: every key is checked against the database again.
    database = getDb();
    cache.trustAgain();
    expect((await me(uncached.secret)).status).toBe(200);
  });
});
