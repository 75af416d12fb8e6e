"use client";
// Settings → Members: who is in the workspace with which role, the invitations still open, and
// (for owners and admins) inviting, changing roles and removing people.
import { MoreHorizontal, UserPlus } from "lucide-react";
import { useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DataList, tableCell, type ListColumn } from "@/components/ui/data-list";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { ListPager, type PageInfo } from "@/components/ui/list-pager";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import type { PendingInvitation } from "@/db/queries/invitations";
import type { Member } from "@/db/queries/members";
import type { Role } from "@/db/schema";
import { revokeInvitationAction } from "@/lib/actions/revoke-invitation";
import { listHref, type ListParams } from "@/lib/lists/href";
import { listNeedsControls } from "@/lib/lists/page-sizes";
import { refusalFor } from "@/lib/permissions";
import { ROLES, roleLabel } from "@/lib/roles";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { ChangeRoleDialog } from "./change-role-dialog";
import { InviteMemberDialog } from "./invite-member-dialog";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { ResetSecondFactorDialog } from "./reset-second-factor-dialog";

/** The list's state as the server read it from the URL (lib/lists/members.ts). */
export type MemberListState = { q?: string; role?: Role; sort: "joined" | "name"; dir: "asc" | "desc"; limit: number; cursor?: string; before?: string };

const SORT_OPTIONS = [
  { value: "joined.asc", label: "Joined first" },
  { value: "joined.desc", label: "Joined last" },
  { value: "name.asc", label: "Name (A–Z)" },
  { value: "name.desc", label: "Name (Z–A)" },
];

type Props = {
  me: { id: string; role: Role };
  members: Member[];
  page: PageInfo;
  list: MemberListState;
  invitations: PendingInvitation[];
  canManage: boolean;
  mailConfigured: boolean;
};

export function MembersView({ me, members, page, list, invitations, canManage, mailConfigured }: Props) {
  const { navigate } = useListNavigation();
  const byDefault = list.sort === "joined" && list.dir === "asc";
  const params: ListParams = { ...list, sort: byDefault ? undefined : list.sort, dir: byDefault ? undefined : list.dir, limit: list.limit === 20 ? undefined : list.limit };
  const filtered = !!(list.q || list.role);
  const [inviting, setInviting] = useState(false);
  const [changing, setChanging] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [resetting, setResetting] = useState<Member | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const inviteButton = useRef<HTMLButtonElement>(null);

  // What the person may do to `member`, or why not (the server checks the same rules).
  const refusal = (member: Member, action: "change" | "remove"): string | null => {
    if (!canManage) return refusalFor("members:manage");
    if (action === "remove" && member.userId === me.id) return "To remove yourself, leave the workspace from General.";
    if (member.role === "owner" && me.role !== "owner") return "Only owners can change or remove an owner.";
    return null;
  };

  const columns = useMemo<ListColumn<Member>[]>(
    () => [
      {
        id: "name",
        accessorFn: (member) => member.name,
        sortDescFirst: false,
        header: "Name",
        meta: { className: cn("min-w-0", tableCell) },
        cell: ({ row: { original: member } }) => (
          <>
            <p className="font-medium text-zinc-900">
              {member.name}
              {member.userId === me.id ? <span className="ml-2 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">You</span> : null}
            </p>
            <p className="text-xs break-all text-zinc-600">{member.email}</p>
          </>
        ),
      },
      {
        id: "role",
        header: "Role",
        enableSorting: false,
        meta: { className: cn("col-span-2 text-xs text-zinc-600 @4xl:text-sm @4xl:text-zinc-900", tableCell) },
        cell: ({ row: { original: member } }) => roleLabel(member.role),
      },
      {
        id: "joined",
        accessorFn: (member) => member.joinedAt,
        sortDescFirst: false,
        header: "Joined",
        meta: { className: cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", tableCell) },
        cell: ({ row: { original: member } }) => (
          <>
            <span className="@4xl:hidden">Joined </span>
            <RelativeTime date={member.joinedAt} />
          </>
        ),
      },
      {
        id: "actions",
        header: "Actions",
        enableSorting: false,
        meta: { hideHeader: true, className: "col-start-2 row-start-1 -mr-2 justify-self-end @4xl:table-cell @4xl:mr-0 @4xl:px-2 @4xl:py-2 @4xl:text-right" },
        cell: ({ row: { original: member } }) => (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon" aria-label={`Actions for ${member.email}`}>
                <MoreHorizontal className="size-4" aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent className="w-64">
              <MenuAction label="Change role" refusal={refusal(member, "change")} onSelect={() => setChanging(member)} />
              <MenuAction label="Remove" destructive refusal={refusal(member, "remove")} onSelect={() => setRemoving(member)} />
              <MenuAction
                label="Reset two-factor sign-in"
                destructive
                refusal={me.role !== "owner" ? refusalFor("members:reset_two_factor") : member.userId === me.id ? "Manage your own in Settings → Account." : null}
                onSelect={() => setResetting(member)}
              />
            </DropdownMenuContent>
          </DropdownMenu>
        ),
      },
    ],
    // refusal() reads only these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [me.id, me.role, canManage],
  );

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
        {listNeedsControls({ total: page.total, narrowed: filtered || page.from > 1 || !byDefault, limit: list.limit }) ? (
          <ListToolbar
            label="Filter members"
            path={routes.members}
            search={{ label: "Search members", placeholder: "Name or email", value: list.q ?? "" }}
            selects={[{ name: "role", label: "Role", value: list.role ?? "", options: [{ value: "", label: "Any role" }, ...ROLES] }]}
            sort={{ value: `${list.sort}.${list.dir}`, options: SORT_OPTIONS }}
            pageSize={list.limit}
            clearHref={filtered ? listHref(routes.members, { ...params, q: undefined, role: undefined }) : null}
          />
        ) : null}
        {members.length === 0 ? (
          <p className="mt-4 rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
            {list.q ? `No members match “${list.q}”.` : list.role ? `No ${roleLabel(list.role).toLowerCase()}s.` : "No more members."}
          </p>
        ) : (
          <>
            <DataList
              label="Members"
              className="mt-4"
              columns={columns}
              rows={members}
              getRowId={(member) => member.userId}
              // Card: name and menu on the first line, then role and joining.
              rowClassName="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 px-4 py-3"
              sort={{ id: list.sort, desc: list.dir === "desc" }}
              onSortChange={(sort) => navigate({ sort: sort.id, dir: sort.desc ? "desc" : "asc" })}
            />
            <ListPager page={page} path={routes.members} params={params} noun="members" newestFirst={false} />
          </>
        )}
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
          <DataList
            label="Pending invitations"
            className="mt-3"
            columns={invitationColumns}
            rows={invitations.map((invitation) => ({ ...invitation, canRevoke: canManage && (invitation.role !== "owner" || me.role === "owner") }))}
            getRowId={(invitation) => invitation.id}
            rowClassName="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 px-4 py-3"
          />
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
      <ResetSecondFactorDialog member={resetting} onClose={() => setResetting(null)} />
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

type InvitationItem = PendingInvitation & { canRevoke: boolean };

// Invitations are a handful at most (50 a day, one open per email): one unpaged list.
const invitationColumns: ListColumn<InvitationItem>[] = [
  {
    id: "email",
    header: "Email",
    meta: { className: cn("min-w-0 break-all text-zinc-900", tableCell) },
    cell: ({ row: { original: invitation } }) => invitation.email,
  },
  {
    id: "role",
    header: "Role",
    meta: { className: cn("col-span-2 text-xs text-zinc-600 @4xl:text-sm @4xl:text-zinc-900", tableCell) },
    cell: ({ row: { original: invitation } }) => roleLabel(invitation.role),
  },
  {
    id: "invited_by",
    header: "Invited by",
    meta: { className: cn("col-span-2 text-xs break-all text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", tableCell) },
    cell: ({ row: { original: invitation } }) => (
      <>
        <span className="@4xl:hidden">Invited by </span>
        {invitation.invitedByEmail}
      </>
    ),
  },
  {
    id: "expires",
    header: "Expires",
    meta: { className: cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", tableCell) },
    cell: ({ row: { original: invitation } }) => (
      <>
        <span className="@4xl:hidden">Expires </span>
        <RelativeTime date={invitation.expiresAt} />
      </>
    ),
  },
  {
    id: "actions",
    header: "Actions",
    meta: { hideHeader: true, className: "col-start-2 row-start-1 justify-self-end @4xl:table-cell @4xl:px-3 @4xl:py-2 @4xl:text-right" },
    cell: ({ row: { original: invitation } }) => <RevokeInvitationButton invitation={invitation} />,
  },
];

function RevokeInvitationButton({ invitation }: { invitation: InvitationItem }) {
  const [pending, startTransition] = useTransition();
  function revoke() {
    startTransition(async () => {
      const result = await revokeInvitationAction(null, { invitationId: invitation.id }).catch(() => null);
      if (result?.ok) toast.success(`Invitation for ${invitation.email} revoked`);
      else toast.error(result && !result.ok ? result.error : "The server could not be reached. Try again.");
    });
  }
  return (
    <DisabledReason reason={invitation.canRevoke ? null : "Only owners and admins can revoke invitations (only owners, one to become an owner)."}>
      <Button variant="secondary" size="sm" onClick={revoke} disabled={!invitation.canRevoke || pending} aria-label={`Revoke invite for ${invitation.email}`}>
        {pending ? "Revoking…" : "Revoke invite"}
      </Button>
    </DisabledReason>
  );
}
