"use client";
// The key list. Where there is room (its container at least 56rem wide) it is a table; in a
// narrower one (phones, narrow windows) each row lays out as a card, so that every control of a
// key is on screen without scrolling sideways. One markup for both: the explicit ARIA roles keep
// the table's semantics when CSS changes the rows' display, which drops them in some browsers.
import { MoreHorizontal } from "lucide-react";
import Link from "next/link";
import type { Ref } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Switch } from "@/components/ui/switch";
import type { ApiKeyListItem } from "@/db/queries/api-keys";
import { describeCreator, describeCredits, describeExpiry, describeRestrictions, hygieneBadges } from "@/lib/keys/describe";
import { maskKey } from "@/lib/keys/mask";
import { refusalFor } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

/** Type, expiry and hygiene, as small badges under the name. */
function KeyBadges({ keyItem: key }: { keyItem: ApiKeyListItem }) {
  const expiry = describeExpiry(key);
  const badges = hygieneBadges(key);
  if (key.type === "private" && !expiry && badges.length === 0) return null;
  const badge = "rounded-full px-2 py-0.5 text-xs font-medium";
  return (
    <p className="mt-1 flex flex-wrap gap-1">
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
function KeyCredits({ keyItem: key }: { keyItem: ApiKeyListItem }) {
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

// Table layout only: cells sit in their columns, and the padding the cards have on the row.
const cell = "@4xl:table-cell @4xl:px-3 @4xl:py-3";

export function ApiKeysTable({
  keys,
  canToggle,
  canRevoke,
  canUpdate,
  onToggle,
  onRevoke,
  onRoll,
  actionsRef,
}: {
  keys: ApiKeyListItem[];
  canToggle: boolean;
  canRevoke: boolean;
  canUpdate: boolean;
  onToggle: (key: ApiKeyListItem, enabled: boolean) => void;
  onRevoke: (key: ApiKeyListItem) => void;
  onRoll: (key: ApiKeyListItem) => void;
  /** The row's menu button, where focus returns after a dialog opened from that row. */
  actionsRef: (key: ApiKeyListItem) => Ref<HTMLButtonElement>;
}) {
  return (
    // `relative`: the visually hidden header text is absolutely positioned, and without a
    // positioned ancestor it escapes this box's clip and widens the whole page.
    <div className="@container relative mt-6 overflow-x-auto rounded-xl border border-zinc-200 bg-white">
      <table role="table" aria-label="API keys" className="block w-full text-left text-sm @4xl:table">
        <thead
          role="rowgroup"
          className="hidden border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase @4xl:table-header-group"
        >
          <tr role="row">
            <th role="columnheader" scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Name</th>
            <th role="columnheader" scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Key</th>
            <th role="columnheader" scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Status</th>
            <th role="columnheader" scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Created</th>
            <th role="columnheader" scope="col" className="px-3 py-3 font-medium whitespace-nowrap">Last used</th>
            <th role="columnheader" scope="col" className="px-3 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-zinc-100 @4xl:table-row-group">
          {keys.map((key) => (
            <tr
              key={key.id}
              role="row"
              // Card: name and menu on the first line, key and switch on the second, then dates.
              className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-2 px-4 py-3 @4xl:table-row @4xl:p-0 @4xl:align-top"
            >
              <td role="cell" className={cn("min-w-0", cell)}>
                <p className="truncate font-medium text-zinc-900 @4xl:max-w-56" title={key.name}>
                  {key.name}
                </p>
                {key.description ? (
                  <p className="mt-0.5 truncate text-xs text-zinc-500 @4xl:max-w-56" title={key.description}>
                    {key.description}
                  </p>
                ) : null}
                <KeyBadges keyItem={key} />
              </td>
              <td role="cell" className={cn("min-w-0 text-xs text-zinc-700", cell)}>
                <p className="font-mono whitespace-nowrap">{maskKey(key)}</p>
                <p className="mt-0.5 text-zinc-600" title="What the key may do">
                  {describeRestrictions(key)}
                </p>
                <KeyCredits keyItem={key} />
              </td>
              <td role="cell" className={cn("justify-self-end", cell)}>
                <div className="flex items-center gap-2">
                  <DisabledReason reason={canToggle ? null : refusalFor("keys:toggle")}>
                    <Switch
                      checked={key.status === "active"}
                      onCheckedChange={(enabled) => onToggle(key, enabled)}
                      disabled={!canToggle}
                      aria-label={`Key ${key.name} active`}
                    />
                  </DisabledReason>
                  <span className={cn("w-16", key.status === "active" ? "text-emerald-700" : "text-zinc-500")}>
                    {key.status === "active" ? "Active" : "Disabled"}
                  </span>
                </div>
              </td>
              {/* In the table this column takes all the room the others leave (width 100%, and a max-width of 0
                  so that its content does not widen the table), and the email truncates only past that. */}
              <td
                role="cell"
                className={cn(
                  "col-span-2 flex min-w-0 gap-1 text-xs text-zinc-600 @4xl:w-full @4xl:max-w-0 @4xl:text-sm @4xl:text-zinc-700",
                  cell,
                )}
              >
                <span className="shrink-0 @4xl:hidden">Created</span>
                <span className="shrink-0 whitespace-nowrap">
                  <RelativeTime date={key.createdAt} />
                </span>
                <p className="min-w-0 truncate text-zinc-500 @4xl:text-xs" title={describeCreator(key)}>
                  by {describeCreator(key)}
                </p>
              </td>
              <td role="cell" className={cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", cell)}>
                <span className="@4xl:hidden">Last used </span>
                {key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : <span className="text-zinc-500">Never</span>}
              </td>
              <td role="cell" className="col-start-2 row-start-1 -mr-2 justify-self-end @4xl:table-cell @4xl:mr-0 @4xl:px-2 @4xl:py-2 @4xl:text-right">
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button ref={actionsRef(key)} variant="ghost" size="icon" aria-label={`Actions for ${key.name}`}>
                      <MoreHorizontal className="size-4" aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent>
                    <DropdownMenuItem
                      onSelect={() => {
                        void navigator.clipboard
                          .writeText(key.id)
                          .then(() => toast.success("Key ID copied"), () => toast.error("Could not copy the key ID"));
                      }}
                    >
                      Copy key ID
                    </DropdownMenuItem>
                    <DropdownMenuItem asChild>
                      <Link href={routes.apiKey(key.id)}>{canUpdate ? "Edit" : "View details"}</Link>
                    </DropdownMenuItem>
                    {canUpdate && !key.rolledToId ? <DropdownMenuItem onSelect={() => onRoll(key)}>Roll key</DropdownMenuItem> : null}
                    {canRevoke ? (
                      <DropdownMenuItem destructive onSelect={() => onRevoke(key)}>
                        Revoke
                      </DropdownMenuItem>
                    ) : null}
                  </DropdownMenuContent>
                </DropdownMenu>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
