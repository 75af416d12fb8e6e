// Redirect targets taken from a request (`?next=` after sign-in) are resolved against our own
// origin with the URL parser, exactly as a browser would resolve them, and kept only when they
// stay there. Prefix checks on the raw string are not enough: `/\t/evil.example` loses its tab
// in the parser and becomes `//evil.example`, a link to another host.
const OWN_ORIGIN = "http://switchboard.invalid";

/** `next` as a path on our own origin, or `fallback` when it would lead anywhere else. */
export function safeRedirectPath(next: unknown, fallback: string): string {
  // We only ever hand out paths; anything else (`http:x`, `javascript:`) is not ours to follow.
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // `/settings/..//evil.example` resolves to the path `//evil.example`: same origin here, but
  // another host once it is sent as a Location or pushed to the router.
  if (path.startsWith("//") || path.includes("\\")) return fallback;
  return path;
}
