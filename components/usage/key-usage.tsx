// A key's usage on its page: requests over the chosen range stacked by outcome (chart or table),
// the top reasons for refusals with what to do about them, and the latest refused requests.
import { RelativeTime } from "@/components/ui/relative-time";
import type { RejectedRequestRow } from "@/db/queries/usage";
import { FAILURE_HINTS } from "@/lib/keys/verify";
import { OUTCOME_LABELS, type UsageOutcome } from "@/lib/usage/outcomes";
import type { UsageRange } from "@/lib/usage/range";
import type { BucketTotal } from "@/lib/usage/store";
import { topRefusals, toSeries, type UsagePreset } from "@/lib/usage/summary";
import { formatCount } from "./format";
import { UsagePanel } from "./usage-panel";

/** What a person can do about each refusal, in the words of the API's hints. */
const OUTCOME_HINTS: Record<Exclude<UsageOutcome, "valid">, string> = {
  revoked: FAILURE_HINTS.revoked,
  disabled: FAILURE_HINTS.disabled,
  expired: FAILURE_HINTS.expired,
  rolled: FAILURE_HINTS.rolled,
  origin_required: FAILURE_HINTS.origin_required,
  origin_not_allowed: FAILURE_HINTS.origin_not_allowed,
  private_key_in_browser: FAILURE_HINTS.private_key_in_browser,
  ip_not_allowed: FAILURE_HINTS.ip_not_allowed,
  forbidden: "The key lacks a permission the endpoint needs, or is a public key on a server-only endpoint. Edit the key's permissions.",
  agent_not_allowed: "The key is restricted to certain agents (or may not start transient ones). Edit the key's agents.",
  rate_limited: "Requests came faster than the key's rate limit. Spread them out, or raise the limit.",
  usage_exceeded: "The key's call credits ran out. Add credits or a refill.",
};


type Props = { preset: UsagePreset; range: UsageRange; totals: BucketTotal[]; rejected: RejectedRequestRow[] };

export function KeyUsage({ preset, range, totals, rejected }: Props) {
  const { points, outcomes } = toSeries(totals, range);
  const refusals = topRefusals(totals);
  return (
    <section aria-labelledby="usage-heading" className="space-y-6 rounded-xl border border-zinc-200 bg-white p-6">
      <h2 id="usage-heading" className="font-semibold">
        Usage
      </h2>
      <UsagePanel points={points} outcomes={outcomes} granularity={range.granularity} preset={preset} />
      {refusals.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">Top rejection reasons</h3>
          <ol className="mt-2 space-y-2 text-sm">
            {refusals.slice(0, 5).map(({ outcome, count }) => (
              <li key={outcome} className="rounded-md border border-zinc-200 p-3">
                <p>
                  <span className="font-medium">{OUTCOME_LABELS[outcome]}</span> <span className="text-zinc-600">({formatCount(count)})</span>
                </p>
                <p className="mt-0.5 text-zinc-600">{OUTCOME_HINTS[outcome]}</p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <RejectedRequests requests={rejected} />
    </section>
  );
}

function RejectedRequests({ requests }: { requests: RejectedRequestRow[] }) {
  const cell = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200" tabIndex={0} role="region" aria-labelledby="rejected-caption">
      <table className="w-full text-sm">
        <caption id="rejected-caption" className="px-3 pt-3 text-left text-sm font-semibold">
          Recent rejected requests
          <span className="block text-xs font-normal text-zinc-600">The latest 100, newest first. Never the key itself: paths without their query.</span>
        </caption>
        <thead className="text-left text-zinc-600">
          <tr>
            {["Time", "Reason", "IP address", "Origin", "Path", "User agent"].map((title) => (
              <th key={title} scope="col" className={`${cell} font-medium whitespace-nowrap`}>
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {requests.length === 0 ? (
            <tr>
              <td colSpan={6} className={`${cell} py-6 text-center text-zinc-600`}>
                No rejected requests: every request with this key was accepted.
              </td>
            </tr>
          ) : (
            requests.map((request, index) => (
              <tr key={`${request.at.toISOString()}-${index}`}>
                <td className={`${cell} whitespace-nowrap`}>
                  <RelativeTime date={request.at} />
                </td>
                <td className={cell}>{OUTCOME_LABELS[request.outcome as UsageOutcome] ?? request.outcome}</td>
                <td className={`${cell} font-mono text-xs`}>{request.ip ?? "—"}</td>
                <td className={`${cell} break-all`}>{request.origin ?? "—"}</td>
                <td className={`${cell} font-mono text-xs break-all`}>{request.path}</td>
                <td className={`${cell} max-w-64 truncate`} title={request.userAgent ?? undefined}>
                  {request.userAgent ?? "—"}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
