"use client";
// The agent list. Where there is room (its container at least 56rem wide) it is a table; in a
// narrower one (phones, narrow windows) each row lays out as a card, so nothing needs sideways
// scrolling. One markup for both, as in the key list: the explicit ARIA roles keep the table's
// semantics when CSS changes the rows' display, which drops them in some browsers.
import { MoreHorizontal } from "lucide-react";
import type { Ref } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AgentRow } from "@/db/queries/agents";
import { cn } from "@/lib/utils";

// Table layout only: cells sit in their columns, and the padding the cards have on the row.
const cell = "@4xl:table-cell @4xl:px-3 @4xl:py-3";
const header = "px-3 py-3 font-medium whitespace-nowrap";

export function AgentsTable({
  agents,
  editRefusal,
  deleteRefusal,
  onEdit,
  onDelete,
  actionsRef,
}: {
  agents: AgentRow[];
  /** Why the person may not edit (their role), or null when they may. */
  editRefusal: string | null;
  deleteRefusal: string | null;
  onEdit: (agent: AgentRow) => void;
  onDelete: (agent: AgentRow) => void;
  /** The row's menu button, where focus returns after a dialog opened from that row. */
  actionsRef: (agent: AgentRow) => Ref<HTMLButtonElement>;
}) {
  return (
    // `relative`: the visually hidden header text is absolutely positioned, and without a
    // positioned ancestor it escapes this box's clip and widens the whole page.
    <div className="@container relative mt-6 overflow-x-auto rounded-xl border border-zinc-200 bg-white">
      <table role="table" aria-label="Agents" className="block w-full text-left text-sm @4xl:table">
        <thead
          role="rowgroup"
          className="hidden border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase @4xl:table-header-group"
        >
          <tr role="row">
            <th role="columnheader" scope="col" className={header}>Name</th>
            <th role="columnheader" scope="col" className={header}>Voice</th>
            <th role="columnheader" scope="col" className={header}>First message</th>
            <th role="columnheader" scope="col" className={header}>Created</th>
            <th role="columnheader" scope="col" className="px-3 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-zinc-100 @4xl:table-row-group">
          {agents.map((agent) => (
            <tr
              key={agent.id}
              role="row"
              // Card: name and menu on the first line, then voice, first message and creation.
              className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1.5 px-4 py-3 @4xl:table-row @4xl:p-0 @4xl:align-top"
            >
              <td role="cell" className={cn("min-w-0", cell)}>
                <p className="truncate font-medium text-zinc-900 @4xl:max-w-56" title={agent.name}>
                  {agent.name}
                </p>
                {agent.description ? (
                  <p className="mt-0.5 truncate text-xs text-zinc-500 @4xl:max-w-56" title={agent.description}>
                    {agent.description}
                  </p>
                ) : null}
              </td>
              <td role="cell" className={cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", cell)}>
                <span className="@4xl:hidden">Voice </span>
                <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700 capitalize">{agent.voice}</span>
              </td>
              {/* In the table this column takes the room the others leave (width 100%, and a max-width of 0
                  so that a long message does not widen the table), and the message truncates past it. */}
              <td role="cell" className={cn("col-span-2 min-w-0 text-zinc-700 @4xl:w-full @4xl:max-w-0", cell)}>
                <p className="truncate" title={agent.firstMessage}>
                  <span className="sr-only @4xl:hidden">First message: </span>
                  <span aria-hidden className="text-zinc-400">“</span>
                  {agent.firstMessage}
                  <span aria-hidden className="text-zinc-400">”</span>
                </p>
              </td>
              <td role="cell" className={cn("col-span-2 flex min-w-0 gap-1 text-xs text-zinc-600 @4xl:block @4xl:text-sm @4xl:text-zinc-700", cell)}>
                <span className="shrink-0 @4xl:hidden">Created</span>
                <span className="shrink-0 whitespace-nowrap">
                  <RelativeTime date={agent.createdAt} />
                </span>
                <p className="min-w-0 truncate text-zinc-500 @4xl:max-w-48 @4xl:text-xs" title={agent.createdByLabel}>
                  by {agent.createdByType === "api_key" ? `key ${agent.createdByLabel}` : agent.createdByLabel}
                </p>
              </td>
              <td role="cell" className="col-start-2 row-start-1 -mr-2 justify-self-end @4xl:table-cell @4xl:mr-0 @4xl:px-2 @4xl:py-2 @4xl:text-right">
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button ref={actionsRef(agent)} variant="ghost" size="icon" aria-label={`Actions for ${agent.name}`}>
                      <MoreHorizontal className="size-4" aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent className={editRefusal || deleteRefusal ? "w-64" : undefined}>
                    {/* Calls name their agent by ID (POST /api/v1/calls), so everyone may copy it. */}
                    <DropdownMenuItem
                      onSelect={() => {
                        void navigator.clipboard
                          .writeText(agent.id)
                          .then(() => toast.success("Agent ID copied"), () => toast.error(`Could not copy. The agent's ID is ${agent.id}`));
                      }}
                    >
                      Copy agent ID
                    </DropdownMenuItem>
                    <MenuAction label="Edit" refusal={editRefusal} onSelect={() => onEdit(agent)} />
                    <MenuAction label="Delete" destructive refusal={deleteRefusal} onSelect={() => onDelete(agent)} />
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

/** A menu item the role may not use stays in the menu, disabled, with the reason under it. */
function MenuAction({ label, refusal, destructive, onSelect }: { label: string; refusal: string | null; destructive?: boolean; onSelect: () => void }) {
  return (
    <DropdownMenuItem
      destructive={destructive && !refusal}
      disabled={!!refusal}
      onSelect={onSelect}
      className="flex-col items-start gap-0 data-disabled:cursor-not-allowed"
    >
      <span className={refusal ? "text-zinc-500" : undefined}>{label}</span>
      {refusal ? <span className="text-xs text-zinc-600">{refusal}</span> : null}
    </DropdownMenuItem>
  );
}
