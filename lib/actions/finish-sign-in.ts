// What every sign-in does once it has passed all its steps: the session (through Auth.js's
// "second-step" provider and a ticket, lib/auth/pending-sign-in.ts), the known-device cookie,
// the pending sign-in cleared; and the cookies the steps keep. Not a "use server" module: nothing here may be called from outside.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { issueDeviceToken, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS } from "@/lib/auth/known-device";
import { PENDING_SIGN_IN_COOKIE, PENDING_SIGN_IN_SECONDS, readPendingSignIn, signInTicket } from "@/lib/auth/pending-sign-in";
import { WEBAUTHN_CHALLENGE_SECONDS, WEBAUTHN_COOKIE } from "@/lib/auth/webauthn";
import { getEnv } from "@/lib/env";
import { expects } from "@/lib/field-messages";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/routes";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { text } from "@/lib/text";
import { requestIsHttps } from "./app-origin";

/** Where to go after signing in: a path of ours (checked again by safeRedirectPath). */
export const nextPathField = text(expects("next", "a path of this site, such as /settings/api-keys")).max(2048, "next can be 2048 characters at most.").optional();

export const SIGN_IN_EXPIRED = "Your sign-in took too long. Enter your email and password again.";


/** After a successful sign-in: this browser is now a known device of the account (lib/auth/known-device.ts). */
export async function rememberDevice(email: string) {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) return;
  (await cookies()).set(KNOWN_DEVICE_COOKIE, issueDeviceToken(email, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure: await requestIsHttps(),
    path: "/",
    maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
  });
}

/** The password was right and a second step is due. */
export async function startPendingSignIn(token: string) {
  (await cookies()).set(PENDING_SIGN_IN_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: await requestIsHttps(),
    path: "/",
    maxAge: PENDING_SIGN_IN_SECONDS,
  });
}

/** A WebAuthn challenge for this browser, for five minutes (lib/auth/webauthn.ts). */
export async function setWebAuthnChallenge(token: string) {
  (await cookies()).set(WEBAUTHN_COOKIE, token, { httpOnly: true, sameSite: "strict", secure: await requestIsHttps(), path: "/", maxAge: WEBAUTHN_CHALLENGE_SECONDS });
}

/** The person whose password was right in this browser in the last five minutes, or null. */
export async function pendingSignInUser(): Promise<string | null> {
  return readPendingSignIn((await cookies()).get(PENDING_SIGN_IN_COOKIE)?.value);
}

/** Starts the session for `user`, who passed every step, and goes to `next`. */
export async function finishSignIn(user: { id: string; email: string }, next: string | undefined): Promise<never> {
  await signIn("second-step", { ticket: signInTicket(user.id), redirect: false });
  (await cookies()).delete(PENDING_SIGN_IN_COOKIE);
  await rememberDevice(user.email);
  redirect(safeRedirectPath(next, DEFAULT_SIGNED_IN_PATH));
}

