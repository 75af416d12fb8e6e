import { describe, expect, it } from "vitest";
import { cachedLookup, KeyCache } from "./cache";
import type { KeyRecord } from "./verify";

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
