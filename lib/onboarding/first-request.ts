// Step 3 of the "Get started" checklist: a workspace's first authenticated request. It is written
// at once (not with the usage counts, which wait up to 5 s) and announced by NOTIFY, so that an
// open checklist ticks within a second or two (app/(dashboard)/onboarding/events/route.ts).
// On the hot path this costs one Set lookup: each server writes a workspace at most once, and a
// workspace that already had its first request costs one no-op UPDATE per server, ever.
import { logError } from "@/lib/server/error-log";

const RETRY_AFTER_MS = 5_000;

export class FirstRequestRecorder {
  private readonly seen = new Set<string>();

  constructor(private readonly write: (workspaceId: string) => Promise<unknown>) {}

  /** A request with a key of `workspaceId` was answered; never waits, never throws. */
  answered(workspaceId: string) {
    if (this.seen.has(workspaceId)) return;
    this.seen.add(workspaceId);
    this.write(workspaceId).catch((error: unknown) => {
      // Not written (the database is away): a request of the workspace tries again a few seconds
      // later, not every request, which would flood the log while the outage lasts.
      logError("onboarding", error, "first request not recorded");
      setTimeout(() => this.seen.delete(workspaceId), RETRY_AFTER_MS).unref();
    });
  }
}
