// The first code a client's request reaches (server.ts mounts it on node:http). It never throws:
// a target we will not serve gets a 400 envelope, a cross-site write a 403, a server action body
// Next could not decode a 400, and an unexpected failure a 500 with a request id, logged
// once per distinct stack. Everything else is routed on the normalized path: `/api/v1` to the
// Hono app, the rest to Next.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { setClientIp } from "@/lib/client-ip";
import { log } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/security-headers";
import { actionKind, checkActionBody, type ActionKind } from "./action-body";
import { logUnexpectedError, newRequestId } from "./error-log";
import type { Health } from "./health";
import { serveWatchingForOutage } from "./outage";
import type { PageHeadersFor } from "./page-headers";
import { isApiPath, parseRequestTarget } from "./request-target";
import { crossSiteRefusal } from "./same-origin";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type RequestListenerOptions = {
  handleApi: Handler;
  handleNext: Handler;
  /** Proxies in front of us whose forwarding headers are believed (TRUST_PROXY). */
  trustedProxies: number;
  /** Headers for a page, by its path (page-headers.ts), and the short set an API response needs. */
  pageHeaders: PageHeadersFor;
  apiHeaders: Record<string, string>;
  strictTransportSecurity: string;
  /** Answers GET /readyz; without it, /readyz answers as /healthz does. */
  health?: Pick<Health, "readiness">;
  /** Counts each API response (GET /metrics on METRICS_PORT). */
  metrics?: { recordRequest(res: ServerResponse, startedAt: number): void };
};

export function createRequestListener(options: RequestListenerOptions): RequestListener {
  return (req, res) => {
    try {
      setClientIp(req, options.trustedProxies);
      const target = parseRequestTarget(req.url);
      if (!target.ok) {
        // Like every API answer, this refusal carries a request id a client can quote to us.
        res.setHeader(REQUEST_ID_HEADER, newRequestId());
        logRefusal(req, 400, target.reason);
        return sendError(res, 400, "invalid_request", "Malformed request target.", "Send an origin-form path such as /api/v1/me.");
      }
      req.url = target.url;
      if (target.path === "/healthz" || target.path === "/readyz") return void answerHealth(req, res, target.path, options);
      const api = isApiPath(target.path);
      setHeaders(res, api ? options.apiHeaders : options.pageHeaders(target.path));
      // Only for requests that reached us over https, as a trusted proxy says: never on plain http.
      if (req.headers["x-forwarded-proto"] === "https") res.setHeader("Strict-Transport-Security", options.strictTransportSecurity);
      if (api) {
        // The API's handlers read it back from the response (lib/api/node-request.ts).
        res.setHeader(REQUEST_ID_HEADER, newRequestId());
        const startedAt = performance.now();
        return run(options.handleApi, req, res, () => options.metrics?.recordRequest(res, startedAt));
      }

      const refusal = crossSiteRefusal(req.method, req.headers, settleHost(req, options.trustedProxies));
      if (refusal) {
        logRefusal(req, 403, refusal);
        return sendError(res, 403, "forbidden", "Cross-site request refused.", "Submit the form from a Switchboard page.");
      }
      const kind = actionKind(req, target.path);
      if (kind) return void checkAction(req, res, kind, options.handleNext);
      // A page that finds the database unreachable is answered 503 (outage.ts).
      return serveWatchingForOutage(req, res, () => run(options.handleNext, req, res));
    } catch (error) {
      failed(res, error);
    }
  };
}

// Health checks come before everything else: cheap, unauthenticated, and the same while the
// server starts (lib/server/health.ts).
async function answerHealth(req: IncomingMessage, res: ServerResponse, path: string, options: RequestListenerOptions) {
  try {
    setHeaders(res, options.apiHeaders);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return sendError(res, 405, "invalid_request", `Use GET ${path}.`);
    }
    const answer = path === "/readyz" && options.health ? await options.health.readiness() : { status: 200, body: { status: "ok" } };
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    failed(res, error);
  }
}

/** A handler for everything but the health checks while the server starts: 503, try again soon. */
export function answerStarting(_req: IncomingMessage, res: ServerResponse) {
  res.setHeader("Retry-After", "5");
  sendError(res, 503, "unavailable", "The server is starting.", "Retry in a few seconds.");
}

// A body Next would decode as a server action must be one it can decode (action-body.ts).
async function checkAction(req: IncomingMessage, res: ServerResponse, kind: NonNullable<ActionKind>, handleNext: Handler) {
  try {
    const check = await checkActionBody(req, kind);
    if (!check.ok) {
      logRefusal(req, check.status, check.reason);
      return sendError(res, check.status, "invalid_request", "Malformed server action request.", "Reload the page and try again.");
    }
    run(handleNext, req, res);
  } catch (error) {
    failed(res, error);
  }
}

// A handler that throws, or whose promise rejects, gets the 500 envelope (no extra tick per
// request); `done` runs once the handler has answered.
function run(handler: Handler, req: IncomingMessage, res: ServerResponse, done?: () => void) {
  try {
    const result = handler(req, res);
    if (result instanceof Promise) result.then(done, (error: unknown) => failed(res, error));
    else done?.();
  } catch (error) {
    failed(res, error);
  }
}

function failed(res: ServerResponse, error: unknown) {
  const given = res.getHeader(REQUEST_ID_HEADER);
  const requestId = typeof given === "string" ? given : newRequestId();
  logUnexpectedError("server", requestId, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, 500, "internal_error", "Something went wrong on our side.", undefined, requestId);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, hint?: string, requestId?: string) {
  const body = JSON.stringify({ error: { code, message, ...(hint ? { hint } : {}), ...(requestId ? { requestId } : {}) } });
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

function setHeaders(res: ServerResponse, headers: Record<string, string>) {
  for (const name in headers) res.setHeader(name, headers[name]!);
}

/**
 * The host the client addressed: the Host header, or what the nearest trusted proxy forwarded.
 * Written back lower-cased, as the only forwarded value, so that Next's own server-action check
 * (first X-Forwarded-Host entry, else Host, compared exactly) sees the host we checked.
 */
function settleHost(req: IncomingMessage, trustedProxies: number): string | undefined {
  const forwarded = trustedProxies > 0 ? req.headers["x-forwarded-host"] : undefined;
  const forwardedHost = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(",").at(-1)?.trim().toLowerCase();
  if (req.headers.host) req.headers.host = req.headers.host.toLowerCase();
  if (forwardedHost) {
    req.headers["x-forwarded-host"] = forwardedHost;
    return forwardedHost;
  }
  delete req.headers["x-forwarded-host"];
  return req.headers.host;
}

// One short line per refused request: the target cut short (a JSON field, so no log injection).
function logRefusal(req: IncomingMessage, status: number, reason: string) {
  log.warn({ scope: "server", status, method: req.method, target: String(req.url).slice(0, 120) }, reason);
}

/**
 * For node:http's `clientError` (a request line or header the parser refuses): the same 400
 * envelope, instead of Node's bare "400 Bad Request".
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
  const body = JSON.stringify({ error: { code: "invalid_request", message: "Malformed HTTP request." } });
  // An answer to HEAD has no content (RFC 9110 9.3.2): a client reading one would take the body
  // for the next response. The parser refused the request, so its first bytes say the method.
  const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
  socket.end(
    "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n" +
      `${REQUEST_ID_HEADER}: ${newRequestId()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? "" : body}`,
  );
}
