"use client";
// The key list's columns, in one place (README "Lists"): a column is one entry here, its card
// placement in `meta.className`. The list itself (markup, cards, sort headers) is DataList.
import { MoreHorizontal } from "lucide-react";
import Link from "next/link";
import type { Ref } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { tableCell, type ListColumn } from "@/components/ui/data-list";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import { Switch } from "@/components/ui/switch";
import { Sparkline } from "@/components/usage/sparkline";
import type { ApiKeyPageRow } from "@/db/queries/api-key-list";
import { describeCreator, describeCredits, describeExpiry, describeRestrictions, hygieneBadges } from "@/lib/keys/describe";
import { maskKey } from "@/lib/keys/mask";
import { refusalFor } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

/** A row of the key list, with its last 24 hours of requests per hour (README "Usage"). */
export type KeyRow = Omit<ApiKeyPageRow, "sortKey"> & { usage?: { points: number[]; refused: number } };

/** What a row's controls do, and whether the person may. */
export type KeyRowActions = {
  canToggle: boolean;
  canRevoke: boolean;
  canUpdate: boolean;
  onToggle: (key: KeyRow, enabled: boolean) => void;
  onRevoke: (key: KeyRow) => void;
  onRoll: (key: KeyRow) => void;
  /** The row's menu button, where focus returns after a dialog opened from that row. */
  actionsRef: (key: KeyRow) => Ref<HTMLButtonElement>;
};

/** Card: name and menu on the first line, key and switch on the second, then dates. */
export const keyRowClassName = "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-2 px-4 py-3";

export function apiKeyColumns(actions: KeyRowActions): ListColumn<KeyRow>[] {
  return [
    {
      id: "name",
      accessorFn: (key) => key.name,
      sortDescFirst: false,
      header: "Name",
      meta: { className: cn("min-w-0", tableCell) },
      cell: ({ row: { original: key } }) => (
        <>
          <p className="truncate font-medium text-zinc-900 @4xl:max-w-56" title={key.name}>
            {key.name}
          </p>
          {key.description ? (
            <p className="mt-0.5 truncate text-xs text-zinc-500 @4xl:max-w-56" title={key.description}>
              {key.description}
            </p>
          ) : null}
          <KeyBadges keyItem={key} />
        </>
      ),
    },
    {
      id: "key",
      header: "Key",
      enableSorting: false,
      meta: { className: cn("min-w-0 text-xs text-zinc-700", tableCell) },
      cell: ({ row: { original: key } }) => (
        <>
          <p className="font-mono whitespace-nowrap">{maskKey(key)}</p>
          <p className="mt-0.5 text-zinc-600" title="What the key may do">
            {describeRestrictions(key)}
          </p>
          <KeyCredits keyItem={key} />
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      enableSorting: false,
      meta: { className: cn("justify-self-end", tableCell) },
      cell: ({ row: { original: key } }) =>
        key.revokedAt ? (
          <span className="text-zinc-500">Revoked</span>
        ) : (
          <div className="flex items-center gap-2">
            <DisabledReason reason={actions.canToggle ? null : refusalFor("keys:toggle")}>
              <Switch
                checked={key.status === "active"}
                onCheckedChange={(enabled) => actions.onToggle(key, enabled)}
                disabled={!actions.canToggle}
                aria-label={`Key ${key.name} active`}
              />
            </DisabledReason>
            <span className={cn("w-16", key.status === "active" ? "text-emerald-700" : "text-zinc-500")}>
              {key.status === "active" ? "Active" : "Disabled"}
            </span>
          </div>
        ),
    },
    {
      id: "created",
      accessorFn: (key) => key.createdAt,
      sortDescFirst: true,
      header: "Created",
      // In the table this column takes all the room the others leave (width 100%, and a max-width of 0
      // so that its content does not widen the table), and the email truncates only past that.
      meta: {
        className: cn("col-span-2 flex min-w-0 gap-1 text-xs text-zinc-600 @4xl:w-full @4xl:max-w-0 @4xl:text-sm @4xl:text-zinc-700", tableCell),
      },
      cell: ({ row: { original: key } }) => (
        <>
          <span className="shrink-0 @4xl:hidden">Created</span>
          <span className="shrink-0 whitespace-nowrap">
            <RelativeTime date={key.createdAt} />
          </span>
          <p className="min-w-0 truncate text-zinc-500 @4xl:text-xs" title={describeCreator(key)}>
            by {describeCreator(key)}
          </p>
        </>
      ),
    },
    {
      id: "last_used",
      accessorFn: (key) => key.lastUsedAt,
      sortDescFirst: true,
      header: "Last used",
      meta: { className: cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", tableCell) },
      // With the last 24 hours under it: a sparkline, not a column of its own, so that the table
      // keeps its room for names and emails.
      cell: ({ row: { original: key } }) => (
        <>
          <span className="@4xl:hidden">Last used </span>
          {key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : <span className="text-zinc-500">Never</span>}
          {key.usage ? (
            <span className="mt-1 block">
              <Sparkline points={key.usage.points} refused={key.usage.refused} />
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: "actions",
      header: "Actions",
      enableSorting: false,
      meta: {
        hideHeader: true,
        className: "col-start-2 row-start-1 -mr-2 justify-self-end @4xl:table-cell @4xl:mr-0 @4xl:px-2 @4xl:py-2 @4xl:text-right",
      },
      cell: ({ row: { original: key } }) => <KeyMenu keyItem={key} actions={actions} />,
    },
  ];
}

function KeyMenu({ keyItem: key, actions }: { keyItem: KeyRow; actions: KeyRowActions }) {
  const revoked = !!key.revokedAt;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button ref={actions.actionsRef(key)} variant="ghost" size="icon" aria-label={`Actions for ${key.name}`}>
          <MoreHorizontal className="size-4" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem
          onSelect={() => {
            void navigator.clipboard.writeText(key.id).then(() => toast.success("Key ID copied"), () => toast.error("Could not copy the key ID"));
          }}
        >
          Copy key ID
        </DropdownMenuItem>
        {/* A revoked key has no page and nothing left to change. */}
        {revoked ? null : (
          <DropdownMenuItem asChild>
            <Link href={routes.apiKey(key.id)}>{actions.canUpdate ? "Edit" : "View details"}</Link>
          </DropdownMenuItem>
        )}
        {!revoked && actions.canUpdate && !key.rolledToId ? <DropdownMenuItem onSelect={() => actions.onRoll(key)}>Roll key</DropdownMenuItem> : null}
        {!revoked && actions.canRevoke ? (
          <DropdownMenuItem destructive onSelect={() => actions.onRevoke(key)}>
            Revoke
          </DropdownMenuItem>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Type, expiry and hygiene, as small badges under the name. */
function KeyBadges({ keyItem: key }: { keyItem: KeyRow }) {
  const expiry = key.revokedAt ? null : describeExpiry(key);
  const badges = key.revokedAt ? [] : hygieneBadges(key);
  if (key.type === "private" && !expiry && badges.length === 0 && !key.leakedAt) return null;
  const badge = "rounded-full px-2 py-0.5 text-xs font-medium";
  return (
    <p className="mt-1 flex flex-wrap gap-1">
      {/* Found in public and disabled for it (README "Leaked keys"). */}
      {key.leakedAt ? <span className={cn(badge, "bg-red-600 text-white")}>Leaked</span> : null}
      {key.type === "public" ? <span className={cn(badge, "bg-sky-50 text-sky-800")}>Public</span> : null}
      {expiry ? <span className={cn(badge, expiry.stopped ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900")}>{expiry.text}</span> : null}
      {badges.map((text) => (
        <span key={text} className={cn(badge, "bg-zinc-100 text-zinc-700")}>
          {text}
        </span>
      ))}
    </p>
  );
}

/** What is left of the key's call credits ("1,200 credits · refill 1,000 each month"); unlimited keys say nothing. */
function KeyCredits({ keyItem: key }: { keyItem: KeyRow }) {
  const credits = describeCredits(key);
  if (!credits) return null;
  return (
    <p className={cn("mt-0.5", credits.text.startsWith("0 ") ? "font-medium text-red-700" : "text-zinc-600")}>
      {/* "1 credit" reads right; the list still says "credits" to anyone searching it or listening. */}
      {credits.text === "1 credit" ? <span className="sr-only">Remaining credits: </span> : null}
      {credits.text}
      {credits.refill ? <span className="text-zinc-500"> · {credits.refill}</span> : null}
    </p>
  );
}
