"use server";
// Settings → Account → "Add a passkey", step 1: the options the browser needs to create one,
// with the challenge kept in a signed httpOnly cookie (lib/auth/webauthn.ts). Only after the
// current password or a code: a passkey signs in on its own, so a stolen session must not add
// one; step 2 (add-passkey.ts) needs this challenge, so it cannot be reached without the proof.
import { getDb } from "@/db/client";
import { listPasskeyCredentials } from "@/db/queries/two-factor";
import { challengeToken, registrationOptions } from "@/lib/auth/webauthn";
import { identityProofSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { appOrigin } from "./app-origin";
import { setWebAuthnChallenge } from "./finish-sign-in";
import { refuseUnlessConfirmed } from "./identity-proof";

export const passkeyRegistrationOptionsAction = accountAction<typeof identityProofSchema, { options: string }>({
  name: "passkey-registration-options",
  schema: identityProofSchema,
  secretFields: ["password", "code"],
  async handler({ password, code }, { actor, user }) {
    const refused = await refuseUnlessConfirmed(actor, { password, code });
    if (refused) return refused;
    const options = await registrationOptions(await appOrigin(), user, await listPasskeyCredentials(getDb(), user.id));
    await setWebAuthnChallenge(challengeToken(options.challenge, "register", user.id));
    return { ok: true, data: { options: JSON.stringify(options) } };
  },
});
