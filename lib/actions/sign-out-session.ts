"use server";
// Settings → Account → Sessions → "Sign out": ends one of the person's other sessions. Its
// row goes, so that device's next request (on any server) finds no session.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { endOtherSession } from "@/lib/services/sessions";
import { accountAction } from "./action";

export const signOutSessionAction = accountAction({
  name: "sign-out-session",
  schema: z.object({ sessionId: z.uuid(expects("sessionId", "a session's id (a UUID)")) }),
  async handler({ sessionId }, { actor, sessionId: current }) {
    if (sessionId === current) {
      return { ok: false, error: "This is the session you are using. Use Sign out instead." };
    }
    if (!(await endOtherSession(actor, sessionId, current))) {
      return { ok: false, error: "That session has already ended. Reload the page." };
    }
    revalidatePath(routes.account);
    return { ok: true, data: undefined };
  },
});
