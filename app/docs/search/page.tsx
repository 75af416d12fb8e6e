import type { Metadata } from "next";
import Link from "next/link";
import { DocsHeader } from "@/components/docs/docs-header";
import { DocsSearchForm } from "@/components/docs/guide-nav";
import { slugify } from "@/lib/docs/markdown";
import { searchGuides } from "@/lib/docs/guides";
import { appOrigin } from "@/lib/actions/app-origin";
import { routes } from "@/lib/routes";

// The search page is a page of the docs like the others. A page of results (`?q=`) names the
// search page as its canonical address, so search engines index the one page, not every query.
export async function generateMetadata({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }): Promise<Metadata> {
  const { q } = await searchParams;
  return {
    title: "Search the docs",
    description: "Search Switchboard's guides to API keys.",
    ...(q ? { alternates: { canonical: `${await appOrigin()}${routes.docsSearch}` } } : {}),
  };
}

// /docs/search?q=…: the guides that hold every word of the query, each with the section of its
// first match. Rendered per request; the guides themselves stay static.
export default async function DocsSearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q)?.slice(0, 200).trim() ?? "";
  const hits = query ? searchGuides(query, slugify) : [];
  return (
    <div className="min-h-screen bg-white">
      <DocsHeader current="guides" />
      <main className="mx-auto max-w-3xl px-4 py-10 md:px-6">
        <h1 className="text-3xl font-semibold">Search the docs</h1>
        <div className="mt-6">
          <DocsSearchForm query={query} />
        </div>
        {query ? (
          <section aria-labelledby="results-heading" className="mt-8">
            <h2 id="results-heading" className="text-sm font-medium text-zinc-600" role="status">
              {hits.length === 0 ? `Nothing in the guides matches "${query}".` : `${hits.length} ${hits.length === 1 ? "guide matches" : "guides match"} "${query}"`}
            </h2>
            {hits.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-700">
                Try fewer or other words, or look in the{" "}
                <Link href={routes.apiDocs} prefetch={false} className="underline underline-offset-4">
                  API reference
                </Link>
                .
              </p>
            ) : (
              <ol className="mt-4 space-y-4">
                {hits.map((hit) => (
                  <li key={hit.guide.slug} className="rounded-xl border border-zinc-200 p-4">
                    <Link href={`${routes.guide(hit.guide.slug)}${hit.anchor ? `#${hit.anchor}` : ""}`} className="font-semibold underline underline-offset-4">
                      {hit.guide.title}
                      {hit.section ? ` › ${hit.section}` : ""}
                    </Link>
                    <p className="mt-1 text-sm text-zinc-700">{hit.snippet}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ) : null}
      </main>
    </div>
  );
}
