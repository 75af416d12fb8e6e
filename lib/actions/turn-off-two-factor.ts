"use server";
// Settings → Account → "Turn off" two-factor sign-in (authenticator app and recovery codes),
// after the current password or a code.
import { revalidatePath } from "next/cache";
import { routes } from "@/lib/routes";
import { turnOffTotp } from "@/lib/services/two-factor";
import { identityProofSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { refuseUnlessConfirmed } from "./identity-proof";

export const turnOffTwoFactorAction = accountAction({
  name: "turn-off-two-factor",
  schema: identityProofSchema,
  secretFields: ["password", "code"],
  async handler(proof, { actor }) {
    const refused = await refuseUnlessConfirmed(actor, proof);
    if (refused) return refused;
    if (!(await turnOffTotp(actor))) return { ok: false, error: "Two-factor sign-in with an authenticator app is already off." };
    revalidatePath(routes.account);
    return { ok: true, data: undefined };
  },
});
