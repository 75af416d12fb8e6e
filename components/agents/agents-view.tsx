"use client";
// Agents: the workspace's saved agents, and the create, edit and delete flows around them.
// Owners and admins create and edit; members may also delete; viewers only look.
import { Bot, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DataList } from "@/components/ui/data-list";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { ListPager, type PageInfo } from "@/components/ui/list-pager";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { useAutoRefresh } from "@/components/ui/use-auto-refresh";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import type { AgentRow } from "@/db/queries/agents";
import { listHref, type ListParams } from "@/lib/lists/href";
import { listNeedsControls } from "@/lib/lists/page-sizes";
import { refusalFor } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { agentColumns, agentRowClassName } from "./agent-columns";
import { AgentFormDialog } from "./agent-form-dialog";
import { DeleteAgentDialog } from "./delete-agent-dialog";

/** The list's state as the server read it from the URL (lib/lists/agents.ts). */
export type AgentListState = { q?: string; sort: "created" | "name"; dir: "asc" | "desc"; limit: number; cursor?: string; before?: string };

const SORT_OPTIONS = [
  { value: "created.desc", label: "Newest first" },
  { value: "created.asc", label: "Oldest first" },
  { value: "name.asc", label: "Name (A–Z)" },
  { value: "name.desc", label: "Name (Z–A)" },
];

type Props = {
  agents: AgentRow[];
  page: PageInfo;
  list: AgentListState;
  permissions: { write: boolean; delete: boolean };
};

export function AgentsView({ agents, page, list, permissions }: Props) {
  const { navigate } = useListNavigation();
  // Whether this is a page after the first.
  const paged = page.from > 1 || ((!!list.cursor || !!list.before) && agents.length === 0);
  const newestFirst = list.sort === "created" && list.dir === "desc";
  const params: ListParams = { ...list, sort: newestFirst ? undefined : list.sort, dir: newestFirst ? undefined : list.dir, limit: list.limit === 20 ? undefined : list.limit };
  const router = useRouter();
  const [formOpen, setFormOpen] = useState(false);
  // Kept after the dialog closes, so that its title does not flip to "Create agent" on the way out.
  const [editing, setEditing] = useState<AgentRow | null>(null);
  const [deleting, setDeleting] = useState<AgentRow | null>(null);
  // Agents other people (or API keys) add show up without a reload; never under an open dialog.
  useAutoRefresh({ paused: formOpen || deleting !== null });

  // Where focus goes when a dialog closes: the opener, or the heading once the opener's row is gone.
  const heading = useRef<HTMLHeadingElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const actionButtons = useRef(new Map<string, HTMLButtonElement>());
  // The agent the delete dialog was opened for: still known when the dialog has closed.
  const deleteTarget = useRef<string | null>(null);

  // The first agent replaces the empty state, and its Create agent button with it, around the
  // time the dialog hands focus back: once the list is in, the header's button takes focus.
  const refocusCreate = useRef(false);
  const empty = agents.length === 0;
  const columns = useMemo(
    () =>
      // The callbacks touch refs only when called (a click, a ref attaching), never during render.
      // eslint-disable-next-line react-hooks/refs
      agentColumns({
        editRefusal: permissions.write ? null : refusalFor("agents:write"),
        deleteRefusal: permissions.delete ? null : refusalFor("agents:delete"),
        onEdit: (agent) => {
          setEditing(agent);
          setFormOpen(true);
        },
        onDelete: (agent) => {
          deleteTarget.current = agent.id;
          setDeleting(agent);
        },
        actionsRef: (agent) => (element) => {
          if (!element) return;
          actionButtons.current.set(agent.id, element);
          return () => {
            if (actionButtons.current.get(agent.id) === element) actionButtons.current.delete(agent.id);
          };
        },
      }),
    [permissions.write, permissions.delete],
  );
  useEffect(() => {
    if (!refocusCreate.current || empty) return;
    refocusCreate.current = false;
    if (!document.activeElement || document.activeElement === document.body) createButton.current?.focus();
  }, [empty]);

  const createRefusal = permissions.write ? null : refusalFor("agents:write");
  const createButtonElement = (
    <DisabledReason reason={createRefusal}>
      <Button
        ref={createButton}
        onClick={() => {
          setEditing(null);
          setFormOpen(true);
        }}
        disabled={!!createRefusal}
      >
        <Plus className="size-4" aria-hidden />
        Create agent
      </Button>
    </DisabledReason>
  );

  function saved(agent: AgentRow) {
    setFormOpen(false);
    if (editing) toast.success(`Agent "${agent.name}" saved`);
    else {
      toast.success(`Agent "${agent.name}" created`);
      refocusCreate.current = empty;
      // New agents are listed first: on an older page, go where the new one can be seen.
      if (paged) router.push(routes.agents);
    }
  }

  return (
    <div>
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-4">
        <div className="min-w-0">
          {/* Focusable from script: where focus goes after a delete, when the row is gone. */}
          <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            Agents
          </h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            The voices that make your calls. Start a call through the API with an agent&apos;s ID, and it greets whoever answers
            with its first message.
          </p>
        </div>
        {empty && !paged && !list.q ? null : <div className="shrink-0">{createButtonElement}</div>}
      </header>

      {!listNeedsControls({ total: page.total, narrowed: paged || !!list.q || !newestFirst, limit: list.limit }) ? null : (
        <div className="mt-6">
          <ListToolbar
            label="Filter agents"
            path={routes.agents}
            search={{ label: "Search agents", placeholder: "Name", value: list.q ?? "" }}
            sort={{ value: `${list.sort}.${list.dir}`, options: SORT_OPTIONS }}
            pageSize={list.limit}
            clearHref={list.q ? listHref(routes.agents, { ...params, q: undefined }) : null}
          />
        </div>
      )}

      {empty && !paged && !list.q ? (
        <section
          aria-labelledby="agents-empty-heading"
          className="mt-8 flex flex-col items-center rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-14 text-center"
        >
          <Bot className="size-10 text-zinc-400" aria-hidden />
          <h2 id="agents-empty-heading" className="mt-4 font-semibold">
            No agents yet
          </h2>
          <p className="mt-1 max-w-md text-sm text-zinc-600">
            An agent is what speaks on your calls: a name, a voice and the first thing it says when someone answers. Create one
            per kind of call (support, reminders, surveys), then start calls with it through the API.
          </p>
          <div className="mt-6">
            {permissions.write ? createButtonElement : <p className="text-sm text-zinc-600">Ask a workspace admin to create an agent.</p>}
          </div>
          <p className="mt-6 text-sm text-zinc-600">
            New here?{" "}
            <Link href={routes.onboarding} className="font-medium underline underline-offset-4">
              Get started
            </Link>{" "}
            creates an agent, a key and your first request in three clicks, and the{" "}
            <Link href={routes.guide("getting-started")} className="font-medium underline underline-offset-4">
              Getting started
            </Link>{" "}
            guide explains each step.
          </p>
        </section>
      ) : empty ? (
        <p className="mt-6 rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
          {list.q ? `No agents match “${list.q}”.` : "No older agents."}
        </p>
      ) : (
        <>
          <DataList
            label="Agents"
            className="mt-6"
            columns={columns}
            rows={agents}
            getRowId={(agent) => agent.id}
            rowClassName={agentRowClassName}
            sort={{ id: list.sort, desc: list.dir === "desc" }}
            onSortChange={(sort) => navigate({ sort: sort.id, dir: sort.desc ? "desc" : "asc" })}
          />
          <ListPager page={page} path={routes.agents} params={params} noun="agents" newestFirst={newestFirst} />
        </>
      )}

      <AgentFormDialog
        open={formOpen}
        editing={editing}
        onClose={() => setFormOpen(false)}
        onSaved={saved}
        returnFocusTo={() => (editing ? actionButtons.current.get(editing.id) : createButton.current)}
      />
      <DeleteAgentDialog
        agent={deleting}
        onClose={() => setDeleting(null)}
        afterDeletion={() => heading.current}
        afterCancel={() => (deleteTarget.current ? actionButtons.current.get(deleteTarget.current) : undefined)}
      />
    </div>
  );
}
