"use server";
// Settings → Account → "Sign out of all sessions": every session of the person, this one
// included, ends on every server; then this browser's cookie is cleared.
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { routes } from "@/lib/routes";
import { endAllSessions } from "@/lib/services/sessions";
import { accountAction } from "./action";

export const signOutAllSessionsAction = accountAction({
  name: "sign-out-all-sessions",
  schema: z.object({}),
  async handler(_input, { actor }) {
    await endAllSessions(actor);
    await signOut({ redirect: false });
    redirect(routes.signIn);
  },
});
