// /docs/search?q=…: the guides that hold every word of the query, each with the section of its
// first match. Rendered per request, with no JavaScript; the guides themselves stay static.
import type { GetServerSideProps, PageConfig } from "next";
import Link from "next/link";
import { DocsHead } from "@/components/docs/docs-head";
import { DocsHeader } from "@/components/docs/docs-header";
import { DocsSearchForm } from "@/components/docs/guide-nav";
import { searchGuides } from "@/lib/docs/guides";
import { slugify } from "@/lib/docs/markdown";
import { requestOrigin } from "@/lib/request-origin";
import { routes } from "@/lib/routes";

export const config: PageConfig = { unstable_runtimeJS: false };

type Hit = { slug: string; title: string; section: string | null; anchor: string | null; snippet: string };
type SearchProps = { query: string; hits: Hit[]; canonical: string | null };

export const getServerSideProps: GetServerSideProps<SearchProps> = async ({ query: params, req }) => {
  const q = params.q;
  const query = (Array.isArray(q) ? q[0] : q)?.slice(0, 200).trim() ?? "";
  const hits = query ? searchGuides(query, slugify).map(({ guide, ...hit }) => ({ slug: guide.slug, title: guide.title, ...hit })) : [];
  // A page of results names the search page as its canonical address, so search engines index
  // the one page, not every query.
  const canonical = !q ? null : `${requestOrigin((name) => headerValue(req.headers[name]))}${routes.docsSearch}`;
  return { props: { query, hits, canonical } };
};

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default function DocsSearchPage({ query, hits, canonical }: SearchProps) {
  return (
    <div className="min-h-screen bg-white">
      <DocsHead title="Search the docs" description="Search Switchboard's guides to API keys." canonical={canonical ?? undefined} />
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
                <Link href={routes.apiDocs} className="underline underline-offset-4">
                  API reference
                </Link>
                .
              </p>
            ) : (
              <ol className="mt-4 space-y-4">
                {hits.map((hit) => (
                  <li key={hit.slug} className="rounded-xl border border-zinc-200 p-4">
                    <Link href={`${routes.guide(hit.slug)}${hit.anchor ? `#${hit.anchor}` : ""}`} className="font-semibold underline underline-offset-4">
                      {hit.title}
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
