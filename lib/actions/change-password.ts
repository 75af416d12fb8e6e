"use server";
// Settings → Account → "Change password": the current password first; every other session
// ends, this one stays.
import { revalidatePath } from "next/cache";
import { hashPassword } from "@/lib/auth/password";
import { routes } from "@/lib/routes";
import { changePassword } from "@/lib/services/two-factor";
import { changePasswordSchema } from "@/lib/two-factor-schemas";
import { accountAction } from "./action";
import { refuseUnlessConfirmed } from "./identity-proof";

export const changePasswordAction = accountAction<typeof changePasswordSchema, { sessionsEnded: number }>({
  name: "change-password",
  schema: changePasswordSchema,
  secretFields: ["currentPassword", "newPassword"],
  async handler({ currentPassword, newPassword }, { actor, sessionId }) {
    const refused = await refuseUnlessConfirmed(actor, { password: currentPassword });
    if (refused) return refused.ok === false && refused.fieldErrors ? { ...refused, fieldErrors: { currentPassword: refused.fieldErrors.password! } } : refused;
    const sessionsEnded = await changePassword(actor, { passwordHash: await hashPassword(newPassword), currentSessionId: sessionId });
    revalidatePath(routes.account);
    return { ok: true, data: { sessionsEnded } };
  },
});
