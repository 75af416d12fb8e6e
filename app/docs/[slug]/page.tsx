import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocsHeader } from "@/components/docs/docs-header";
import { GuideNav } from "@/components/docs/guide-nav";
import { Markdown } from "@/components/docs/markdown";
import { findGuide, GUIDES, guideSource } from "@/lib/docs/guides";
import { routes } from "@/lib/routes";

// Every guide is built once, at build time; another slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return GUIDES.map((guide) => ({ slug: guide.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const guide = findGuide((await params).slug);
  return guide ? { title: guide.title, description: guide.summary } : {};
}

export default async function GuidePage({ params }: { params: Promise<{ slug: string }> }) {
  const guide = findGuide((await params).slug);
  if (!guide) notFound();
  const index = GUIDES.indexOf(guide);
  const next = GUIDES[index + 1];
  return (
    <div className="min-h-screen bg-white">
      <DocsHeader current="guides" />
      <div className="mx-auto flex max-w-6xl gap-10 px-4 md:px-6">
        <aside className="sticky top-14 hidden max-h-[calc(100vh-3.5rem)] w-56 shrink-0 overflow-y-auto py-10 lg:block">
          <GuideNav current={guide.slug} />
        </aside>
        <main className="min-w-0 max-w-3xl flex-1 py-10">
          <h1 className="text-3xl font-semibold">{guide.title}</h1>
          <p className="mt-2 text-zinc-600">{guide.summary}</p>
          <Markdown source={guideSource(guide)} className="mt-8" />
          <nav aria-label="More guides" className="mt-12 flex flex-wrap justify-between gap-4 border-t border-zinc-200 pt-6 text-sm">
            <Link href={routes.docs} className="font-medium underline underline-offset-4">
              All guides
            </Link>
            {next ? (
              <Link href={routes.guide(next.slug)} className="font-medium underline underline-offset-4">
                Next: {next.title}
              </Link>
            ) : (
              <Link href={routes.apiDocs} prefetch={false} className="font-medium underline underline-offset-4">
                Next: API reference
              </Link>
            )}
          </nav>
        </main>
      </div>
    </div>
  );
}
