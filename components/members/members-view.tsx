"use client";
// Settings → Members: who is in the workspace with which role, the invitations still open, and
// (for owners and admins) inviting, changing roles and removing people.
import { MoreHorizontal, UserPlus } from "lucide-react";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import type { PendingInvitation } from "@/db/queries/invitations";
import type { Member } from "@/db/queries/members";
import type { Role } from "@/db/schema";
import { revokeInvitationAction } from "@/lib/actions/revoke-invitation";
import { refusalFor } from "@/lib/permissions";
import { roleLabel } from "@/lib/roles";
import { ChangeRoleDialog } from "./change-role-dialog";
import { InviteMemberDialog } from "./invite-member-dialog";
import { RemoveMemberDialog } from "./remove-member-dialog";

type Props = {
  me: { id: string; role: Role };
  members: Member[];
  invitations: PendingInvitation[];
  canManage: boolean;
  mailConfigured: boolean;
};

export function MembersView({ me, members, invitations, canManage, mailConfigured }: Props) {
  const [inviting, setInviting] = useState(false);
  const [changing, setChanging] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const inviteButton = useRef<HTMLButtonElement>(null);

  // What the person may do to `member`, or why not (the server checks the same rules).
  const refusal = (member: Member, action: "change" | "remove"): string | null => {
    if (!canManage) return refusalFor("members:manage");
    if (action === "remove" && member.userId === me.id) return "To remove yourself, leave the workspace from General.";
    if (member.role === "owner" && me.role !== "owner") return "Only owners can change or remove an owner.";
    return null;
  };

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            Members
          </h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Everyone in this workspace and what they may do. Owners and admins generate keys and manage people; members
            disable and revoke keys; viewers only look.
          </p>
        </div>
        <DisabledReason reason={canManage ? null : refusalFor("members:manage")}>
          <Button ref={inviteButton} onClick={() => setInviting(true)} disabled={!canManage}>
            <UserPlus className="size-4" aria-hidden />
            Invite member
          </Button>
        </DisabledReason>
      </header>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="sr-only">
          Members
        </h2>
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white">
          <table aria-labelledby="members-heading" className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Role</th>
                <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Joined</th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {members.map((member) => (
                <tr key={member.userId} className="align-top">
                  <td className="px-4 py-3">
                    <p className="font-medium text-zinc-900">
                      {member.name}
                      {member.userId === me.id ? (
                        <span className="ml-2 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">You</span>
                      ) : null}
                    </p>
                    <p className="text-xs break-all text-zinc-600">{member.email}</p>
                    <p className="mt-0.5 text-xs text-zinc-600 sm:hidden">{roleLabel(member.role)}</p>
                  </td>
                  <td className="hidden px-4 py-3 sm:table-cell">{roleLabel(member.role)}</td>
                  <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-700 md:table-cell">
                    <RelativeTime date={member.joinedAt} />
                  </td>
                  <td className="px-2 py-2 text-right">
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon" aria-label={`Actions for ${member.email}`}>
                          <MoreHorizontal className="size-4" aria-hidden />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent className="w-64">
                        <MenuAction label="Change role" refusal={refusal(member, "change")} onSelect={() => setChanging(member)} />
                        <MenuAction label="Remove" destructive refusal={refusal(member, "remove")} onSelect={() => setRemoving(member)} />
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="font-semibold">
          Pending invitations
        </h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">
            No invitations waiting. {canManage ? "Invite someone with Invite member; their link works for 7 days." : null}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-xl border border-zinc-200 bg-white">
            <table aria-labelledby="invitations-heading" className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">Email</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Role</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">Invited by</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Expires</th>
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {invitations.map((invitation) => (
                  <InvitationRow key={invitation.id} invitation={invitation} canRevoke={canManage && (invitation.role !== "owner" || me.role === "owner")} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <InviteMemberDialog
        open={inviting}
        onOpenChange={setInviting}
        myRole={me.role}
        mailConfigured={mailConfigured}
        returnFocusTo={() => inviteButton.current}
      />
      <ChangeRoleDialog member={changing} myRole={me.role} onClose={() => setChanging(null)} />
      <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} afterRemoval={() => heading.current} />
    </div>
  );
}

function MenuAction({ label, refusal, destructive, onSelect }: { label: string; refusal: string | null; destructive?: boolean; onSelect: () => void }) {
  return (
    <DropdownMenuItem destructive={destructive && !refusal} disabled={!!refusal} onSelect={onSelect} className="flex-col items-start gap-0">
      <span>{label}</span>
      {refusal ? <span className="text-xs text-zinc-600">{refusal}</span> : null}
    </DropdownMenuItem>
  );
}

function InvitationRow({ invitation, canRevoke }: { invitation: PendingInvitation; canRevoke: boolean }) {
  const [pending, startTransition] = useTransition();
  function revoke() {
    startTransition(async () => {
      const result = await revokeInvitationAction(null, { invitationId: invitation.id }).catch(() => null);
      if (result?.ok) toast.success(`Invitation for ${invitation.email} revoked`);
      else toast.error(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <p className="break-all text-zinc-900">{invitation.email}</p>
        <p className="mt-0.5 text-xs text-zinc-600 sm:hidden">
          {roleLabel(invitation.role)} · expires <RelativeTime date={invitation.expiresAt} />
        </p>
      </td>
      <td className="hidden px-4 py-3 sm:table-cell">{roleLabel(invitation.role)}</td>
      <td className="hidden px-4 py-3 break-all text-zinc-700 md:table-cell">{invitation.invitedByEmail}</td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-700 sm:table-cell">
        <RelativeTime date={invitation.expiresAt} />
      </td>
      <td className="px-4 py-2 text-right">
        <DisabledReason reason={canRevoke ? null : "Only owners and admins can revoke invitations (only owners, one to become an owner)."}>
          <Button variant="secondary" size="sm" onClick={revoke} disabled={!canRevoke || pending} aria-label={`Revoke invite for ${invitation.email}`}>
            {pending ? "Revoking…" : "Revoke invite"}
          </Button>
        </DisabledReason>
      </td>
    </tr>
  );
}
