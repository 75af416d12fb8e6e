// Cross-site request forgery guard for the dashboard: server.ts refuses every state-changing
// request (server actions, Auth.js posts) that a browser did not send from one of our own pages,
// before Next sees it. Browsers attach `Origin` to every POST and `Sec-Fetch-Site` to every
// request; a page on another site cannot forge either. Next's own server-action check throws
// (a 500) on a foreign Origin and lets a request without one through; this answers 403 to both.
import type { IncomingHttpHeaders } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Null when the request may go on, otherwise why it is refused. `host` is the host the client
 * addressed (the Host header, or the forwarded host behind a trusted proxy).
 */
export function crossSiteRefusal(method: string | undefined, headers: IncomingHttpHeaders, host: string | undefined): string | null {
  if (SAFE_METHODS.has(method ?? "GET")) return null;
  const origin = single(headers.origin);
  if (origin !== undefined) {
    if (!host) return "no Host header";
    return hostOf(origin) === host.toLowerCase() ? null : `foreign Origin ${JSON.stringify(origin.slice(0, 100))}`;
  }
  // No Origin: only a same-origin fetch (which some browsers send without one) may go on.
  return single(headers["sec-fetch-site"]) === "same-origin" ? null : "no Origin header and not Sec-Fetch-Site: same-origin";
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// `Origin` is `scheme://host[:port]` or the string "null" (sandboxed frames, file: pages).
function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
