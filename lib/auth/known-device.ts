// A browser that has signed in to an account before carries a long-lived "known device" cookie
// for it: a random value with an HMAC (keyed by AUTH_SECRET) binding it to the account's email.
// Sign-in throttling lets such a browser past the limit on one account from all addresses
// (lib/auth/throttle.ts), so guessing from a botnet cannot lock the owner out of their own
// browsers. It proves only "this browser signed in as this email before"; it grants nothing.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const KNOWN_DEVICE_COOKIE = "switchboard-known-device";
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function issueDeviceToken(email: string, secret: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${sign(nonce, email, secret)}`;
}

export function isKnownDevice(token: string | undefined, email: string, secret: string): boolean {
  const [nonce, mac, ...rest] = token?.split(".") ?? [];
  if (!nonce || !mac || rest.length > 0) return false;
  const expected = Buffer.from(sign(nonce, email, secret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The token from a Cookie header, if any. */
export function deviceTokenFrom(cookieHeader: string | null): string | undefined {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name === KNOWN_DEVICE_COOKIE) return value.join("=");
  }
  return undefined;
}

function sign(nonce: string, email: string, secret: string): string {
  return createHmac("sha256", secret).update(`known-device:${nonce}:${email.toLowerCase()}`).digest("base64url");
}
