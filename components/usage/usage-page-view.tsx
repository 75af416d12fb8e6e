// Settings → Usage: the workspace's requests over a range (chart or table), the totals per
// outcome and per key (busiest first, 20 a page), a range of days, and "Export CSV".
import { Download } from "lucide-react";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { OUTCOME_LABELS, type UsageOutcome } from "@/lib/usage/outcomes";
import type { UsagePageQuery } from "@/lib/usage/page-query";
import type { KeySummary, SeriesPoint } from "@/lib/usage/summary";
import { routes } from "@/lib/routes";
import { formatCount } from "./format";
import { UsagePanel } from "./usage-panel";

export const KEYS_PER_PAGE = 20;

type Props = {
  query: UsagePageQuery;
  series: { points: SeriesPoint[]; outcomes: UsageOutcome[] };
  outcomes: { outcome: UsageOutcome; count: number }[];
  keys: (KeySummary & { name: string; revoked: boolean })[];
  keyCount: number;
};

const field = "h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm font-normal";

export function UsagePageView({ query, series, outcomes, keys, keyCount }: Props) {
  const rangeParams = new URLSearchParams(query.preset ? { range: query.preset } : { ...(query.days.from && { from: query.days.from }), ...(query.days.to && { to: query.days.to }) });
  const pageHref = (page: number) => `${routes.usage}?${new URLSearchParams([...rangeParams, ["page", String(page)]])}`;
  const first = (query.page - 1) * KEYS_PER_PAGE;
  const errorList = Object.values(query.errors).flat();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">Usage</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Requests with this workspace&apos;s API keys, and why any were refused. Counts arrive within seconds; times are UTC.
          </p>
        </div>
        {/* A GET form: the browser downloads the file (Content-Disposition), no script needed. */}
        <form method="get" action={`${routes.usage}/export`}>
          {[...rangeParams].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={buttonClassName({ variant: "secondary" })}>
            <Download className="size-4" aria-hidden />
            Export CSV
          </button>
        </form>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-zinc-200 bg-white p-4" aria-label="Range of days">
        <label className="space-y-1 text-sm font-medium">
          <span>From (UTC)</span>
          <input type="date" name="from" defaultValue={query.days.from} className={field} />
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span>To (UTC)</span>
          <input type="date" name="to" defaultValue={query.days.to} className={field} />
        </label>
        <button type="submit" className={buttonClassName()}>
          Show days
        </button>
        {errorList.length > 0 ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {errorList.join(" ")} Showing {query.label} instead.
          </p>
        ) : null}
      </form>

      <section aria-labelledby="requests-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
        <h2 id="requests-heading" className="mb-4 font-semibold">
          Requests
        </h2>
        <UsagePanel points={series.points} outcomes={series.outcomes} granularity={query.range.granularity} preset={query.preset} rangeLabel={query.label} refreshMs={10_000} />
      </section>

      <section aria-labelledby="outcomes-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
        <h2 id="outcomes-heading" className="font-semibold">
          By outcome
        </h2>
        {outcomes.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">No requests in {query.label}.</p>
        ) : (
          <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-4">
            {outcomes.map(({ outcome, count }) => (
              <div key={outcome} className="rounded-md border border-zinc-200 p-3">
                <dt className="text-zinc-600">{OUTCOME_LABELS[outcome]}</dt>
                <dd className="mt-0.5 text-lg font-semibold tabular-nums">{formatCount(count)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="keys-heading" className="rounded-xl border border-zinc-200 bg-white p-6">
        <h2 id="keys-heading" className="font-semibold">
          By key
        </h2>
        {keyCount === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">
            No key was used in {query.label}. Keys are listed here once they make a request: see{" "}
            <Link href={routes.apiKeys} className="underline underline-offset-4">
              Settings → API Keys
            </Link>
            .
          </p>
        ) : (
          <>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Requests per key in {query.label}, busiest first</caption>
                <thead className="text-left text-zinc-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Key
                    </th>
                    {["Total", "Valid", "Refused"].map((title) => (
                      <th key={title} scope="col" className="px-3 py-2 text-right font-medium">
                        {title}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2 font-medium">
                      Most frequent refusal
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {keys.map((key) => (
                    <tr key={key.keyId}>
                      <th scope="row" className="px-3 py-2 text-left font-medium break-all">
                        <Link href={routes.apiKey(key.keyId)} className="underline underline-offset-4">
                          {key.name}
                        </Link>
                        {key.revoked ? <span className="ml-2 text-xs font-normal text-zinc-500">revoked</span> : null}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{formatCount(key.total)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatCount(key.valid)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatCount(key.refused)}</td>
                      <td className="px-3 py-2">{key.topRefusal ? OUTCOME_LABELS[key.topRefusal] : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center gap-4 text-sm">
              <span className="text-zinc-600">
                {formatCount(first + 1)}–{formatCount(first + keys.length)} of {formatCount(keyCount)} keys
              </span>
              {query.page > 1 ? (
                <Link href={pageHref(query.page - 1)} className="font-medium underline underline-offset-4">
                  Previous
                </Link>
              ) : null}
              {first + keys.length < keyCount ? (
                <Link href={pageHref(query.page + 1)} className="font-medium underline underline-offset-4">
                  Next
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
