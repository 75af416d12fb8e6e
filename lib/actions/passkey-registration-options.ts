"use server";
// Settings → Account → "Add a passkey", step 1: the options the browser needs to create one,
// with the challenge kept in a signed httpOnly cookie (lib/auth/webauthn.ts).
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listPasskeyCredentials } from "@/db/queries/two-factor";
import { challengeToken, registrationOptions, WEBAUTHN_CHALLENGE_SECONDS, WEBAUTHN_COOKIE } from "@/lib/auth/webauthn";
import { accountAction } from "./action";
import { appOrigin } from "./app-origin";

const emptySchema = z.object({});

export const passkeyRegistrationOptionsAction = accountAction<typeof emptySchema, { options: string }>({
  name: "passkey-registration-options",
  schema: emptySchema,
  async handler(_input, { user }) {
    const options = await registrationOptions(await appOrigin(), user, await listPasskeyCredentials(getDb(), user.id));
    (await cookies()).set(WEBAUTHN_COOKIE, challengeToken(options.challenge, "register", user.id), {
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      maxAge: WEBAUTHN_CHALLENGE_SECONDS,
    });
    return { ok: true, data: { options: JSON.stringify(options) } };
  },
});
