// Recovery codes: ten per person, shown once, each good for one sign-in. A code is 16 characters from a
// 31-letter alphabet (79 random bits) shown as four groups, so a fast hash is enough to store it:
// like an API key's SHA-256, nobody can search 2^79 candidates for a stolen hash.
import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud and typed from paper

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

function newRecoveryCode(): string {
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely.
  while (chars.length < 16) {
    for (const byte of randomBytes(32)) {
      if (byte < 256 - (256 % ALPHABET.length) && chars.length < 16) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join("")).join("-");
}

/** The form a code is hashed in: lower case, without spaces or dashes. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}
