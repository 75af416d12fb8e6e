// Response headers that server.ts sets before routing: the dashboard's document policy for pages,
// and a short set for /api/v1, where every header is paid on every request and a JSON answer
// needs no document policy (README "Security").
//
// Scripts never get 'unsafe-inline' in production. Next writes inline bootstrap scripts into
// every page, so each page names exactly the inline scripts it may run:
// - a page rendered per request (the dashboard, sign-in, sign-up, invitations) carries a nonce
//   made for that request by proxy.ts, with 'strict-dynamic' so that the scripts the page loads
//   may load Next's chunks in turn;
// - a page prerendered at build time (the 404 page) cannot carry a per-request nonce without being
//   rendered per request, so it carries the SHA-256 of each inline script the build wrote into it
//   (lib/server/page-headers.ts). The docs (pages/) have none: their policy names no inline script.
// In development nothing is prerendered and React's tooling needs eval: pages that proxy.ts does
// not cover keep 'unsafe-inline' there, and every page allows 'unsafe-eval'.

/** How a page's inline scripts are allowed. */
export type InlineScripts = { nonce: string } | { hashes: readonly string[] } | "development";

export function contentSecurityPolicy(inline: InlineScripts, options: { dev: boolean }): string {
  const scripts =
    inline === "development" ? "'unsafe-inline'" : "nonce" in inline ? `'nonce-${inline.nonce}' 'strict-dynamic'` : inline.hashes.map((hash) => `'${hash}'`).join(" ");
  return [
    "default-src 'self'",
    ["script-src 'self'", scripts, options.dev ? "'unsafe-eval'" : ""].filter(Boolean).join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Every header of a page's response, around its Content-Security-Policy. */
export function pageHeaders(policy: string): Record<string, string> {
  return {
    "Content-Security-Policy": policy,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}

/**
 * What a JSON API response needs: never sniffed, never framed, never kept by a shared cache (it
 * carries workspace data). Set by the request listener before the handler runs, with the
 * request id, so the API never rebuilds its headers after the fact.
 */
export const API_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "frame-ancestors 'none'",
};

export const REQUEST_ID_HEADER = "X-Request-Id";

/** Only for requests that reached us over https (through a trusted proxy): never on plain http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
