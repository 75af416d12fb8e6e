"use server";
// /invite/TOKEN → Accept invite: join the workspace and land on its API Keys page.
import { redirect } from "next/navigation";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { acceptInvitation } from "@/lib/services/invitations";
import { text } from "@/lib/text";
import { accountAction } from "./action";
import { revalidateDashboard } from "./revalidate-dashboard";

const REFUSALS = {
  not_found: "This invitation link is not valid. Ask for a new one.",
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  used: "This invitation has already been used.",
  revoked: "This invitation was revoked. Ask the person who invited you for a new one.",
  wrong_email: "This invitation is for another email address. Sign in with the invited address to accept it.",
} as const;

export const acceptInvitationAction = accountAction({
  name: "accept-invitation",
  schema: z.object({ token: text(expects("token", "the token of the invitation link")).min(1, "This invitation link is not valid. Ask for a new one.").max(200, "This invitation link is not valid. Ask for a new one.") }),
  async handler({ token }, { actor }) {
    const result = await acceptInvitation(actor, { token });
    if (!result.ok) return { ok: false, error: REFUSALS[result.reason] };
    revalidateDashboard();
    redirect(routes.apiKeys);
  },
});
