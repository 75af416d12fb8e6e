// Usage without a database write per request: each request's outcome is counted in memory, per
// key and UTC hour, and a flush every few seconds (and at shutdown) adds the counts to the
// store's hourly buckets in one statement, with "last used" and the latest refused requests.
// A process killed without a shutdown loses at most the counts since the last flush.
import { logError } from "@/lib/server/error-log";
import { OUTCOME_INDEX, USAGE_OUTCOMES, type UsageOutcome } from "./outcomes";
import type { RejectedRequest, UsageBatch, UsageCount, UsageStore } from "./store";

const HOUR_MS = 3_600_000;

/** Refused requests kept per key, in memory between flushes and in the store. */
export const REJECTED_REQUESTS_PER_KEY = 100;

export type CountedKey = { id: string; workspaceId: string };

/** What is kept of a refused request besides its key and outcome (never the key itself). */
export type RequestDetails = { ip?: string | null; origin?: string | null; path: string; userAgent?: string | null };

type KeyHour = { key: CountedKey; hour: number; counts: number[]; lastValidAt: number };

export class UsageRecorder {
  private current = new Map<string, KeyHour>();
  /** Earlier hours of keys counted again in a later hour since the last flush. */
  private sealed: KeyHour[] = [];
  private rejected = new Map<string, RejectedRequest[]>();
  /** A failed flush's batch, written with the next one. */
  private unwritten: UsageBatch | undefined;
  private lastUsedWritten = new Map<string, number>();
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<UsageStore, "record">,
    private readonly options: { now?: () => number; lastUsedIntervalMs?: number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Counts one request of `key`; called on the hot path, so it only touches memory. */
  count(key: CountedKey, outcome: UsageOutcome) {
    const now = this.now();
    const hour = Math.floor(now / HOUR_MS);
    let entry = this.current.get(key.id);
    if (!entry || entry.hour !== hour) {
      if (entry) this.sealed.push(entry);
      entry = { key, hour, counts: new Array<number>(USAGE_OUTCOMES.length).fill(0), lastValidAt: 0 };
      this.current.set(key.id, entry);
    }
    entry.counts[OUTCOME_INDEX[outcome]]!++;
    if (outcome === "valid") entry.lastValidAt = now;
  }

  /** Counts a refused request and keeps its details (the key's latest 100). */
  reject(key: CountedKey, outcome: Exclude<UsageOutcome, "valid">, request: RequestDetails) {
    this.count(key, outcome);
    let list = this.rejected.get(key.id);
    if (!list) this.rejected.set(key.id, (list = []));
    list.push({
      workspaceId: key.workspaceId,
      keyId: key.id,
      at: new Date(this.now()),
      outcome,
      ip: clean(request.ip, 64),
      origin: clean(request.origin, 256),
      path: clean(request.path.split("?", 1)[0], 512) ?? "",
      userAgent: clean(request.userAgent, 512),
    });
    // Trimmed in steps, not on every push: a flood of refusals costs no copying per request.
    if (list.length >= 2 * REJECTED_REQUESTS_PER_KEY) list.splice(0, list.length - REJECTED_REQUESTS_PER_KEY);
  }

  /** Writes everything counted so far; a failure keeps it for the next flush and rethrows. */
  flush(): Promise<void> {
    // One flush at a time: the timer's and the shutdown's never write the same counts twice.
    const run = (this.flushing ?? Promise.resolve()).then(() => this.writeBatch());
    this.flushing = run.catch(() => {});
    return run;
  }

  start(intervalMs: number) {
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => logError("usage", error, "flush failed"));
    }, intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeBatch() {
    const batch = this.takeBatch();
    if (batch.counts.length === 0 && batch.rejected.length === 0) return;
    try {
      await this.store.record(batch);
    } catch (error) {
      this.unwritten = batch;
      for (const { keyId } of batch.lastUsed) this.lastUsedWritten.delete(keyId);
      throw error;
    }
  }

  private takeBatch(): UsageBatch {
    const entries = [...this.sealed, ...this.current.values()];
    const rejectedLists = [...this.rejected.values()];
    const previous = this.unwritten;
    this.current = new Map();
    this.sealed = [];
    this.rejected = new Map();
    this.unwritten = undefined;

    // One row per key, hour and outcome: an upsert may not touch the same row twice.
    const counts = new Map<string, UsageCount>();
    const add = (row: UsageCount) => {
      const id = `${row.keyId} ${row.bucketStart.getTime()} ${row.outcome}`;
      const existing = counts.get(id);
      if (existing) existing.count += row.count;
      else counts.set(id, { ...row });
    };
    previous?.counts.forEach(add);
    const lastValid = new Map<string, number>(previous?.lastUsed.map(({ keyId, at }) => [keyId, at.getTime()]));
    for (const { key, hour, counts: perOutcome, lastValidAt } of entries) {
      const bucketStart = new Date(hour * HOUR_MS);
      perOutcome.forEach((count, index) => {
        if (count > 0) add({ workspaceId: key.workspaceId, keyId: key.id, bucketStart, outcome: USAGE_OUTCOMES[index]!, count });
      });
      if (lastValidAt > (lastValid.get(key.id) ?? 0)) lastValid.set(key.id, lastValidAt);
    }

    return {
      counts: [...counts.values()],
      lastUsed: this.lastUsedDue(lastValid),
      rejected: latestPerKey([...(previous?.rejected ?? []), ...rejectedLists.flat()]),
    };
  }

  /** "Last used" moves at most once a minute per key and server: a busy key is one row update a minute, not one a flush. */
  private lastUsedDue(lastValid: Map<string, number>) {
    const interval = this.options.lastUsedIntervalMs ?? 60_000;
    const due: UsageBatch["lastUsed"] = [];
    for (const [keyId, at] of lastValid) {
      const written = this.lastUsedWritten.get(keyId);
      if (written !== undefined && at - written < interval) continue;
      this.lastUsedWritten.set(keyId, at);
      due.push({ keyId, at: new Date(at) });
    }
    // Forget keys whose interval has passed, so the map stays as small as the active key set.
    if (this.lastUsedWritten.size > 10_000) {
      const cutoff = this.now() - interval;
      for (const [keyId, at] of this.lastUsedWritten) if (at < cutoff) this.lastUsedWritten.delete(keyId);
    }
    return due;
  }
}

/** The newest REJECTED_REQUESTS_PER_KEY of each key, oldest first: a store that is down for an hour does not make memory grow. */
function latestPerKey(requests: RejectedRequest[]): RejectedRequest[] {
  const kept = new Map<string, number>();
  const latest: RejectedRequest[] = [];
  for (let index = requests.length - 1; index >= 0; index--) {
    const request = requests[index]!;
    const n = kept.get(request.keyId) ?? 0;
    if (n >= REJECTED_REQUESTS_PER_KEY) continue;
    kept.set(request.keyId, n + 1);
    latest.push(request);
  }
  return latest.reverse();
}

// Anything shaped like a key, even a piece of one, in a path or a header someone filled in.
const KEY_MATERIAL = /swb_[sp]k_[0-9A-Za-z]*/g;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A request detail as kept: no key material, no control characters, bounded length. */
function clean(value: string | null | undefined, maxLength: number): string | null {
  if (!value) return null;
  return value.slice(0, maxLength).replace(KEY_MATERIAL, (match) => `${match.slice(0, 7)}[redacted]`).replace(CONTROL, "");
}
