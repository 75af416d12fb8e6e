// The hot path: one framework-free function that every /api/v1 route uses through one wrapper.
// extract → format + checksum → SHA-256 → cache → one indexed query on a miss → checks → outcome.
import { extractKey, type ExtractProblem } from "./extract";
import { parseKey, type KeyType, type ParseFailure } from "./format";
import { hashKey } from "./hash";

/** What verification needs to know about a stored key (never its secret). */
export type KeyRecord = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  type: KeyType;
  status: "active" | "disabled";
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type VerifyFailure =
  | ExtractProblem
  | ParseFailure
  | "not_found"
  | "revoked"
  | "disabled"
  | "expired";

export type VerifyOutcome = { ok: true; key: KeyRecord } | { ok: false; reason: VerifyFailure };

/** Looks a key up by hash: the cache in front of the database (see cache.ts). */
export type KeyLookup = (hash: string) => Promise<KeyRecord | null>;

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
};

export function createKeyVerifier(deps: {
  lookup: KeyLookup;
  /** Called for every valid request; the caller batches "last used" writes. */
  onVerified?: (key: KeyRecord) => void;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  return async function verifyRequest(header: HeaderGetter): Promise<VerifyOutcome> {
    const extracted = extractKey(header);
    if (!extracted.ok) return { ok: false, reason: extracted.problem };

    const parsed = parseKey(extracted.key);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };

    const record = await deps.lookup(hashKey(extracted.key));
    if (!record) return { ok: false, reason: "not_found" };
    if (record.revokedAt) return { ok: false, reason: "revoked" };
    if (record.status !== "active") return { ok: false, reason: "disabled" };
    if (record.expiresAt && record.expiresAt.getTime() <= now()) return { ok: false, reason: "expired" };

    deps.onVerified?.(record);
    return { ok: true, key: record };
  };
}

export type KeyVerifier = ReturnType<typeof createKeyVerifier>;
