// The state between a right password and the second step (README "Two-factor sign-in and
// passkeys"). A right password for an account with a second factor starts no session: it earns
// a pending sign-in, a signed token naming the person that lives five minutes in an httpOnly
// cookie. Only a right code or passkey turns it into a session, through a sign-in ticket: a
// token that lives 30 seconds and never leaves the server (the action hands it straight to
// Auth.js's "second-step" provider, lib/auth/index.ts).
import { readToken, signToken } from "./secret-box";

export const PENDING_SIGN_IN_COOKIE = "switchboard-pending-sign-in";
export const PENDING_SIGN_IN_SECONDS = 300;

export function pendingSignInToken(userId: string): string {
  return signToken("pending-sign-in", { u: userId }, PENDING_SIGN_IN_SECONDS);
}

/** The person a pending sign-in names, or null when it is missing, forged or expired. */
export function readPendingSignIn(token: string | undefined): string | null {
  const payload = readToken<{ u?: unknown }>("pending-sign-in", token);
  return typeof payload?.u === "string" ? payload.u : null;
}

export function signInTicket(userId: string): string {
  return signToken("sign-in-ticket", { u: userId }, 30);
}

export function readSignInTicket(token: unknown): string | null {
  const payload = readToken<{ u?: unknown }>("sign-in-ticket", typeof token === "string" ? token : undefined);
  return typeof payload?.u === "string" ? payload.u : null;
}
