// Keys are 178-bit random secrets, so a fast unsalted SHA-256 is enough: no dictionary can
// reach them, and the hot path needs one hash per request, not a slow KDF.
import { createHash } from "node:crypto";

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
