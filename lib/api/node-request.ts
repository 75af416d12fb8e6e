// The Node request and response behind a Hono context (@hono/node-server passes them as
// `c.env`). The hot path reads request headers from Node's parsed object: `c.req.header()`
// builds a WHATWG Headers object from the raw headers on first use, which the API measured at
// several percent of its throughput. Without Node (app.request() in tests) it falls back to Hono.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "hono";
import { newRequestId } from "@/lib/server/error-log";
import { REQUEST_ID_HEADER } from "@/lib/security-headers";

export type NodeBindings = { incoming?: IncomingMessage; outgoing?: ServerResponse };

type AnyContext = Context<{ Bindings: NodeBindings }>;

/** A request header by its lower-case name; several of one name come joined by ", " (as Node joins them). */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c as AnyContext).env?.incoming;
  return incoming ? nodeHeader(incoming, name) : c.req.header(name);
}

/** A getter over the request's headers, for the key check (lib/keys/extract.ts). */
export function requestHeaders(c: Context): (name: string) => string | undefined {
  const incoming = (c as AnyContext).env?.incoming;
  return incoming ? (name) => nodeHeader(incoming, name) : (name) => c.req.header(name);
}

function nodeHeader(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The id the request listener gave this request (lib/server/request-listener.ts). */
export function requestIdOf(c: Context): string {
  const id = (c as AnyContext).env?.outgoing?.getHeader(REQUEST_ID_HEADER);
  return typeof id === "string" ? id : newRequestId();
}

/**
 * Sets a response header on the Node response, before the handler answers: Hono then keeps its
 * own headers a plain object (c.header() would make it build a Headers object per response).
 */
export function setResponseHeader(c: Context, name: string, value: string) {
  const outgoing = (c as AnyContext).env?.outgoing;
  if (outgoing) outgoing.setHeader(name, value);
  else c.header(name, value);
}
