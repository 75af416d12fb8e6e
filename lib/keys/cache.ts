// In-process cache of key lookups, keyed by hash. Changes reach it two ways: the server action
// that disables or revokes a key evicts the entry here at once (same process), and PostgreSQL
// NOTIFY evicts it on every other server instance (see invalidation.ts). The TTL bounds how
// stale an entry can get if a notification were ever lost.
import { LRUCache } from "lru-cache";
import type { KeyLookup, KeyRecord } from "./verify";

type Entry = { record: KeyRecord | null };

export class KeyCache {
  private entries: LRUCache<string, Entry>;
  // Bumped by every invalidation, so a lookup that started before one does not cache its
  // (possibly stale) answer after it.
  private generation = 0;

  constructor(options: { max?: number; ttlMs?: number } = {}) {
    this.entries = new LRUCache({ max: options.max ?? 50_000, ttl: options.ttlMs ?? 30_000 });
  }

  get(hash: string): Entry | undefined {
    return this.entries.get(hash);
  }

  currentGeneration(): number {
    return this.generation;
  }

  setIfUnchanged(hash: string, record: KeyRecord | null, generation: number) {
    if (generation === this.generation) this.entries.set(hash, { record });
  }

  invalidate(hash: string) {
    this.generation++;
    this.entries.delete(hash);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }
}

// One cache per process, shared by the custom server's module graph and Next's bundle.
const globalForCache = globalThis as unknown as { switchboardKeyCache?: KeyCache };

export function getKeyCache(): KeyCache {
  return (globalForCache.switchboardKeyCache ??= new KeyCache());
}

/**
 * Puts `cache` in front of `load`. Misses (unknown hashes) are cached too: a key's hash cannot
 * be asked for before the key exists, so a cached "no such key" never hides a new key.
 * Concurrent misses for one hash share a single query.
 */
export function cachedLookup(cache: KeyCache, load: KeyLookup): KeyLookup {
  const inFlight = new Map<string, { generation: number; result: Promise<KeyRecord | null> }>();
  return async (hash) => {
    const hit = cache.get(hash);
    if (hit) return hit.record;
    const generation = cache.currentGeneration();
    const pending = inFlight.get(hash);
    // Join a query only if no invalidation came after it started: an older one may have read
    // the row before the key was disabled.
    if (pending?.generation === generation) return pending.result;
    const result = load(hash).then((record) => {
      cache.setIfUnchanged(hash, record, generation);
      return record;
    });
    const entry = { generation, result };
    inFlight.set(hash, entry);
    void result.finally(() => inFlight.get(hash) === entry && inFlight.delete(hash)).catch(() => {});
    return result;
  };
}
