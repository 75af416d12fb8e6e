"use server";
// Settings → Account → "Add a passkey", step 1: the options the browser needs to create one,
// with the challenge kept in a signed httpOnly cookie (lib/auth/webauthn.ts).
import { z } from "zod";
import { getDb } from "@/db/client";
import { listPasskeyCredentials } from "@/db/queries/two-factor";
import { challengeToken, registrationOptions } from "@/lib/auth/webauthn";
import { accountAction } from "./action";
import { appOrigin } from "./app-origin";
import { setWebAuthnChallenge } from "./finish-sign-in";

const emptySchema = z.object({});

export const passkeyRegistrationOptionsAction = accountAction<typeof emptySchema, { options: string }>({
  name: "passkey-registration-options",
  schema: emptySchema,
  async handler(_input, { user }) {
    const options = await registrationOptions(await appOrigin(), user, await listPasskeyCredentials(getDb(), user.id));
    await setWebAuthnChallenge(challengeToken(options.challenge, "register", user.id));
    return { ok: true, data: { options: JSON.stringify(options) } };
  },
});
