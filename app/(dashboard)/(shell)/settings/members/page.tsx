import type { Metadata } from "next";
import { MembersView } from "@/components/members/members-view";
import { getDb } from "@/db/client";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMemberPage } from "@/db/queries/members";
import { requireSessionContext } from "@/lib/auth/session";
import { parseMemberListQuery } from "@/lib/lists/members";
import { can } from "@/lib/permissions";
import { mailConfigured } from "@/lib/mail/mailer";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, workspace, role } = await requireSessionContext();
  // Search, role filter, sort and page come from the URL; what cannot be read is the default.
  const list = parseMemberListQuery(await searchParams);
  const [{ rows, ...page }, invitations] = await Promise.all([listMemberPage(getDb(), workspace.id, list), listPendingInvitations(getDb(), workspace.id)]);
  return (
    <MembersView
      me={{ id: user.id, role }}
      members={rows.map(({ sortKey: _, id: __, ...member }) => member)}
      page={page}
      list={list}
      invitations={invitations}
      canManage={can(role, "members:manage")}
      mailConfigured={mailConfigured()}
    />
  );
}
