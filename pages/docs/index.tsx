// /docs: the guides and the reference, public and static, with no JavaScript.
import type { GetStaticProps, PageConfig } from "next";
import Link from "next/link";
import { DocsHead } from "@/components/docs/docs-head";
import { DocsHeader } from "@/components/docs/docs-header";
import { DocsSearchForm } from "@/components/docs/guide-nav";
import { GUIDES } from "@/lib/docs/guide-list";
import { routes } from "@/lib/routes";

export const config: PageConfig = { unstable_runtimeJS: false };

// Static props rather than none, so that the build lists the page among its prerendered routes and
// its headers are read from there (lib/server/page-headers.ts).
export const getStaticProps: GetStaticProps = () => ({ props: {} });

const ENTRIES = [
  ...GUIDES.map((guide) => ({ href: routes.guide(guide.slug), title: guide.title, summary: guide.summary })),
  { href: routes.apiDocs, title: "API reference", summary: "Every endpoint: parameters, bodies, answers and errors, with curl examples." },
];

export default function DocsPage() {
  return (
    <div className="min-h-screen bg-white">
      <DocsHead title="Docs" description="Guides to Switchboard's API keys: getting started, authentication, rotating and storing keys, troubleshooting, limits and usage." />
      <DocsHeader current="guides" />
      <main className="mx-auto max-w-4xl px-4 py-10 md:px-6">
        <h1 className="text-3xl font-semibold">Switchboard docs</h1>
        <p className="mt-2 max-w-2xl text-zinc-700">Everything about API keys: from your first request to rotating a key that leaked.</p>
        <div className="mt-6 max-w-xl">
          <DocsSearchForm />
        </div>
        <ul className="mt-10 grid gap-4 sm:grid-cols-2">
          {ENTRIES.map((entry) => (
            <li key={entry.href}>
              <Link href={entry.href} className="block h-full rounded-xl border border-zinc-200 p-5 hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900">
                <h2 className="font-semibold">{entry.title}</h2>
                <p className="mt-1 text-sm text-zinc-700">{entry.summary}</p>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
