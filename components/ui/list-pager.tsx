// A list's count and page links (README "Lists"): "21–40 of 10,000 keys", then links to the
// first, previous and next pages. Links, not buttons: each page has a URL to share or reload.
import Link from "next/link";
import { formatCount } from "@/lib/format-count";
import { listHref, type ListParams } from "@/lib/lists/href";

export type PageInfo = { total: number; from: number; to: number; next: string | null; previous: string | null };

const link = "font-medium underline underline-offset-4";

export function ListPager({
  page,
  path,
  params,
  noun,
  newestFirst,
}: {
  page: PageInfo;
  path: string;
  /** The list's current URL parameters, to keep on every page. */
  params: ListParams;
  /** What the rows are, counted: "keys". */
  noun: string;
  /** Newest first: the pages read "Newer keys" and "Older keys" rather than "Previous" and "Next". */
  newestFirst: boolean;
}) {
  if (page.total === 0) return null;
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-sm">
      <p className="text-zinc-600" aria-live="polite">
        <span className="font-medium text-zinc-900 tabular-nums">
          {formatCount(page.from)}–{formatCount(page.to)}
        </span>{" "}
        of <span className="tabular-nums">{formatCount(page.total)}</span> {noun}
      </p>
      {page.previous || page.next ? (
        <nav aria-label="Pages" className="flex flex-wrap gap-4">
          {page.previous ? (
            <>
              <Link href={listHref(path, params, { cursor: undefined, before: undefined })} className={link}>
                {newestFirst ? "Newest" : "First page"}
              </Link>
              <Link href={listHref(path, params, { cursor: undefined, before: page.previous })} className={link}>
                {newestFirst ? `Newer ${noun}` : "Previous page"}
              </Link>
            </>
          ) : null}
          {page.next ? (
            <Link href={listHref(path, params, { before: undefined, cursor: page.next })} className={link}>
              {newestFirst ? `Older ${noun}` : "Next page"}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
