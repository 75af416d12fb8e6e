"use server";
// Settings → Account → "New recovery codes", after the current password or a code: ten new
// codes, shown once; the old ones stop working.
import { revalidatePath } from "next/cache";
import { routes } from "@/lib/routes";
import { regenerateRecoveryCodes } from "@/lib/services/two-factor";
import { identityProofSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { refuseUnlessConfirmed } from "./identity-proof";

export const regenerateRecoveryCodesAction = accountAction<typeof identityProofSchema, { recoveryCodes: string[] }>({
  name: "regenerate-recovery-codes",
  schema: identityProofSchema,
  secretFields: ["password", "code"],
  async handler(proof, { actor }) {
    const refused = await refuseUnlessConfirmed(actor, proof);
    if (refused) return refused;
    const recoveryCodes = await regenerateRecoveryCodes(actor);
    if (!recoveryCodes) return { ok: false, error: "Recovery codes come with an authenticator app: set one up first." };
    revalidatePath(routes.account);
    return { ok: true, data: { recoveryCodes } };
  },
});
