// Passkeys (WebAuthn) through @simplewebauthn/server. The relying party is the dashboard's own
// origin (APP_URL, else the request's: lib/actions/app-origin.ts) and its host name is the RP ID.
// Challenges are not stored: each is sent to the browser in an httpOnly cookie as a signed token
// that expires in five minutes (lib/auth/secret-box.ts), so any server can check the answer.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { readToken, signToken } from "./secret-box";

export const WEBAUTHN_COOKIE = "switchboard-webauthn";
export const WEBAUTHN_CHALLENGE_SECONDS = 300;
const RP_NAME = "Switchboard";

type ChallengePurpose = "register" | "authenticate";
type Challenge = { c: string; p: ChallengePurpose; u?: string };

export function challengeToken(challenge: string, purpose: ChallengePurpose, userId?: string): string {
  return signToken("webauthn-challenge", { c: challenge, p: purpose, ...(userId ? { u: userId } : {}) }, WEBAUTHN_CHALLENGE_SECONDS);
}

/** The challenge a cookie holds for `purpose` (and for `userId`, when given), or null. */
export function readChallenge(token: string | undefined, purpose: ChallengePurpose, userId?: string): string | null {
  const challenge = readToken<Challenge>("webauthn-challenge", token);
  if (!challenge || challenge.p !== purpose || typeof challenge.c !== "string") return null;
  if (userId !== undefined && challenge.u !== userId) return null;
  return challenge.c;
}

const rpId = (origin: string) => new URL(origin).hostname;

export function registrationOptions(
  origin: string,
  user: { id: string; email: string; name: string },
  existing: { credentialId: string; transports: string[] }[],
) {
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rpId(origin),
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    // A discoverable credential is what lets "Sign in with a passkey" work without an email.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
}

export async function verifyRegistration(origin: string, response: RegistrationResponseJSON, expectedChallenge: string) {
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpId(origin),
    requireUserVerification: false,
  });
  if (!result.verified) return null;
  const { credential } = result.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString("base64url"),
    counter: credential.counter,
    transports: credential.transports ?? [],
  };
}

/**
 * Options to sign in. With `allow` (the second step, after a password), only that person's
 * passkeys; without it, any passkey of this site the authenticator holds, and the person must
 * verify themselves on it (PIN, biometrics), since the passkey is then both factors at once.
 */
export function authenticationOptions(origin: string, allow?: { credentialId: string; transports: string[] }[]) {
  return generateAuthenticationOptions({
    rpID: rpId(origin),
    userVerification: allow ? "preferred" : "required",
    ...(allow ? { allowCredentials: allow.map((c) => ({ id: c.credentialId, transports: c.transports })) } : {}),
  });
}

export async function verifyAssertion(
  origin: string,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  stored: { credentialId: string; publicKey: string; counter: number; transports: string[] },
  requireUserVerification: boolean,
) {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpId(origin),
      requireUserVerification,
      credential: { id: stored.credentialId, publicKey: Buffer.from(stored.publicKey, "base64url"), counter: stored.counter, transports: stored.transports },
    });
    return result.verified ? { newCounter: result.authenticationInfo.newCounter } : null;
  } catch {
    // A malformed or forged answer is a failed sign-in, not a server error.
    return null;
  }
}
