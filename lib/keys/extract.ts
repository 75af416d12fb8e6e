// Finds the API key in a request's headers: `X-API-Key: <key>` or `Authorization: Bearer <key>`.
// Header lookups are case-insensitive (the caller passes a Headers-like getter).

export type ExtractProblem =
  | "missing"
  | "bearer_missing"
  | "unsupported_scheme"
  | "whitespace"
  | "quoted"
  | "conflict";

export type Extracted = { ok: true; key: string } | { ok: false; problem: ExtractProblem };

type HeaderGetter = (name: string) => string | null | undefined;

const BEARER = /^Bearer(?:[ \t]+(.*))?$/i;

// An empty header is no key at all (a client template with an unset variable, say).
const nonEmpty = (value: string | null | undefined) => (value?.trim() ? value : undefined);

export function extractKey(header: HeaderGetter): Extracted {
  const fromApiKeyHeader = nonEmpty(header("x-api-key"));
  const authorization = header("authorization") ?? undefined;

  let fromBearer: string | undefined;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (match) fromBearer = nonEmpty(match[1]);
    else if (fromApiKeyHeader === undefined) {
      // A bare key in Authorization is a common slip; say so rather than "missing".
      return {
        ok: false,
        problem: authorization.trim().startsWith("swb_") ? "bearer_missing" : "unsupported_scheme",
      };
    }
  }

  if (fromApiKeyHeader !== undefined && fromBearer !== undefined && fromApiKeyHeader !== fromBearer) {
    return { ok: false, problem: "conflict" };
  }
  const key = fromApiKeyHeader ?? fromBearer;
  if (key === undefined) return { ok: false, problem: "missing" };
  if (/\s/.test(key)) return { ok: false, problem: "whitespace" };
  if (/^["'<].*["'>]$/.test(key)) return { ok: false, problem: "quoted" };
  return { ok: true, key };
}
