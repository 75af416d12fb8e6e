// GitHub's secret-scanning partner program signs each report with ECDSA P-256 / SHA-256 over the
// raw body (README "Leaked keys"). Its public keys come from a JSON file in the format GitHub
// publishes them in, at SECRET_SCANNING_KEYS_FILE: never fetched, so a report can never make this
// server call out, and read again whenever the file changes, so refreshing it needs no restart.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { z } from "zod";

export const SIGNATURE_HEADER = "github-public-key-signature";
export const IDENTIFIER_HEADER = "github-public-key-identifier";

const KeysFile = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean().optional() })),
});

/** The keys file is missing or not in GitHub's format: reports cannot be checked until it is fixed. */
export class KeysFileError extends Error {}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing_headers" | "unknown_key" | "bad_signature" };

export function githubKeyStore(file: string) {
  let loaded: { version: string; keys: Map<string, KeyObject> } | null = null;

  async function keys(): Promise<Map<string, KeyObject>> {
    let version: string;
    try {
      const info = await stat(file);
      version = `${info.mtimeMs}:${info.size}`;
      if (loaded?.version === version) return loaded.keys;
      const parsed = KeysFile.parse(JSON.parse(await readFile(file, "utf8")));
      const map = new Map<string, KeyObject>();
      for (const entry of parsed.public_keys) {
        const key = createPublicKey(entry.key);
        // Only what GitHub signs with: a P-256 key. Anything else in the file could never verify.
        if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") map.set(entry.key_identifier, key);
      }
      loaded = { version, keys: map };
      return map;
    } catch (error) {
      throw new KeysFileError(`SECRET_SCANNING_KEYS_FILE could not be read as GitHub's public keys: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    /** Whether `signature` (base64 DER) over `body` verifies against the key named `identifier`. */
    async check(body: Uint8Array, identifier: string | undefined, signature: string | undefined): Promise<SignatureCheck> {
      if (!identifier || !signature) return { ok: false, reason: "missing_headers" };
      const key = (await keys()).get(identifier);
      if (!key) return { ok: false, reason: "unknown_key" };
      try {
        return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64")) ? { ok: true } : { ok: false, reason: "bad_signature" };
      } catch {
        // A signature that is not DER at all.
        return { ok: false, reason: "bad_signature" };
      }
    },
  };
}

export type GithubKeyStore = ReturnType<typeof githubKeyStore>;
