"use server";
// Settings → Members → Invite member: creates an invitation and returns its link, once; emails
// it too when SMTP is configured.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { sendInvitationEmail } from "@/lib/mail/invitation";
import { routes } from "@/lib/routes";
import { createInvitation, MAX_INVITATIONS_PER_DAY } from "@/lib/services/invitations";
import { workspaceAction } from "./action";
import { echoValues } from "./action-state";
import { appOrigin } from "./app-origin";

const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(["owner", "admin", "member", "viewer"], { error: "Choose a role: owner, admin, member or viewer." }),
});

export type CreatedInvitation = { email: string; role: string; link: string; emailed: boolean; expiresAt: Date };

const REFUSALS = {
  not_allowed: { error: "Only workspace owners and admins can invite people." },
  owners_only: { field: "role", error: "Only owners can invite another owner." },
  already_member: { field: "email", error: "This person is already a member of the workspace." },
  already_invited: { field: "email", error: "This email already has a pending invitation. Revoke it to send a new one." },
  daily_limit: { error: `This workspace has sent ${MAX_INVITATIONS_PER_DAY} invitations in the last 24 hours, the most it can. Try again tomorrow.` },
} as const;

export const inviteMemberAction = workspaceAction<typeof inviteSchema, CreatedInvitation>({
  permission: "members:manage",
  schema: inviteSchema,
  async handler(input, { workspace, actor }) {
    const result = await createInvitation(actor, { workspaceId: workspace.id, email: input.email, role: input.role });
    if (!result.ok) {
      const refusal: { field?: string; error: string } = REFUSALS[result.reason];
      const values = echoValues({ email: input.email, role: input.role });
      return refusal.field
        ? { ok: false, error: "Check the highlighted fields.", fieldErrors: { [refusal.field]: [refusal.error] }, values }
        : { ok: false, error: refusal.error, values };
    }
    const link = `${await appOrigin()}${routes.invite(result.token)}`;
    const emailed = await sendInvitationEmail({
      to: result.invitation.email,
      workspaceName: workspace.name,
      inviterEmail: actor.email,
      role: result.invitation.role,
      link,
      expiresAt: result.invitation.expiresAt,
    });
    revalidatePath(routes.members);
    return { ok: true, data: { email: result.invitation.email, role: result.invitation.role, link, emailed, expiresAt: result.invitation.expiresAt } };
  },
});
