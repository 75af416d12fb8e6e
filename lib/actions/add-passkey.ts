"use server";
// Settings → Account → "Add a passkey", step 2: the browser's new credential, checked against
// the challenge of step 1, is stored with the name the person gave it.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { readChallenge, verifyRegistration, WEBAUTHN_COOKIE } from "@/lib/auth/webauthn";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { addPasskey } from "@/lib/services/two-factor";
import { text } from "@/lib/text";
import { passkeyNameSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { appOrigin } from "./app-origin";

const schema = z.object({
  name: passkeyNameSchema,
  response: text(expects("response", "the browser's new passkey, as JSON"))
    .max(65_536, "response is too long.")
    .transform((value, context) => {
      try {
        const parsed = JSON.parse(value) as RegistrationResponseJSON;
        if (typeof parsed?.id === "string" && typeof parsed.response === "object") return parsed;
      } catch {
        // Reported below.
      }
      context.addIssue({ code: "custom", message: "response is not a new passkey." });
      return z.NEVER;
    }),
});

export const addPasskeyAction = accountAction({
  name: "add-passkey",
  schema,
  async handler({ name, response }, { actor }) {
    const jar = await cookies();
    const challenge = readChallenge(jar.get(WEBAUTHN_COOKIE)?.value, "register", actor.id);
    jar.delete(WEBAUTHN_COOKIE);
    if (!challenge) return { ok: false, error: "This passkey request expired. Try again." };
    const credential = await verifyRegistration(await appOrigin(), response, challenge).catch(() => null);
    if (!credential) return { ok: false, error: "This passkey could not be checked. Try again." };
    if (!(await addPasskey(actor, { ...credential, name }))) return { ok: false, error: "This passkey is already registered." };
    revalidatePath(routes.account);
    return { ok: true, data: undefined };
  },
});
