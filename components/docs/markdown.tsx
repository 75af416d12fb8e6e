// Our own Markdown, rendered on the server (lib/docs/markdown.ts) in the docs' prose style.
import { renderInlineMarkdown, renderMarkdown } from "@/lib/docs/markdown";
import { cn } from "@/lib/utils";

export function Markdown({ source, className }: { source: string; className?: string }) {
  return <RenderedMarkdown html={renderMarkdown(source)} className={className} />;
}

/** Markdown already rendered to HTML, as a Pages Router page receives it from getStaticProps. */
export function RenderedMarkdown({ html, className }: { html: string; className?: string }) {
  return <div className={cn("docs-prose", className)} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function InlineMarkdown({ source }: { source: string }) {
  return <span className="docs-inline" dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(source) }} />;
}
