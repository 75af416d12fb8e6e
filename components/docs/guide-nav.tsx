// The list of guides, for the sidebar of a guide and the docs' front page.
import Link from "next/link";
import { GUIDES } from "@/lib/docs/guide-list";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

export function GuideNav({ current }: { current?: string }) {
  return (
    <nav aria-label="Guides">
      <p className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Guides</p>
      <ul className="space-y-1 text-sm">
        {GUIDES.map((guide) => (
          <li key={guide.slug}>
            <Link
              href={routes.guide(guide.slug)}
              aria-current={guide.slug === current ? "page" : undefined}
              className={cn("block rounded-md px-2 py-1.5", guide.slug === current ? "bg-zinc-100 font-medium text-zinc-900" : "text-zinc-700 hover:bg-zinc-50")}
            >
              {guide.title}
            </Link>
          </li>
        ))}
        <li>
          <Link href={routes.apiDocs} className="block rounded-md px-2 py-1.5 text-zinc-700 hover:bg-zinc-50">
            API reference
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** A search form for the docs that works without JavaScript. */
export function DocsSearchForm({ query = "" }: { query?: string }) {
  return (
    <form method="get" action={routes.docsSearch} role="search" className="flex gap-2">
      <input
        type="search"
        name="q"
        defaultValue={query}
        aria-label="Search the guides"
        placeholder="Search the guides: bearer, rotate, .env…"
        className="h-9 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 text-sm"
      />
      <button type="submit" className="h-9 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900">
        Search
      </button>
    </form>
  );
}
