"use client";
// The active workspace's name, and a menu to switch to another of the person's workspaces or
// create a new one. The choice is remembered for the person (users.active_workspace_id).
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { Role } from "@/db/schema";
import { switchWorkspaceAction } from "@/lib/actions/workspaces";
import { routes } from "@/lib/routes";

export type WorkspaceChoice = { id: string; name: string; role: Role };

export function WorkspaceSwitcher({ current, workspaces }: { current: { id: string; name: string }; workspaces: WorkspaceChoice[] }) {
  const [pending, startTransition] = useTransition();

  function switchTo(workspace: WorkspaceChoice) {
    if (workspace.id === current.id) return;
    startTransition(async () => {
      const result = await switchWorkspaceAction(null, { workspaceId: workspace.id }).catch(() => null);
      // Success redirects; only a refusal or a lost connection comes back here.
      toast.error(result && !result.ok ? result.error : "Could not switch workspaces. Try again.");
    });
  }

  return (
    <div className="mb-6 flex items-start justify-between gap-2">
      <div className="min-w-0">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Workspace</p>
        <p className="font-semibold break-words" aria-live="polite">
          {pending ? "Switching…" : current.name}
        </p>
      </div>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label="Switch workspace" disabled={pending}>
            <ChevronsUpDown className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          {workspaces.map((workspace) => (
            <DropdownMenuItem key={workspace.id} onSelect={() => switchTo(workspace)} aria-current={workspace.id === current.id ? "true" : undefined}>
              <Check className={workspace.id === current.id ? "size-4" : "invisible size-4"} aria-hidden />
              <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
              <span className="text-xs text-zinc-600">{workspace.role}</span>
            </DropdownMenuItem>
          ))}
          <DropdownMenuItem asChild>
            <Link href={routes.newWorkspace}>
              <Plus className="size-4" aria-hidden />
              Create workspace
            </Link>
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
