// "Last used" without a database write per request: valid requests are noted in memory and
// written in one batch every few seconds, at most once a minute per key and server.
import { logError } from "@/lib/server/error-log";

export type LastUsedWriter = (entries: { id: string; at: Date }[]) => Promise<void>;

export class LastUsedRecorder {
  private pending = new Map<string, number>();
  private lastWritten = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: LastUsedWriter,
    private readonly options: { minIntervalMs?: number; now?: () => number } = {},
  ) {}

  record(keyId: string) {
    const now = (this.options.now ?? Date.now)();
    const written = this.lastWritten.get(keyId);
    if (written !== undefined && now - written < (this.options.minIntervalMs ?? 60_000)) return;
    this.pending.set(keyId, now);
  }

  async flush() {
    if (this.pending.size === 0) return;
    const batch = [...this.pending].map(([id, at]) => ({ id, at: new Date(at) }));
    this.pending.clear();
    for (const { id, at } of batch) this.lastWritten.set(id, at.getTime());
    // Forget keys whose interval has passed, so the map stays as small as the active key set.
    if (this.lastWritten.size > 10_000) this.pruneWritten();
    try {
      await this.write(batch);
    } catch (error) {
      // Keep the batch for the next flush (newer uses recorded meanwhile win).
      for (const { id, at } of batch) {
        this.lastWritten.delete(id);
        if (!this.pending.has(id)) this.pending.set(id, at.getTime());
      }
      throw error;
    }
  }

  start(intervalMs: number) {
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => logError("last-used", error, "flush failed"));
    }, intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }

  private pruneWritten() {
    const cutoff = (this.options.now ?? Date.now)() - (this.options.minIntervalMs ?? 60_000);
    for (const [id, at] of this.lastWritten) if (at < cutoff) this.lastWritten.delete(id);
  }
}
