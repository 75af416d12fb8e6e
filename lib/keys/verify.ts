// The hot path: one framework-free function that every /api/v1 route uses through one wrapper.
// extract → format + checksum → SHA-256 → cache → one indexed query on a miss → checks → outcome.
import { extractKey, type ExtractProblem } from "./extract";
import { parseKey, type KeyType, type ParseFailure } from "./format";
import { hashKey } from "./hash";
import { ipAllowed, type compileIpAllowlist } from "./ip-allowlist";
import type { RateLimit } from "./limits";
import { originAllowed, type OriginPattern } from "./origins";
import type { KeyScopes } from "./scopes";

/** What verification needs to know about a stored key (never its secret). */
export type KeyRecord = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  type: KeyType;
  status: "active" | "disabled";
  /** When the key stops working: its expiry, or the end of its grace period once rolled. */
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Set once the key was rolled: its successor. */
  rolledToId: string | null;
  permissions: KeyScopes;
  /** Agent ids; empty: every agent. */
  allowedAgents: string[];
  allowTransientAgents: boolean;
  /** As stored: the ceiling of the keys this key may grant through the management API. */
  allowedIps: string[];
  /** Compiled once when the record is loaded, so each request only compares. */
  origins: OriginPattern[];
  ipRanges: ReturnType<typeof compileIpAllowlist>;
  /** Requests per second and burst (lib/keys/rate-limit.ts); null: no limit, and no limiter call. */
  rateLimit: RateLimit | null;
  /** When the key was found in public and disabled (README "Leaked keys"): its 401 says so. */
  leakedAt?: Date | null;
};

/** What the request itself says, beyond its key: the browser's Origin and the client address. */
export type RequestFacts = { origin?: string | null; ip?: string | null };

export type VerifyFailure =
  | ExtractProblem
  | ParseFailure
  | "not_found"
  | "revoked"
  | "disabled"
  | "expired"
  | "rolled"
  | "origin_required"
  | "origin_not_allowed"
  | "private_key_in_browser"
  | "ip_not_allowed"
  | "unavailable";

/**
 * The HTTP answer to each failure: 401 for a key that is no key, 403 for one used where it may
 * not be, 503 when the key could not be checked (the database is unreachable and the key is not
 * cached).
 */
export const FAILURE_STATUS: Record<VerifyFailure, 400 | 401 | 403 | 503> = {
  missing: 401,
  bearer_missing: 401,
  unsupported_scheme: 401,
  whitespace: 401,
  quoted: 401,
  conflict: 400,
  bad_prefix: 401,
  bad_length: 401,
  bad_characters: 401,
  checksum_mismatch: 401,
  not_found: 401,
  revoked: 401,
  disabled: 401,
  expired: 401,
  rolled: 401,
  origin_required: 403,
  origin_not_allowed: 403,
  private_key_in_browser: 403,
  ip_not_allowed: 403,
  unavailable: 503,
};

/** A refusal of a key that exists carries its record, so that its workspace's usage counts it. */
export type VerifyOutcome = { ok: true; key: KeyRecord } | { ok: false; reason: VerifyFailure; key?: KeyRecord };

/**
 * Looks a key up by hash: the cache in front of the database (see cache.ts). Throws
 * `KeyStoreUnavailable` when it can give no answer because the database is unreachable.
 */
export type KeyLookup = (hash: string) => Promise<KeyRecord | null>;

/** The database could not be asked, and the cache has no answer: the request gets a 503. */
export class KeyStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super("The key store is unreachable and the key is not cached", { cause });
  }
}

export type HeaderGetter = (name: string) => string | null | undefined;

/** Hints for the key's holder: enough to fix the mistake, nothing an attacker could use. */
export const FAILURE_HINTS: Record<VerifyFailure, string> = {
  missing: "Send your API key in the X-API-Key header or as Authorization: Bearer <key>.",
  bearer_missing: 'The Authorization header needs the "Bearer " prefix: Authorization: Bearer <key>.',
  unsupported_scheme: "Only Bearer authorization is supported: Authorization: Bearer <key>.",
  whitespace: "The key contains whitespace. Copy it again without spaces or line breaks.",
  quoted: "Send the key without quotes or brackets around it.",
  conflict: "X-API-Key and Authorization carry different keys. Send one key.",
  bad_prefix: "API keys start with swb_sk_ (private) or swb_pk_ (public).",
  bad_length: "The key has the wrong length: it was probably copied incompletely.",
  bad_characters: "The key contains characters that API keys never have: copy it again.",
  checksum_mismatch: "The key's checksum does not match: it was probably copied incompletely or mistyped.",
  not_found: "No such key. Check that you copied the whole key from Settings → API Keys.",
  revoked: "This key has been revoked. Generate a new one in Settings → API Keys.",
  disabled: "This key is disabled. An admin can enable it in Settings → API Keys.",
  expired: "This key has expired. Generate a new one in Settings → API Keys.",
  rolled: "This key was rolled and its grace period has ended. Use the key that replaced it.",
  origin_required: "Public keys work only from web pages on their allowed origins: the request has no Origin header.",
  origin_not_allowed: "This public key is not allowed from this page's origin. Add the origin to the key's allowed origins.",
  private_key_in_browser:
    "Private keys must stay on servers, never in web pages. Use a public key (swb_pk_) restricted to your site's origin.",
  ip_not_allowed: "This key is restricted to certain IP addresses, and this request comes from another one.",
  unavailable: "Keys cannot be checked right now: the key store is unreachable. Retry after the time in Retry-After; keys in use recently keep working meanwhile.",
};

/** The hint of a key disabled because it was found in public, instead of the plain "disabled" one. */
export const LEAKED_HINT =
  "This key was disabled because it was found in public (a leaked key). Roll it in Settings → API Keys and use the new key; keep keys out of code, logs and web pages.";

/** The hint for a refusal: a disabled key that leaked says why it was disabled. */
export function failureHint(reason: VerifyFailure, key?: KeyRecord): string {
  return reason === "disabled" && key?.leakedAt ? LEAKED_HINT : FAILURE_HINTS[reason];
}

export function createKeyVerifier(deps: {
  lookup: KeyLookup;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  return async function verifyRequest(header: HeaderGetter, facts: RequestFacts = {}): Promise<VerifyOutcome> {
    const extracted = extractKey(header);
    if (!extracted.ok) return { ok: false, reason: extracted.problem };

    const parsed = parseKey(extracted.key);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };

    let record: KeyRecord | null;
    try {
      record = await deps.lookup(hashKey(extracted.key));
    } catch (error) {
      if (error instanceof KeyStoreUnavailable) return { ok: false, reason: "unavailable" };
      throw error;
    }
    if (!record) return { ok: false, reason: "not_found" };
    if (record.revokedAt) return { ok: false, reason: "revoked", key: record };
    if (record.status !== "active") return { ok: false, reason: "disabled", key: record };
    // Against the clock on every request, not only when the record was cached.
    if (record.expiresAt && record.expiresAt.getTime() <= now()) return { ok: false, reason: record.rolledToId ? "rolled" : "expired", key: record };
    if (record.type === "public") {
      if (!facts.origin) return { ok: false, reason: "origin_required", key: record };
      if (!originAllowed(facts.origin, record.origins)) return { ok: false, reason: "origin_not_allowed", key: record };
    } else if (facts.origin) {
      return { ok: false, reason: "private_key_in_browser", key: record };
    }
    if (record.ipRanges.length > 0 && !ipAllowed(facts.ip, record.ipRanges)) return { ok: false, reason: "ip_not_allowed", key: record };

    return { ok: true, key: record };
  };
}

export type KeyVerifier = ReturnType<typeof createKeyVerifier>;
