"use client";
// The agent list's columns (README "Lists"); the list itself is DataList.
import { MoreHorizontal } from "lucide-react";
import type { Ref } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { tableCell, type ListColumn } from "@/components/ui/data-list";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AgentRow } from "@/db/queries/agents";
import { cn } from "@/lib/utils";

export type AgentRowActions = {
  /** Why the person may not edit (their role), or null when they may. */
  editRefusal: string | null;
  deleteRefusal: string | null;
  onEdit: (agent: AgentRow) => void;
  onDelete: (agent: AgentRow) => void;
  /** The row's menu button, where focus returns after a dialog opened from that row. */
  actionsRef: (agent: AgentRow) => Ref<HTMLButtonElement>;
};

/** Card: name and menu on the first line, then voice, first message and creation. */
export const agentRowClassName = "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1.5 px-4 py-3";

export function agentColumns(actions: AgentRowActions): ListColumn<AgentRow>[] {
  return [
    {
      id: "name",
      accessorFn: (agent) => agent.name,
      sortDescFirst: false,
      header: "Name",
      meta: { className: cn("min-w-0", tableCell) },
      cell: ({ row: { original: agent } }) => (
        <>
          <p className="truncate font-medium text-zinc-900 @4xl:max-w-56" title={agent.name}>
            {agent.name}
          </p>
          {agent.description ? (
            <p className="mt-0.5 truncate text-xs text-zinc-500 @4xl:max-w-56" title={agent.description}>
              {agent.description}
            </p>
          ) : null}
        </>
      ),
    },
    {
      id: "voice",
      header: "Voice",
      enableSorting: false,
      meta: { className: cn("col-span-2 text-xs whitespace-nowrap text-zinc-600 @4xl:text-sm @4xl:text-zinc-700", tableCell) },
      cell: ({ row: { original: agent } }) => (
        <>
          <span className="@4xl:hidden">Voice </span>
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700 capitalize">{agent.voice}</span>
        </>
      ),
    },
    {
      id: "first_message",
      header: "First message",
      enableSorting: false,
      // In the table this column takes the room the others leave (width 100%, and a max-width of 0
      // so that a long message does not widen the table), and the message truncates past it.
      meta: { className: cn("col-span-2 min-w-0 text-zinc-700 @4xl:w-full @4xl:max-w-0", tableCell) },
      cell: ({ row: { original: agent } }) => (
        <p className="truncate" title={agent.firstMessage}>
          <span className="sr-only @4xl:hidden">First message: </span>
          <span aria-hidden className="text-zinc-400">“</span>
          {agent.firstMessage}
          <span aria-hidden className="text-zinc-400">”</span>
        </p>
      ),
    },
    {
      id: "created",
      accessorFn: (agent) => agent.createdAt,
      sortDescFirst: true,
      header: "Created",
      meta: { className: cn("col-span-2 flex min-w-0 gap-1 text-xs text-zinc-600 @4xl:block @4xl:text-sm @4xl:text-zinc-700", tableCell) },
      cell: ({ row: { original: agent } }) => (
        <>
          <span className="shrink-0 @4xl:hidden">Created</span>
          <span className="shrink-0 whitespace-nowrap">
            <RelativeTime date={agent.createdAt} />
          </span>
          <p className="min-w-0 truncate text-zinc-500 @4xl:max-w-48 @4xl:text-xs" title={agent.createdByLabel}>
            by {agent.createdByType === "api_key" ? `key ${agent.createdByLabel}` : agent.createdByLabel}
          </p>
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
      cell: ({ row: { original: agent } }) => (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button ref={actions.actionsRef(agent)} variant="ghost" size="icon" aria-label={`Actions for ${agent.name}`}>
              <MoreHorizontal className="size-4" aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent className={actions.editRefusal || actions.deleteRefusal ? "w-64" : undefined}>
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
            <MenuAction label="Edit" refusal={actions.editRefusal} onSelect={() => actions.onEdit(agent)} />
            <MenuAction label="Delete" destructive refusal={actions.deleteRefusal} onSelect={() => actions.onDelete(agent)} />
          </DropdownMenuContent>
        </DropdownMenu>
      ),
    },
  ];
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
