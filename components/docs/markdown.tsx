// Our own Markdown, rendered on the server (lib/docs/markdown.ts) in the docs' prose style.
import { renderInlineMarkdown, renderMarkdown } from "@/lib/docs/markdown";
import { cn } from "@/lib/utils";

export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={cn("docs-prose", className)} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

export function InlineMarkdown({ source }: { source: string }) {
  return <span className="docs-inline" dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(source) }} />;
}
