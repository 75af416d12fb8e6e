// Allowed origins of public keys: exact scheme, host and port (`https://app.example.com`,
// `http://localhost:5173`), or a wildcard for subdomains only (`https://*.example.com` matches
// `https://app.example.com` and `https://a.b.example.com`, never `https://example.com`).
// Browsers send the Origin header; a public key works only where its page is allowed to live.

export type OriginPattern = { scheme: string; host: string; port: string; wildcard: boolean };

export type ParsedOrigin = { ok: true; value: string; pattern: OriginPattern } | { ok: false; error: string };

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/** Reads one allowed-origin entry as typed into the dashboard or the API. */
export function parseAllowedOrigin(input: string): ParsedOrigin {
  const text = input.trim();
  const wildcard = /^(https?:\/\/)\*\.(.+)$/i.exec(text);
  const candidate = wildcard ? `${wildcard[1]}placeholder.${wildcard[2]}` : text;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: `"${text}" is not an origin such as https://app.example.com.` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: `"${text}" must start with https:// or http://.` };
  if (url.username || url.password || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || /\/./.test(candidate.replace(/^https?:\/\//i, ""))) {
    return { ok: false, error: `"${text}" must be only scheme, host and port, with no path: https://app.example.com.` };
  }
  const host = wildcard ? url.hostname.replace(/^placeholder\./, "") : url.hostname;
  if (host.includes("*")) return { ok: false, error: `"${text}": a wildcard stands only first, for subdomains: https://*.example.com.` };
  if (wildcard && !host.includes(".")) return { ok: false, error: `"${text}": a wildcard needs a domain with a dot, such as https://*.example.com.` };
  const port = url.port || DEFAULT_PORTS[url.protocol]!;
  const shownPort = url.port ? `:${url.port}` : "";
  const value = `${url.protocol}//${wildcard ? "*." : ""}${host}${shownPort}`;
  return { ok: true, value, pattern: { scheme: url.protocol, host, port, wildcard: !!wildcard } };
}

/** Compiles stored origins (already validated) for matching on every request. */
export function compileOrigins(values: string[]): OriginPattern[] {
  return values.flatMap((value) => {
    const parsed = parseAllowedOrigin(value);
    return parsed.ok ? [parsed.pattern] : [];
  });
}

/** Whether the browser's `Origin` header is one of `patterns`. */
export function originAllowed(origin: string, patterns: OriginPattern[]): boolean {
  if (patterns.length === 0 || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const port = url.port || DEFAULT_PORTS[url.protocol];
  const host = url.hostname.toLowerCase();
  return patterns.some(
    (pattern) =>
      pattern.scheme === url.protocol &&
      pattern.port === port &&
      (pattern.wildcard ? host.endsWith(`.${pattern.host}`) : host === pattern.host),
  );
}
