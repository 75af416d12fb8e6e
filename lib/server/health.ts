// Liveness and readiness for load balancers and orchestrators (README "Operations"):
// GET /healthz answers 200 while the process can answer at all. GET /readyz answers 503 while
// the server is starting or draining at shutdown, so a rolling deploy takes it out of the
// balancer first; otherwise 200 with the state of its dependencies. A database outage is
// shared by every server, and taking them all out of the balancer at once would also stop the
// cached keys that still work, so an outage makes the answer "degraded", not 503. Both are
// unauthenticated, cheap (the database is asked at most once a second) and reveal nothing else.
export type Readiness = { status: "ok" | "degraded"; database: "up" | "down"; listen: "up" | "down" };

export type HealthProbes = {
  /** Resolves when the database answers; rejects or times out when it does not. */
  database: () => Promise<unknown>;
  /** Whether this server hears key changes from the others (LISTEN). */
  listen: () => boolean;
};

const PROBE_TIMEOUT_MS = 1_000;
const PROBE_EVERY_MS = 1_000;

export class Health {
  private state: "starting" | "ready" | "draining" = "starting";
  private probes: HealthProbes | undefined;
  private database: { up: boolean; at: number; pending?: Promise<boolean> } = { up: false, at: 0 };

  ready(probes: HealthProbes) {
    this.probes = probes;
    this.state = "ready";
  }

  drain() {
    this.state = "draining";
  }

  /** The answer to GET /readyz: its status code and body. */
  async readiness(): Promise<{ status: 200 | 503; body: Readiness | { status: "starting" | "draining" } }> {
    if (this.state !== "ready" || !this.probes) return { status: 503, body: { status: this.state === "ready" ? "starting" : this.state } };
    const database = (await this.databaseUp(this.probes)) ? "up" : "down";
    const listen = this.probes.listen() ? "up" : "down";
    return { status: 200, body: { status: database === "up" && listen === "up" ? "ok" : "degraded", database, listen } };
  }

  private databaseUp(probes: HealthProbes): Promise<boolean> {
    const now = Date.now();
    if (now - this.database.at < PROBE_EVERY_MS) return Promise.resolve(this.database.up);
    this.database.pending ??= withTimeout(probes.database(), PROBE_TIMEOUT_MS).then(
      () => true,
      () => false,
    ).then((up) => {
      this.database = { up, at: Date.now() };
      return up;
    });
    return this.database.pending;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
