"use server";
// Sign-in, second step: a code from the authenticator app or a recovery code, for the person
// whose password was right in this browser in the last five minutes (the pending sign-in cookie).
// Throttled per account: at most 5 wrong codes in 15 minutes (lib/auth/second-factor-throttle.ts).
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/session";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { expects } from "@/lib/field-messages";
import { checkSecondFactorCode } from "@/lib/services/two-factor";
import { text } from "@/lib/text";
import { publicAction } from "./action";
import { echoValues } from "./action-state";
import { finishSignIn, nextPathField, pendingSignInUser, SIGN_IN_EXPIRED } from "./finish-sign-in";

const schema = z.object({
  // Which field the person used: the code from the app, or a recovery code.
  kind: z.enum(["code", "recovery"], { error: "kind is code or recovery" }),
  code: text(expects("Code", "the six digits from your authenticator app, or a recovery code")).trim().min(1, "Enter the code.").max(64, "This code is too long."),
  next: nextPathField,
});

export const secondStepAction = publicAction({
  name: "second-step",
  schema,
  async handler({ kind, code, next }, raw) {
    const values = echoValues(raw, ["code"]);
    const userId = await pendingSignInUser();
    const user = userId ? await findSessionUser(getDb(), userId) : null;
    if (!user) return { ok: false, error: SIGN_IN_EXPIRED, values };
    const request = await headers();
    const actor = { type: "user" as const, id: user.id, email: user.email, ip: request.get(CLIENT_IP_HEADER), userAgent: request.get("user-agent") };
    // A six-digit code typed in the recovery field (or the reverse) is still checked as what it is.
    const check = await checkSecondFactorCode(user, code, actor);
    if (!check.ok) {
      if (check.lockedForMinutes !== null) {
        const minutes = check.lockedForMinutes;
        return { ok: false, error: `Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, values };
      }
      const message = kind === "code" ? "This code is not right. Enter the current code from your authenticator app." : "This recovery code is not right, or it was already used.";
      return { ok: false, error: "Check the highlighted field.", fieldErrors: { code: [message] }, values };
    }
    return finishSignIn(user, next);
  },
});
