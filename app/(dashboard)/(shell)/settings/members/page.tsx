import type { Metadata } from "next";
import { MembersView } from "@/components/members/members-view";
import { getDb } from "@/db/client";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/members";
import { requireSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { mailConfigured } from "@/lib/mail/mailer";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { user, workspace, role } = await requireSessionContext();
  const [members, invitations] = await Promise.all([listMembers(getDb(), workspace.id), listPendingInvitations(getDb(), workspace.id)]);
  return (
    <MembersView
      me={{ id: user.id, role }}
      members={members}
      invitations={invitations}
      canManage={can(role, "members:manage")}
      mailConfigured={mailConfigured()}
    />
  );
}
