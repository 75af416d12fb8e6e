import { randomBytes } from "node:crypto";
import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cachedLookup, KeyCache } from "./cache";
import { KeyStoreUnavailable, type KeyRecord } from "./verify";

const record = { id: "k", status: "active" } as KeyRecord;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("cachedLookup", () => {
  it("queries once per hash, then answers from the cache (found and not found alike)", async () => {
    const calls: string[] = [];
    const lookup = cachedLookup(new KeyCache(), async (hash) => {
      calls.push(hash);
      return hash === "known" ? record : null;
    });
    expect(await lookup("known")).toBe(record);
    expect(await lookup("known")).toBe(record);
    expect(await lookup("unknown")).toBeNull();
    expect(await lookup("unknown")).toBeNull();
    expect(calls).toEqual(["known", "unknown"]);
  });

  it("shares one query between concurrent misses", async () => {
    let calls = 0;
    const gate = deferred<KeyRecord>();
    const lookup = cachedLookup(new KeyCache(), () => (calls++, gate.promise));
    const both = Promise.all([lookup("h"), lookup("h")]);
    gate.resolve(record);
    expect(await both).toEqual([record, record]);
    expect(calls).toBe(1);
  });

  it("queries again after the hash is invalidated", async () => {
    const cache = new KeyCache();
    let calls = 0;
    const lookup = cachedLookup(cache, async () => (calls++, record));
    await lookup("h");
    cache.invalidate("h");
    await lookup("h");
    expect(calls).toBe(2);
  });

  it("does not cache an answer that an invalidation overtook while it was loading", async () => {
    const cache = new KeyCache();
    const gate = deferred<KeyRecord>();
    const lookup = cachedLookup(cache, () => gate.promise);
    const pending = lookup("h");
    cache.invalidate("h"); // e.g. the key was disabled while its row was being read
    gate.resolve(record);
    await pending;
    expect(cache.get("h")).toBeUndefined();
  });

  it("does not hand a lookup that started before an invalidation to a request that came after it", async () => {
    const cache = new KeyCache();
    const before = deferred<KeyRecord>();
    const disabled = { ...record, status: "disabled" } as KeyRecord;
    const loads = [before.promise, Promise.resolve(disabled)];
    const lookup = cachedLookup(cache, () => loads.shift()!);
    const early = lookup("h"); // reads the row while the key is still active
    cache.invalidate("h"); // the key is disabled
    const late = lookup("h"); // the very next request
    before.resolve(record);
    expect((await early)!.status).toBe("active");
    expect((await late)!.status).toBe("disabled");
    expect(cache.get("h")?.record?.status).toBe("disabled");
  });

  it("expires entries after the TTL", async () => {
    const cache = new KeyCache({ ttlMs: 20 });
    let calls = 0;
    const lookup = cachedLookup(cache, async () => (calls++, record));
    await lookup("h");
    await new Promise((r) => setTimeout(r, 40));
    await lookup("h");
    expect(calls).toBe(2);
  });
});

describe("the miss cache", () => {
  it("keeps every live key through a flood of 200,000 unknown keys, and holds at most its bound of misses", async () => {
    const cache = new KeyCache({ max: 1_000, missMax: 5_000 });
    const live = Array.from({ length: 500 }, (_, i) => `live-${i}`);
    const loads = new Map<string, number>();
    const lookup = cachedLookup(cache, async (hash) => {
      loads.set(hash, (loads.get(hash) ?? 0) + 1);
      return hash.startsWith("live-") ? ({ ...record, id: hash } as KeyRecord) : null;
    });
    for (const hash of live) await lookup(hash);
    for (let i = 0; i < 200_000; i++) expect(await lookup(randomBytes(32).toString("hex"))).toBeNull();
    expect(cache.size()).toEqual({ found: 500, misses: 5_000 });
    // Every live key is still answered from memory: no second query for any of them.
    for (const hash of live) expect((await lookup(hash))?.id).toBe(hash);
    expect(live.every((hash) => loads.get(hash) === 1)).toBe(true);
  }, 60_000); // 200,000 keys: seconds on a busy 2-core machine

  it("answers a repeated unknown key from memory, and forgets it after the miss TTL", async () => {
    const cache = new KeyCache({ missTtlMs: 20 });
    let calls = 0;
    const lookup = cachedLookup(cache, async () => (calls++, null));
    await lookup("unknown");
    await lookup("unknown");
    expect(calls).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    await lookup("unknown");
    expect(calls).toBe(2);
  });
});

describe("trust (LISTEN up or down)", () => {
  it("asks the database on every check while distrusted, so a key disabled meanwhile is refused at once", async () => {
    const cache = new KeyCache();
    let stored: KeyRecord = record;
    let calls = 0;
    const lookup = cachedLookup(cache, async () => (calls++, stored));
    expect((await lookup("h"))?.status).toBe("active");
    expect(calls).toBe(1);
    cache.distrust(); // the LISTEN connection dropped: notifications may be lost from now on
    stored = { ...record, status: "disabled" } as KeyRecord; // disabled by another server, unheard
    expect((await lookup("h"))?.status).toBe("disabled");
    await Promise.all([lookup("h"), lookup("h")]); // not even concurrent checks share a query
    expect(calls).toBe(4);
  });

  it("starts empty when trusted again, and then answers from memory", async () => {
    const cache = new KeyCache();
    let calls = 0;
    const lookup = cachedLookup(cache, async () => (calls++, record));
    await lookup("h");
    cache.distrust();
    await lookup("h");
    cache.trustAgain();
    expect(cache.get("h")).toBeUndefined();
    await lookup("h");
    await lookup("h");
    expect(calls).toBe(3);
  });

  it("does not cache an answer read while distrusted that completes after trust returns", async () => {
    const cache = new KeyCache();
    const gate = deferred<KeyRecord>();
    const lookup = cachedLookup(cache, () => gate.promise);
    cache.distrust();
    const pending = lookup("h"); // may have read the row before a change whose NOTIFY was lost
    cache.trustAgain();
    gate.resolve(record);
    await pending;
    expect(cache.get("h")).toBeUndefined();
  });
});

// What postgres-js throws when nothing listens on the database's port.
const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });

describe("stale-if-error (database unreachable)", () => {
  function setup(options: { ttlMs?: number } = {}) {
    const cache = new KeyCache({ ttlMs: options.ttlMs });
    let failure: (() => Error) | null = null;
    const lookup = cachedLookup(cache, async (hash) => {
      if (failure) throw failure();
      return hash === "known" ? record : null;
    });
    return { cache, lookup, fail: (error: () => Error) => (failure = error) };
  }

  it("answers a cached key from the cache, even with the cache distrusted (LISTEN went down with the database)", async () => {
    const { cache, lookup, fail } = setup();
    await lookup("known");
    fail(refused);
    cache.distrust();
    expect(await lookup("known")).toBe(record);
  });

  it("throws KeyStoreUnavailable for a key that is not cached, also through Drizzle's wrapper", async () => {
    const { lookup, fail } = setup();
    fail(refused);
    await expect(lookup("known")).rejects.toBeInstanceOf(KeyStoreUnavailable);
    fail(() => new DrizzleQueryError("select … where hash = $1", ["…"], refused()));
    await expect(lookup("known")).rejects.toBeInstanceOf(KeyStoreUnavailable);
  });

  it("stops answering a cached key once its TTL has passed", async () => {
    const { lookup, fail } = setup({ ttlMs: 20 });
    await lookup("known");
    fail(refused);
    await new Promise((r) => setTimeout(r, 40));
    await expect(lookup("known")).rejects.toBeInstanceOf(KeyStoreUnavailable);
  });

  it("lets any other database error through (a 500, not a 503)", async () => {
    const { lookup, fail } = setup();
    await lookup("known");
    fail(() => Object.assign(new Error('relation "api_keys" does not exist'), { code: "42P01" }));
    await expect(lookup("other")).rejects.toThrow(/does not exist/);
  });
});
