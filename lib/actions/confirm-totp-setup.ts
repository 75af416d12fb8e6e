"use server";
// Settings → Account → two-factor setup, step 2: a code from the app proves the secret was
// saved, and the current password proves it is the person (a stolen session alone cannot add
// a factor); the answer carries the ten recovery codes, shown this once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { routes } from "@/lib/routes";
import { confirmTotpSetup } from "@/lib/services/two-factor";
import { currentPasswordSchema, totpCodeSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { proofRefusal } from "./identity-proof";

// No recovery codes or app yet at this point: the proof is the current password.
const schema = z.object({ code: totpCodeSchema, password: currentPasswordSchema });

export const confirmTotpSetupAction = accountAction<typeof schema, { recoveryCodes: string[] }>({
  name: "confirm-totp-setup",
  schema,
  secretFields: ["password"],
  async handler({ code, password }, { actor }) {
    const recoveryCodes = await confirmTotpSetup(actor, code, { password });
    if (recoveryCodes && !Array.isArray(recoveryCodes)) return proofRefusal(recoveryCodes, { password });
    if (!recoveryCodes) {
      return { ok: false, error: "Check the highlighted field.", fieldErrors: { code: ["This code is not right. Enter the current code from your authenticator app."] } };
    }
    revalidatePath(routes.account);
    return { ok: true, data: { recoveryCodes } };
  },
});
