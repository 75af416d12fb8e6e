// Open "Get started" checklists waiting for their workspace's first request. One LISTEN
// connection per server hears the NOTIFY that db/queries/onboarding.ts sends, whichever server
// answered the request, and wakes the checklists of that workspace.
import "server-only";
import { getSql } from "@/db/client";
import { FIRST_REQUEST_CHANNEL } from "@/db/queries/onboarding";

type Waiter = () => void;

class FirstRequestEvents {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private listening: Promise<unknown> | undefined;

  /** Calls `waiter` once `workspaceId` makes its first request; returns the unsubscribe. */
  async subscribe(workspaceId: string, waiter: Waiter): Promise<() => void> {
    this.listening ??= getSql()
      .listen(FIRST_REQUEST_CHANNEL, (id) => this.wake(id))
      .catch((error: unknown) => {
        this.listening = undefined;
        throw error;
      });
    await this.listening;
    let set = this.waiters.get(workspaceId);
    if (!set) this.waiters.set(workspaceId, (set = new Set()));
    set.add(waiter);
    return () => {
      set.delete(waiter);
      if (set.size === 0 && this.waiters.get(workspaceId) === set) this.waiters.delete(workspaceId);
    };
  }

  private wake(workspaceId: string) {
    for (const waiter of this.waiters.get(workspaceId) ?? []) waiter();
  }
}

// On globalThis: Next's bundle and the custom server each load this module, one LISTEN is enough.
const global = globalThis as unknown as { switchboardFirstRequestEvents?: FirstRequestEvents };

export function firstRequestEvents(): FirstRequestEvents {
  return (global.switchboardFirstRequestEvents ??= new FirstRequestEvents());
}
