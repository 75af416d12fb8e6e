// Headers set on every response, pages and API alike (server.ts applies them before routing).
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

/** Only for requests that reached us over https (through a trusted proxy): never on plain http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
