"use server";
// "Sign in with a passkey" on /sign-in, and "Use a passkey" as the second step. The options
// action sends the challenge (kept in a signed httpOnly cookie, lib/auth/webauthn.ts); the
// sign-in action checks the browser's answer against it and the stored public key.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/session";
import { findPasskeyByCredentialId, listPasskeyCredentials } from "@/db/queries/two-factor";
import { authenticationOptions, challengeToken, readChallenge, verifyAssertion, WEBAUTHN_COOKIE } from "@/lib/auth/webauthn";
import { expects } from "@/lib/field-messages";
import { passkeyUsed } from "@/lib/services/two-factor";
import { text } from "@/lib/text";
import { publicAction } from "./action";
import { appOrigin } from "./app-origin";
import { finishSignIn, nextPathField, pendingSignInUser, setWebAuthnChallenge, SIGN_IN_EXPIRED } from "./finish-sign-in";

const PASSKEY_FAILED = "This passkey could not sign you in. Try again, or sign in with your password.";

export const passkeySignInOptionsAction = publicAction<z.ZodObject<{ secondStep: z.ZodOptional<z.ZodBoolean> }>, { options: string }>({
  name: "passkey-sign-in-options",
  schema: z.object({ secondStep: z.boolean({ error: "secondStep is true or false" }).optional() }),
  async handler({ secondStep }) {
    const origin = await appOrigin();
    if (secondStep) {
      const userId = await pendingSignInUser();
      if (!userId) return { ok: false, error: SIGN_IN_EXPIRED };
      const options = await authenticationOptions(origin, await listPasskeyCredentials(getDb(), userId));
      await setWebAuthnChallenge(challengeToken(options.challenge, "authenticate", userId));
      return { ok: true, data: { options: JSON.stringify(options) } };
    }
    const options = await authenticationOptions(origin);
    await setWebAuthnChallenge(challengeToken(options.challenge, "authenticate"));
    return { ok: true, data: { options: JSON.stringify(options) } };
  },
});

const responseSchema = text(expects("response", "the browser's answer to the passkey challenge, as JSON"))
  .max(16_384, "response is too long.")
  .transform((value, context) => {
    try {
      const parsed = JSON.parse(value) as AuthenticationResponseJSON;
      if (typeof parsed?.id === "string" && typeof parsed.response === "object") return parsed;
    } catch {
      // Reported below.
    }
    context.addIssue({ code: "custom", message: "response is not a passkey answer." });
    return z.NEVER;
  });

export const passkeySignInAction = publicAction({
  name: "passkey-sign-in",
  schema: z.object({
    response: responseSchema,
    secondStep: z.boolean({ error: "secondStep is true or false" }).optional(),
    next: nextPathField,
  }),
  async handler({ response, secondStep, next }) {
    const jar = await cookies();
    const token = jar.get(WEBAUTHN_COOKIE)?.value;
    jar.delete(WEBAUTHN_COOKIE);
    // As the second step, the challenge was issued for the pending person and only their passkeys count.
    const pendingUser = secondStep ? await pendingSignInUser() : undefined;
    if (secondStep && !pendingUser) return { ok: false, error: SIGN_IN_EXPIRED };
    const challenge = readChallenge(token, "authenticate", pendingUser ?? undefined);
    if (!challenge) return { ok: false, error: "This passkey request expired. Try again." };
    const stored = await findPasskeyByCredentialId(getDb(), response.id);
    if (!stored || (pendingUser && stored.userId !== pendingUser)) return { ok: false, error: PASSKEY_FAILED };
    // Alone, a passkey is both factors: the person must have unlocked it (PIN, biometrics).
    const verified = await verifyAssertion(await appOrigin(), response, challenge, stored, !secondStep);
    if (!verified) return { ok: false, error: PASSKEY_FAILED };
    // A counter that did not go up (a cloned passkey, or the same answer twice) signs no one in.
    if (!(await passkeyUsed(stored.credentialId, verified.newCounter))) return { ok: false, error: PASSKEY_FAILED };
    const user = await findSessionUser(getDb(), stored.userId);
    if (!user) return { ok: false, error: PASSKEY_FAILED };
    return finishSignIn(user, next);
  },
});
