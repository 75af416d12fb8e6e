"use server";
// Settings → Account → remove a passkey, after the current password or a code.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { removePasskey } from "@/lib/services/two-factor";
import { identityProofSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { refuseUnlessConfirmed } from "./identity-proof";

const schema = identityProofSchema.and(z.object({ passkeyId: z.uuid(expects("passkeyId", "the id of one of your passkeys")) }));

export const removePasskeyAction = accountAction({
  name: "remove-passkey",
  schema,
  secretFields: ["password", "code"],
  async handler({ passkeyId, password, code }, { actor }) {
    const refused = await refuseUnlessConfirmed(actor, { password, code });
    if (refused) return refused;
    if (!(await removePasskey(actor, passkeyId))) return { ok: false, error: "This passkey was already removed." };
    revalidatePath(routes.account);
    return { ok: true, data: undefined };
  },
});
