// A dashboard page served while the database is unreachable is answered 503 with Retry-After,
// so browsers, monitors and proxies see an outage rather than a page (README "The database
// unreachable"). Next has no way for a page to choose a 503, so the request listener runs each
// page request in an AsyncLocalStorage scope; whatever finds the database unreachable while
// serving it (the session check, a page's query) marks the scope, and the response's status is
// made 503 when its head is written. Redirects are left alone (they lead to a page that will say
// so itself). Server actions and other writes keep their status: Next's client reads their body.
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseUnreachable } from "@/db/errors";

type Scope = { databaseUnreachable: boolean };

/** Seconds a browser or proxy is asked to wait before trying a page again. */
export const PAGE_RETRY_AFTER_SECONDS = 5;

// One store per process: server.ts's module graph runs the scope, Next's bundle marks it.
const globalForOutage = globalThis as unknown as { switchboardOutage?: AsyncLocalStorage<Scope> };
const storage = (globalForOutage.switchboardOutage ??= new AsyncLocalStorage<Scope>());

/** Says that the request being served found the database unreachable. Outside a page request, nothing. */
export function markDatabaseUnreachable() {
  const scope = storage.getStore();
  if (scope) scope.databaseUnreachable = true;
}

/** Marks the request when `error` says the database is unreachable; returns whether it did. */
export function noteIfDatabaseUnreachable(error: unknown): boolean {
  if (!isDatabaseUnreachable(error)) return false;
  markDatabaseUnreachable();
  return true;
}

/** Runs `serve` (the page handler) in a scope of its own, and answers 503 if it gets marked. */
export function serveWatchingForOutage<T>(req: IncomingMessage, res: ServerResponse, serve: () => T): T {
  const scope: Scope = { databaseUnreachable: false };
  if (req.method === "GET" || req.method === "HEAD") {
    const writeHead = res.writeHead;
    // Node writes the head through writeHead, whether Next calls it or only writes the body.
    res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
      const redirect = statusCode >= 300 && statusCode < 400;
      if (scope.databaseUnreachable && !redirect) {
        statusCode = 503;
        // A reason phrase given for the old status would be wrong for the new one.
        if (typeof rest[0] === "string") rest.shift();
        this.setHeader("Retry-After", String(PAGE_RETRY_AFTER_SECONDS));
        this.setHeader("Cache-Control", "no-store");
      }
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    } as ServerResponse["writeHead"];
  }
  return storage.run(scope, serve);
}
