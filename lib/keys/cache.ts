// In-process cache of key lookups, keyed by hash. Changes reach it two ways: the service that
// changes a key evicts the entry here at once (same process), and PostgreSQL NOTIFY evicts it on
// every other server instance (see invalidation.ts). The TTL bounds how stale an entry can get if
// a notification were ever lost.
//
// Three rules (README "Key cache"):
// - Live keys and unknown hashes live in two LRUs of their own, each bounded: a flood of random
//   well-formed keys only churns the miss cache, and never evicts a live key.
// - The cache is trusted only while this server's LISTEN connection is up (invalidation.ts says
//   so): while it is down, notifications are being lost, so every check goes to the database.
// - When the database is unreachable, nothing can be revoked anywhere, so the cached answer is
//   used for at most its TTL (stale-if-error); a hash not in the cache is `KeyStoreUnavailable`.
import { LRUCache } from "lru-cache";
import { isDatabaseUnreachable } from "@/db/errors";
import { getEnv } from "@/lib/env";
import { KeyStoreUnavailable, type KeyLookup, type KeyRecord } from "./verify";

type Entry = { record: KeyRecord | null };

// Every cached miss shares this one object: a miss costs the LRU's slot and its key, nothing more.
const MISS: Entry = Object.freeze({ record: null });

export type KeyCacheOptions = {
  /** Live (found) keys held at most; KEY_CACHE_SIZE. */
  max?: number;
  ttlMs?: number;
  /** Unknown hashes held at most; KEY_MISS_CACHE_SIZE. */
  missMax?: number;
  missTtlMs?: number;
};

export class KeyCache {
  private found: LRUCache<string, Entry>;
  private misses: LRUCache<string, Entry>;
  // Bumped by every invalidation, so a lookup that started before one does not cache its
  // (possibly stale) answer after it.
  private generation = 0;
  private trusted = true;

  constructor(options: KeyCacheOptions = {}) {
    this.found = new LRUCache({ max: options.max ?? 100_000, ttl: options.ttlMs ?? 30_000 });
    // Short-lived: a hash cannot be asked for before its key exists, so a miss never hides a
    // new key; the TTL only lets a flood's entries go soon.
    this.misses = new LRUCache({ max: options.missMax ?? 100_000, ttl: options.missTtlMs ?? 10_000 });
  }

  /** The cached answer within its TTL: a record, `{ record: null }` for a known miss, or undefined. */
  get(hash: string): Entry | undefined {
    return this.found.get(hash) ?? this.misses.get(hash);
  }

  currentGeneration(): number {
    return this.generation;
  }

  setIfUnchanged(hash: string, record: KeyRecord | null, generation: number) {
    if (generation !== this.generation) return;
    if (record) {
      this.misses.delete(hash);
      this.found.set(hash, { record });
    } else {
      this.found.delete(hash);
      this.misses.set(hash, MISS);
    }
  }

  invalidate(hash: string) {
    this.generation++;
    this.found.delete(hash);
    this.misses.delete(hash);
  }

  clear() {
    this.generation++;
    this.found.clear();
    this.misses.clear();
  }

  /** Whether cached answers may be served: false while LISTEN is down (invalidation.ts). */
  isTrusted(): boolean {
    return this.trusted;
  }

  /** Notifications may be lost from now on: serve nothing from the cache until `trustAgain`. */
  distrust() {
    this.trusted = false;
  }

  /** LISTEN is back: what was missed while it was down is unknown, so start empty. */
  trustAgain() {
    this.clear();
    this.trusted = true;
  }

  /** Lookups answered from memory, and those that went to the database (GET /metrics). */
  readonly stats = { hits: 0, loads: 0 };

  /** Entries held: live keys and misses (for tests and metrics). */
  size(): { found: number; misses: number } {
    return { found: this.found.size, misses: this.misses.size };
  }
}

// One cache per process, shared by the custom server's module graph and Next's bundle.
const globalForCache = globalThis as unknown as { switchboardKeyCache?: KeyCache };

export function getKeyCache(): KeyCache {
  if (!globalForCache.switchboardKeyCache) {
    const env = getEnv();
    globalForCache.switchboardKeyCache = new KeyCache({ max: env.KEY_CACHE_SIZE, missMax: env.KEY_MISS_CACHE_SIZE });
  }
  return globalForCache.switchboardKeyCache;
}

/**
 * Puts `cache` in front of `load`: at most one query per miss, none per hit. Misses (unknown
 * hashes) are cached too. Concurrent misses for one hash share a single query while the cache is
 * trusted; while it is not, each check asks the database itself. A load that fails because the
 * database is unreachable falls back to the cache's answer within its TTL, else throws
 * `KeyStoreUnavailable`; any other failure propagates.
 */
export function cachedLookup(cache: KeyCache, load: KeyLookup): KeyLookup {
  const inFlight = new Map<string, { generation: number; result: Promise<KeyRecord | null> }>();
  return async (hash) => {
    const trusted = cache.isTrusted();
    if (trusted) {
      const hit = cache.get(hash);
      if (hit) {
        cache.stats.hits++;
        return hit.record;
      }
    }
    cache.stats.loads++;
    const generation = cache.currentGeneration();
    const pending = trusted ? inFlight.get(hash) : undefined;
    // Join a query only if no invalidation came after it started: an older one may have read
    // the row before the key was disabled.
    if (pending?.generation === generation) return pending.result;
    const result = load(hash).then(
      (record) => {
        // Kept even while untrusted: trustAgain() clears it, and meanwhile it is the freshest
        // answer there is should the database go away (stale-if-error).
        cache.setIfUnchanged(hash, record, generation);
        return record;
      },
      (error: unknown) => {
        if (!isDatabaseUnreachable(error)) throw error;
        const stale = cache.get(hash);
        if (stale) return stale.record;
        throw new KeyStoreUnavailable(error);
      },
    );
    if (!trusted) return result;
    const entry = { generation, result };
    inFlight.set(hash, entry);
    void result.finally(() => inFlight.get(hash) === entry && inFlight.delete(hash)).catch(() => {});
    return result;
  };
}
