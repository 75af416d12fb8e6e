// TOTP (RFC 6238) through `otpauth`: SHA-1, 6 digits, 30 seconds, which every authenticator app
// understands. A code is accepted one step either side of now (clock drift), and each time step
// only once (the caller stores the last step used).
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const ISSUER = "Switchboard";
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: PERIOD });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The QR code of the URI as an SVG document (drawn inline: no script, no network). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** The time step `code` belongs to, or null when it is no current code of `secret`. */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** A six-digit code as people type it: spaces and dashes are ignored. */
export function normalizeTotpCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}
