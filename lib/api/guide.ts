// The opening of the API reference (/docs/api): how to authenticate, the error envelope with every
// hint the key check can give, and troubleshooting in the words key holders search for. It is
// built from the verifier's own hints and the key format, so it cannot drift from what the API
// answers.
import { KEY_PREFIXES, SECRET_SCANNING_PATTERN_SOURCE } from "@/lib/keys/format";
import { DEFAULT_RATE_LIMIT, PUBLIC_KEY_CLIENT_LIMIT } from "@/lib/keys/limits";
import { FAILURE_HINTS, FAILURE_STATUS, LEAKED_HINT, type VerifyFailure } from "@/lib/keys/verify";
import { INVALID_KEY_MESSAGE } from "./authenticate";

/** What each refusal of the key check means, in the holder's words (one per failure, by type). */
const FAILURE_SITUATIONS: Record<VerifyFailure, string> = {
  missing: "No key in the request, or in a header the API does not read",
  bearer_missing: "`Authorization` without the `Bearer ` prefix",
  unsupported_scheme: "`Authorization: Basic …` or another scheme",
  whitespace: "Spaces or a line break inside or around the key",
  quoted: "Quotes or brackets around the key",
  conflict: "`X-API-Key` and `Authorization` carry different keys",
  bad_prefix: "Not a Switchboard key (another service's key, or a typo in the prefix)",
  bad_length: "Key copied incompletely: too short or too long",
  bad_characters: "Characters a key never has (often from a rich-text copy)",
  checksum_mismatch: "Key copied incompletely or mistyped: the checksum does not match",
  not_found: "Well-formed key that does not exist (another environment's key, or deleted)",
  revoked: "Revoked key",
  disabled: "Disabled key",
  expired: "Expired key",
  rolled: "Rolled key whose grace period has ended",
  origin_required: "Public key sent without an `Origin` header (from a server, curl or a script)",
  origin_not_allowed: "Public key used from a page whose origin is not allowed",
  private_key_in_browser: "Private key used from a web page",
  ip_not_allowed: "Request from an IP address the key is not restricted to",
  unavailable: "Switchboard's database is unreachable and the key was not used on this server lately",
};

const CODE_OF_STATUS: Record<number, string> = { 400: "invalid_request", 401: "unauthorized", 403: "forbidden", 503: "service_unavailable" };

/** Every refusal of the key check: the situation, its status and code, and its hint (also in the Troubleshooting guide). */
export function hintTable(): string {
  const rows = (Object.keys(FAILURE_HINTS) as VerifyFailure[]).map((reason) => {
    const status = FAILURE_STATUS[reason];
    return `| ${FAILURE_SITUATIONS[reason]} | ${status} \`${CODE_OF_STATUS[status]}\` | ${FAILURE_HINTS[reason]} |`;
  });
  // A disabled key that was found in public says why (README "Leaked keys").
  rows.splice(rows.findIndex((row) => row.includes(FAILURE_HINTS.disabled)) + 1, 0, `| Key found in public (leaked), so disabled | 401 \`unauthorized\` | ${LEAKED_HINT} |`);
  return ["| Situation | Status and code | `hint` in the response |", "| --- | --- | --- |", ...rows].join("\n");
}

export function apiGuide(): string {
  const example = `${KEY_PREFIXES.private}…`;
  return `
Switchboard's REST API: the agents and calls of a workspace, and the workspace's API keys themselves.
Every request and response is JSON; every change made through it is in the workspace's audit log, with
the key as its author.

## Authentication

Every request carries one API key, in either of these headers, spelled exactly so:

\`\`\`http
X-API-Key: ${example}
Authorization: Bearer ${example}
\`\`\`

Header names are case-insensitive; the key itself is not. Send the key alone: no quotes, no spaces, no
line break at its end. Sending both headers is fine if they carry the same key.

Generate keys in **Settings → API Keys** (or with \`POST /api/v1/api-keys\`). The key is shown once; Switchboard
keeps only its SHA-256 hash, so a lost key cannot be recovered, only replaced.

### Private and public keys

| | Private key \`${KEY_PREFIXES.private}\` | Public key \`${KEY_PREFIXES.public}\` |
| --- | --- | --- |
| Where it lives | Your servers, CI, secret managers | Web pages, in the browser |
| What it can call | Every endpoint its permissions allow | Only \`POST /api/v1/calls\` and \`GET /api/v1/agents/{id}\` |
| Bound to | Optionally, IP addresses (CIDR) | Its allowed origins (sent by the browser as \`Origin\`) |
| From a browser | Refused (403) | Allowed from its origins, with CORS |

Keys can also be restricted to some agents, to a set of permissions (such as \`agents:read\`,
\`calls:write\`, \`api_keys:write\`), and to an expiry date. A key can only create or edit keys with no
more power than it has itself.

### Trying requests from this page

"Try it" at the top of this page opens a request client that sends requests from your browser, straight
to this server. Reads (\`GET\`) work with any key; changes with a private key are refused with 403,
because private keys are never accepted from web pages. Run each operation's \`curl\` example from a
terminal instead, with \`SWITCHBOARD_URL\` set to this server's address and \`SWITCHBOARD_API_KEY\` to
your key.

### Key format, for secret scanners

Keys are a prefix, 30 random base62 characters and a 6-character checksum. This regular expression
finds private keys in code, logs and chat; the checksum lets a scanner (and the API) tell a real key from
a typo without asking us. Public keys (\`${KEY_PREFIXES.public}\`) are made to sit in web pages, so the
pattern leaves them out: finding one is no leak.

\`\`\`regex
${SECRET_SCANNING_PATTERN_SOURCE}
\`\`\`

A private key found in public is disabled at once on every server. GitHub's secret scanning reports the
keys it finds to \`POST /api/v1/secret-scanning/github\`; anyone else may report one, without a key, to
\`POST /api/v1/leaked-keys\` with \`{"key": "…", "where": "https://…"}\`. The key's workspace sees it
flagged "Leaked" in Settings → API Keys, and requests with it get this hint:
"${LEAKED_HINT}"

## Errors

Every error, on every endpoint, has the same envelope:

\`\`\`json
{
  "error": {
    "code": "unauthorized",
    "message": "${INVALID_KEY_MESSAGE}",
    "hint": "${FAILURE_HINTS.missing}"
  }
}
\`\`\`

\`code\` is one of \`invalid_request\` (400), \`unauthorized\` (401), \`forbidden\` (403), \`not_found\` (404),
\`conflict\` (409), \`rate_limited\` and \`usage_exceeded\` (429) and \`internal_error\` (500). \`message\` says what happened; \`hint\`,
when present, says what to do; \`details\` maps each invalid field to what is wrong with it; \`requestId\`
(on 500s, and in the \`X-Request-Id\` header of every response) identifies the request when you contact us.

Request bodies are strict: a field the body does not take is refused under its own name in \`details\`
rather than ignored, and when it is another platform's name for one of ours (\`contact_number\` for
\`to_number\`, \`assistantId\` for \`agent_id\`) or a camelCase spelling (\`firstMessage\`), the message and
the \`hint\` name the right field. Query strings ignore parameters they do not know.

A refused key always gets the same \`message\`, so the response never tells an attacker whether a key
exists. The \`hint\` tells its holder what to fix:

${hintTable()}

## Troubleshooting

**401 although the key is right there.** The header name is probably wrong: the API reads only
\`X-API-Key\` and \`Authorization\`. \`Api-Key\`, \`X-Api-Token\`, \`apikey\` or a \`?api_key=\` query parameter
are ignored, and the hint says the key is missing.

**\`Bearer\` prefix missing.** \`Authorization: ${example}\` is refused; write
\`Authorization: Bearer ${example}\`, with one space after \`Bearer\`.

**Whitespace around the key.** A key pasted into a \`.env\` file or a secret manager often picks up a
trailing newline or a space. Keys never contain whitespace; trim it.

**Key copied incompletely.** A key is always ${KEY_PREFIXES.private.length + 36} characters. If a character is missing or
mistyped, the checksum does not match and the hint says so: copy the key again from where you stored it.
Settings → API Keys shows only a masked form and cannot show it again; if it is lost, roll the key.

**Disabled or revoked key.** A disabled key works again once someone enables it in Settings → API Keys;
a revoked key never does. Both take effect on every server at once. An expired key, or a rolled key
after its grace period, is refused the same way.

**Origin not allowed.** A public key works only from pages on its allowed origins. The browser shows a CORS
error; the response is 403 with the hint. Add the exact origin (scheme, host and port, such as
\`https://www.example.com\`) to the key's allowed origins. Calling with a public key from a server or curl
fails too: there is no \`Origin\`, so use a private key there.

**Permission missing.** 403 \`forbidden\` with "This key lacks the permission …": the key's permissions do
not include what the endpoint needs. An admin can grant it in Settings → API Keys → Edit. The same 403
comes for an agent the key is not allowed to use.

**IP not allowed.** A private key with allowed IP addresses answers 403 to requests from anywhere else.
Behind a proxy or NAT the address the API sees is your egress address; allow that, or a CIDR range.

**Rate limited.** Each key has a rate limit: new keys may make ${DEFAULT_RATE_LIMIT.perSecond} requests a second, with bursts
of ${DEFAULT_RATE_LIMIT.burst} more, and an admin can change it or lift it. Over it, the answer is 429 \`rate_limited\` with a
\`Retry-After\` header: wait that many seconds and retry, and spread requests out. Every answer to a
rate-limited key carries the \`RateLimit-Policy\` and \`RateLimit\` header fields of
draft-ietf-httpapi-ratelimit-headers-11, such as \`RateLimit: "key";r=42;t=1\` (42 requests left in the next
second). A public key also limits each visitor's address to ${PUBLIC_KEY_CLIENT_LIMIT.perSecond} requests a second (bursts of ${PUBLIC_KEY_CLIENT_LIMIT.burst}), so
that one visitor cannot use up the site's limit.

**Out of credits.** A key with call credits spends one per call started. With none left, \`POST /api/v1/calls\`
answers 429 \`usage_exceeded\`; its hint says when the credits refill (00:00 UTC each day or on the first of
the month) and \`Retry-After\` gives the seconds until then. Without a refill, an admin must add credits.

## Idempotency

Every \`POST\` accepts an \`Idempotency-Key\` header (1 to 255 visible ASCII characters; a UUID per operation
is ideal). Retrying with the same key and body within 24 hours returns the first response, with
\`Idempotent-Replayed: true\`, instead of doing the work twice. The same key with another body, or while
the first request is still running, is 409 \`conflict\`. A response that carried a new key's secret is
never stored: its retry is 409 with the id of the key created. Idempotency keys belong to the API key
that sends them (and, for a public key, to the visitor's IP address): another key's request under the
same value is a request of its own. Refusals before the endpoint runs (401, a missing permission, an
origin or IP not allowed, 429) are never stored, so a retry after fixing them goes through.

## Pagination

Lists return \`{"data": [...], "next_cursor": "..."}\`, newest first. Pass \`next_cursor\` as \`cursor\` to get
the next page, until it is \`null\`. \`limit\` sets the page size.
`.trim();
}
