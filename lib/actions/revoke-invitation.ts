"use server";
// Settings → Members → Revoke invite: the link stops working at once.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { expects } from "@/lib/field-messages";
import { routes } from "@/lib/routes";
import { revokeInvitation } from "@/lib/services/invitations";
import { workspaceAction } from "./action";

const REFUSALS = {
  not_allowed: "Only workspace owners and admins can revoke invitations.",
  owners_only: "Only owners can revoke an invitation to become an owner.",
  not_found: "This invitation was already accepted or revoked. Reload the page.",
} as const;

export const revokeInvitationAction = workspaceAction({
  permission: "members:manage",
  schema: z.object({ invitationId: z.uuid(expects("invitationId", "the invitation's id (a UUID)")) }),
  async handler({ invitationId }, { workspace, actor }) {
    const result = await revokeInvitation(actor, { workspaceId: workspace.id, invitationId });
    if (!result.ok) return { ok: false, error: REFUSALS[result.reason] };
    revalidatePath(routes.members);
    return { ok: true, data: undefined };
  },
});
