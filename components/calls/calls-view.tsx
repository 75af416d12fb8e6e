// Calls: every call of the workspace, newest first, with its status now. Calls are started only
// through the API, so this page reads and filters. The filters are a GET form (README "Lists"),
// so a filtered view is a link; pages are keyset links.
import { PhoneCall } from "lucide-react";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { ListPager, type PageInfo } from "@/components/ui/list-pager";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { CALL_STATUSES, type CallStatus } from "@/lib/calls/schedule";
import { STATUS_LABELS, type CallsQuery } from "@/lib/calls/filter";
import type { ListParams } from "@/lib/lists/href";
import type { NewestFirstPage } from "@/lib/lists/pages";
import { routes } from "@/lib/routes";
import { CallsAutoRefresh } from "./calls-auto-refresh";
import { CallsTable } from "./calls-table";

export type CallItem = {
  id: string;
  status: CallStatus;
  agent: { kind: "saved" | "transient"; name: string } | { kind: "deleted"; name: string | null };
  toNumber: string;
  fromNumber: string | null;
  metadata: Record<string, string | number | boolean | null>;
  createdAt: Date;
  apiKeyName: string | null;
};

type Props = {
  calls: CallItem[];
  page: PageInfo;
  list: NewestFirstPage;
  query: CallsQuery;
  /** Filters that could not be read, and were ignored. */
  errors: string[];
  agents: { id: string; name: string }[];
  /** Where this dashboard (and its API) is reached, for the example command. */
  origin: string;
};

export function CallsView({ calls, page, list, query, errors, agents, origin }: Props) {
  const filtered = !!(query.agent || query.status);
  const paged = page.from > 1 || ((!!list.cursor || !!list.before) && calls.length === 0);
  const params: ListParams = { ...query, dir: list.dir === "desc" ? undefined : list.dir, limit: list.limit === 20 ? undefined : list.limit, cursor: list.cursor, before: list.before };
  // A link to a deleted agent's calls still filters by it: name it rather than showing "All agents".
  const agentOptions = agents.map((agent) => ({ value: agent.id, label: agent.name }));
  if (query.agent && !agents.some((agent) => agent.id === query.agent)) agentOptions.push({ value: query.agent, label: "Deleted agent" });

  return (
    <div className="space-y-6">
      {/* Statuses move on within seconds: refresh quickly while any call on screen is still live. */}
      <CallsAutoRefresh live={calls.some((call) => call.status !== "completed")} />
      <header className="min-w-0">
        <h1 className="text-2xl font-semibold">Calls</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600">
          Every call your agents make, newest first. Calls are started through the API; their status updates here as they ring,
          connect and end.
        </p>
      </header>

      {/* Nothing to filter in a workspace without calls: the empty state alone says what to do. */}
      {calls.length === 0 && !filtered && !paged && errors.length === 0 ? null : (
        <ListToolbar
          label="Filter calls"
          path={routes.calls}
          selects={[
            { name: "agent", label: "Agent", value: query.agent ?? "", options: [{ value: "", label: "All agents" }, ...agentOptions] },
            {
              name: "status",
              label: "Status",
              value: query.status ?? "",
              options: [{ value: "", label: "Any status" }, ...CALL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))],
            },
          ]}
          sort={{ value: `created.${list.dir}`, options: [{ value: "created.desc", label: "Newest first" }, { value: "created.asc", label: "Oldest first" }] }}
          pageSize={list.limit}
          clearHref={filtered ? routes.calls : null}
          errors={errors}
        />
      )}

      {calls.length === 0 ? (
        filtered || paged ? (
          <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
            {query.agent && query.status
              ? "No calls match these filters."
              : query.status
                ? `No ${STATUS_LABELS[query.status].toLowerCase()} calls.`
                : query.agent
                  ? "No calls by this agent."
                  : "No older calls."}
          </p>
        ) : (
          <EmptyState origin={origin} agentId={agents[0]?.id} />
        )
      ) : (
        <div>
          <CallsTable calls={calls} />
          <ListPager page={page} path={routes.calls} params={params} noun="calls" newestFirst={list.dir === "desc"} />
        </div>
      )}
    </div>
  );
}

function EmptyState({ origin, agentId }: { origin: string; agentId?: string }) {
  const curl = [
    `curl -X POST ${origin}/api/v1/calls \\`,
    `  -H "X-API-Key: $SWITCHBOARD_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"agent_id": "${agentId ?? "AGENT_ID"}", "to_number": "+14155552671"}'`,
  ].join("\n");
  return (
    <section aria-labelledby="calls-empty-heading" className="rounded-xl border border-dashed border-zinc-300 bg-white px-4 py-10 sm:px-6">
      <div className="flex flex-col items-center text-center">
        <PhoneCall className="size-10 text-zinc-400" aria-hidden />
        <h2 id="calls-empty-heading" className="mt-4 font-semibold">
          No calls yet
        </h2>
        <p className="mt-1 max-w-lg text-sm text-zinc-600">
          Calls are started through the API, not from this dashboard: send{" "}
          <code className="font-mono text-xs whitespace-nowrap">POST /api/v1/calls</code> with an API key, an agent and the number to call. Each call
          then shows up here.
          {agentId ? null : (
            <>
              {" "}
              First <Link href={routes.agents} className="font-medium underline underline-offset-4">create an agent</Link> and use
              its ID as <code className="font-mono text-xs">agent_id</code>.
            </>
          )}
        </p>
      </div>
      <div className="mx-auto mt-6 max-w-2xl">
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm font-medium text-zinc-800">Start a call</p>
          <CopyButton text={curl} label="Copy curl command" what="the command" compact />
        </div>
        {/* Scrolls inside itself: a command must not wrap into something that no longer pastes. */}
        <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100" tabIndex={0} aria-label="Example curl command">
          {curl}
        </pre>
        <p className="mt-2 text-xs text-zinc-600">
          Generate a key under <Link href={routes.apiKeys} className="underline underline-offset-4">Settings → API Keys</Link> and
          put it in <code className="font-mono">SWITCHBOARD_API_KEY</code>. The{" "}
          <Link href={routes.guide("getting-started")} className="underline underline-offset-4">
            Getting started
          </Link>{" "}
          guide walks through it, and the{" "}
          <Link href={routes.apiDocs} className="underline underline-offset-4">
            API reference
          </Link>{" "}
          lists every field of a call.
        </p>
      </div>
    </section>
  );
}

