// Reads the request target (the URL in the request line) the way server.ts routes it. A hostile
// client controls every byte of it, so this never throws: a target we will not serve is refused
// with a reason, and anything else becomes one canonical origin-form path, so that `/api/v1`
// routing, Next's router and any redirect Next builds all see the same harmless path.
//
// - `*` (asterisk-form, `OPTIONS *`) and authority-form (`host:443`, CONNECT only) are refused.
// - absolute-form (`http://host/path`) is served by its path; the host in it is ignored, so it
//   can never end up in a `Location` header.
// - dot segments (also `%2e`) are resolved, `\` counts as `/` (as browsers read it), runs of
//   slashes collapse into one, a trailing slash goes, and percent-encoded unreserved characters
//   are decoded (RFC 3986 6.2.2), so `//api/v1/me`, `/api//v1/me/` and `/api/%761/me` all reach
//   the API. Segments are resolved here, not by `new URL`: Node 20's parser leaves `..` in place
//   after a segment that starts with a dot (`/a/.x/../..`).
// - malformed percent-encoding and encoded control characters in the path are refused.

export type RequestTarget =
  | { ok: true; path: string; search: string; url: string }
  | { ok: false; reason: string };

const BASE = "http://switchboard.invalid";
const MAX_TARGET_LENGTH = 8192;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
// Segments of unreserved characters, none empty or starting with a dot (so no dot segments), no
// trailing slash: what normalizePath would return unchanged.
const CANONICAL_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;

export function parseRequestTarget(raw: string | undefined): RequestTarget {
  if (!raw) return { ok: false, reason: "empty request target" };
  if (raw.length > MAX_TARGET_LENGTH) return { ok: false, reason: "request target too long" };
  if (raw === "*") return { ok: false, reason: "asterisk-form request target" };

  let target = raw;
  if (/^https?:\/\//i.test(raw)) {
    // Absolute-form: keep only the path and query.
    const absolute = safeUrl(raw);
    if (!absolute) return { ok: false, reason: "malformed absolute-form request target" };
    target = absolute.pathname + absolute.search;
  } else if (!raw.startsWith("/")) {
    return { ok: false, reason: "request target is not a path" };
  }

  const queryAt = target.indexOf("?");
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const search = queryAt === -1 ? "" : target.slice(queryAt);
  // Nearly every request is already canonical; it skips the URL parser (measured at about 3 %
  // of the API's time per request).
  if (CANONICAL_PATH.test(rawPath) && !CONTROL.test(search)) return { ok: true, path: rawPath, search, url: target };
  // `#` never belongs in a request target; the URL parser would drop what follows it.
  if (rawPath.includes("#")) return { ok: false, reason: "fragment in request target" };
  if (/%(?![0-9A-Fa-f]{2})/.test(rawPath)) return { ok: false, reason: "malformed percent-encoding in path" };
  if (/%(?:[01][0-9A-Fa-f]|7[Ff])/.test(rawPath)) return { ok: false, reason: "encoded control character in path" };
  // Node's parser refuses these in a request line already; a parser that strips them (tabs,
  // newlines) would otherwise see another path than we do.
  if (CONTROL.test(target)) return { ok: false, reason: "control character in request target" };

  const path = normalizePath(rawPath);
  if (!path) return { ok: false, reason: "malformed path" };
  return { ok: true, path, search, url: path + search };
}

/** True when `path` (normalized) is the public API: `/api/v1` or anything under it. */
export function isApiPath(path: string): boolean {
  return path === "/api/v1" || path.startsWith("/api/v1/");
}

function normalizePath(rawPath: string): string | null {
  const segments: string[] = [];
  for (const segment of rawPath.split(/[/\\]+/)) {
    const dots = segment.replace(/%2e/gi, ".");
    if (segment === "" || dots === ".") continue;
    if (dots === "..") segments.pop();
    else segments.push(segment);
  }
  // The URL parser percent-encodes what may not stand raw in a path (quotes, non-ASCII...).
  const encoded = safeUrl(`/${segments.join("/")}`, BASE);
  if (!encoded || encoded.origin !== BASE) return null;
  const path = decodeUnreserved(encoded.pathname);
  // Decoding cannot make a dot segment (those were resolved above), but be sure of it.
  return /(^|\/)\.\.?(\/|$)/.test(path) ? null : path;
}

function safeUrl(input: string, base?: string): URL | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}
