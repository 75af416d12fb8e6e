// The origins of every live public key, for answering CORS preflights: a preflight carries no
// API key, so the only question it can be asked is whether any public key allows the origin.
// Loaded from the database, kept for a while, and dropped whenever a key changes anywhere
// (the same NOTIFY that evicts keys, lib/keys/invalidation.ts).
import { compileOrigins, originAllowed, type OriginPattern } from "./origins";

export class OriginIndex {
  private patterns: Promise<OriginPattern[]> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly load: () => Promise<string[]>,
    private readonly ttlMs = 30_000,
  ) {}

  async allows(origin: string): Promise<boolean> {
    if (!this.patterns || Date.now() - this.loadedAt > this.ttlMs) {
      this.loadedAt = Date.now();
      const loading = this.load().then(compileOrigins);
      this.patterns = loading;
      // A failed load is not kept: the next preflight tries again.
      loading.catch(() => this.patterns === loading && (this.patterns = null));
    }
    return originAllowed(origin, await this.patterns);
  }

  invalidate() {
    this.patterns = null;
  }
}
