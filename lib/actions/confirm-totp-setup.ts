"use server";
// Settings → Account → two-factor setup, step 2: a code from the app proves the secret was
// saved; the answer carries the ten recovery codes, shown this once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { routes } from "@/lib/routes";
import { confirmTotpSetup } from "@/lib/services/two-factor";
import { totpCodeSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";

const schema = z.object({ code: totpCodeSchema });

export const confirmTotpSetupAction = accountAction<typeof schema, { recoveryCodes: string[] }>({
  name: "confirm-totp-setup",
  schema,
  async handler({ code }, { actor }) {
    const recoveryCodes = await confirmTotpSetup(actor, code);
    if (!recoveryCodes) {
      return { ok: false, error: "Check the highlighted field.", fieldErrors: { code: ["This code is not right. Enter the current code from your authenticator app."] } };
    }
    revalidatePath(routes.account);
    return { ok: true, data: { recoveryCodes } };
  },
});
