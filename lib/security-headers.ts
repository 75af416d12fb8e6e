// Response headers that server.ts sets before routing: the dashboard's document policy for pages,
// and a short set for /api/v1, where every header is paid on every request and a JSON answer
// needs no document policy (README "Security").
// Scripts keep 'unsafe-inline' because Next's App Router streams inline bootstrap scripts and
// a nonce would force every page, including the static ones, to render per request;
// 'unsafe-eval' is only allowed in development, where React's tooling needs it.
export function securityHeaders(options: { dev: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
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
