// The one owner of the API key format (README "Architecture"):
//   swb_sk_ | swb_pk_  +  30 random base62 characters  +  6-character base62 CRC32 of all before.
// The prefix lets secret scanners find leaked keys; the checksum lets the API turn away typos
// and garbage without a database query.
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export const KEY_PREFIXES = { private: "swb_sk_", public: "swb_pk_" } as const;
export type KeyType = keyof typeof KEY_PREFIXES;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PREFIX_LENGTH = 7;
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = PREFIX_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH;
/** Characters of the random part shown in the masked form (after the prefix). */
const SHOWN_HEAD = 4;
const SHOWN_TAIL = 4;

const BASE62_BODY = /^[0-9A-Za-z]+$/;

/** Either prefix, then as many base62 characters as a key's random part and checksum. */
export const KEY_SHAPED_SOURCE = `(?:${Object.values(KEY_PREFIXES).join("|")})[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}`;

/** A key anywhere in a text: key-shaped, and not inside a longer word. */
export const KEY_PATTERN_SOURCE = `\\b${KEY_SHAPED_SOURCE}\\b`;

/**
 * The pattern published for secret scanners (README "Leaked keys"): private keys only. Public keys
 * are made to sit in web pages, so finding one is no leak and must not alert anyone.
 */
export const SECRET_SCANNING_PATTERN_SOURCE = `\\b${KEY_PREFIXES.private}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}\\b`;

/**
 * The key shown in documentation examples: shorter than a real key, so the published OpenAPI
 * document never matches the pattern above and no secret scanner reports it.
 */
export const EXAMPLE_PRIVATE_KEY = `${KEY_PREFIXES.private}${"x".repeat(RANDOM_LENGTH)}`;

/** Uniform base62 from a CSPRNG: bytes >= 248 are rejected so `% 62` carries no bias. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** CRC32 of `text`, as 6 base62 characters (62^6 > 2^32), left-padded with "0". */
export function checksum(text: string): string {
  let value = crc32(text);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function generateKey(type: KeyType): string {
  const body = KEY_PREFIXES[type] + randomBase62(RANDOM_LENGTH);
  return body + checksum(body);
}

export type ParseFailure = "bad_prefix" | "bad_length" | "bad_characters" | "checksum_mismatch";
export type ParsedKey = { ok: true; type: KeyType } | { ok: false; reason: ParseFailure };

/** Checks a candidate key's shape and checksum. Never touches the database. */
export function parseKey(candidate: string): ParsedKey {
  const prefix = candidate.slice(0, PREFIX_LENGTH);
  const type = (Object.keys(KEY_PREFIXES) as KeyType[]).find((t) => KEY_PREFIXES[t] === prefix);
  if (!type) return { ok: false, reason: "bad_prefix" };
  if (candidate.length !== KEY_LENGTH) return { ok: false, reason: "bad_length" };
  const rest = candidate.slice(PREFIX_LENGTH);
  if (!BASE62_BODY.test(rest)) return { ok: false, reason: "bad_characters" };
  const body = candidate.slice(0, KEY_LENGTH - CHECKSUM_LENGTH);
  if (checksum(body) !== candidate.slice(-CHECKSUM_LENGTH)) {
    return { ok: false, reason: "checksum_mismatch" };
  }
  return { ok: true, type };
}

/** What we keep to show a key later: prefix + first 4 random characters, and the last 4. */
export function displayParts(key: string): { start: string; end: string } {
  return { start: key.slice(0, PREFIX_LENGTH + SHOWN_HEAD), end: key.slice(-SHOWN_TAIL) };
}
