// A guide (docs/guides/*.md), rendered to HTML at build time: static, with no JavaScript.
import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import Link from "next/link";
import { DocsHead } from "@/components/docs/docs-head";
import { DocsHeader } from "@/components/docs/docs-header";
import { GuideNav } from "@/components/docs/guide-nav";
import { RenderedMarkdown } from "@/components/docs/markdown";
import { findGuide, GUIDES } from "@/lib/docs/guide-list";
import { guideSource } from "@/lib/docs/guides";
import { renderMarkdown } from "@/lib/docs/markdown";
import { routes } from "@/lib/routes";

export const config: PageConfig = { unstable_runtimeJS: false };

type GuideProps = { slug: string; title: string; summary: string; html: string; next: { slug: string; title: string } | null };

// Every guide is built once, at build time; another slug is a 404.
export const getStaticPaths: GetStaticPaths = () => ({ paths: GUIDES.map((guide) => ({ params: { slug: guide.slug } })), fallback: false });

export const getStaticProps: GetStaticProps<GuideProps, { slug: string }> = ({ params }) => {
  const guide = findGuide(params?.slug ?? "");
  if (!guide) return { notFound: true };
  const next = GUIDES[GUIDES.indexOf(guide) + 1];
  return {
    props: {
      slug: guide.slug,
      title: guide.title,
      summary: guide.summary,
      html: renderMarkdown(guideSource(guide)),
      next: next ? { slug: next.slug, title: next.title } : null,
    },
  };
};

export default function GuidePage({ slug, title, summary, html, next }: GuideProps) {
  return (
    <div className="min-h-screen bg-white">
      <DocsHead title={title} description={summary} />
      <DocsHeader current="guides" />
      <div className="mx-auto flex max-w-6xl gap-10 px-4 md:px-6">
        <aside className="sticky top-14 hidden max-h-[calc(100vh-3.5rem)] w-56 shrink-0 overflow-y-auto py-10 lg:block">
          <GuideNav current={slug} />
        </aside>
        <main className="min-w-0 max-w-3xl flex-1 py-10">
          <h1 className="text-3xl font-semibold">{title}</h1>
          <p className="mt-2 text-zinc-600">{summary}</p>
          <RenderedMarkdown html={html} className="mt-8" />
          <nav aria-label="More guides" className="mt-12 flex flex-wrap justify-between gap-4 border-t border-zinc-200 pt-6 text-sm">
            <Link href={routes.docs} className="font-medium underline underline-offset-4">
              All guides
            </Link>
            <Link href={next ? routes.guide(next.slug) : routes.apiDocs} className="font-medium underline underline-offset-4">
              Next: {next ? next.title : "API reference"}
            </Link>
          </nav>
        </main>
      </div>
    </div>
  );
}
