// Secrets derived from AUTH_SECRET, one key per purpose (HKDF-SHA256 with the purpose as info),
// so that a key used to encrypt TOTP secrets never also signs a token:
// - seal/open: AES-256-GCM for TOTP secrets at rest. A database dump or backup alone does not
//   reveal them; the server can still read them to check a code (a hash would not allow that).
// - signToken/readToken: HMAC-SHA256 tokens with an expiry (the pending sign-in between password
//   and second factor, WebAuthn challenges), so that no server needs to remember them.
// Rotating AUTH_SECRET therefore makes every TOTP secret unreadable: README "Two-factor sign-in
// and passkeys" says what that means.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

type Purpose = "totp-secret" | "pending-sign-in" | "sign-in-ticket" | "webauthn-challenge";

function keyFor(purpose: Purpose): Buffer {
  const secret = getEnv().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (server.ts generates one at start)");
  return Buffer.from(hkdfSync("sha256", secret, "switchboard", `switchboard ${purpose} v1`, 32));
}

/** Encrypts `plaintext` as "v1.iv.ciphertext.tag" (base64url parts). */
export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor("totp-secret"), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The plaintext of `sealed`, or null when it was not sealed with this AUTH_SECRET. */
export function open(sealed: string): string | null {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (version !== "v1" || !iv || !ciphertext || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor("totp-secret"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A token carrying `payload` for `seconds`, readable only with the same purpose. */
export function signToken(purpose: Exclude<Purpose, "totp-secret">, payload: Record<string, unknown>, seconds: number): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(Date.now() / 1000) + seconds })).toString("base64url");
  return `${body}.${mac(purpose, body)}`;
}

/** The payload of a token of `purpose` that has not expired, or null. */
export function readToken<T extends Record<string, unknown>>(purpose: Exclude<Purpose, "totp-secret">, token: string | undefined | null): T | null {
  const [body, given, ...rest] = token?.split(".") ?? [];
  if (!body || !given || rest.length > 0) return null;
  const expected = Buffer.from(mac(purpose, body));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & { exp?: unknown };
    return typeof payload.exp === "number" && payload.exp > Date.now() / 1000 ? payload : null;
  } catch {
    return null;
  }
}

function mac(purpose: Purpose, body: string) {
  return createHmac("sha256", keyFor(purpose)).update(body).digest("base64url");
}
