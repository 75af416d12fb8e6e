import { ArrowLeft, AudioLines } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/docs/markdown";
import { MethodBadge, OperationSection } from "@/components/docs/reference/operation";
import { TryIt } from "@/components/docs/try-it";
import { getOpenApiDocument, operationsByTag } from "@/lib/docs/openapi";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every endpoint of the Switchboard API: authentication, parameters, bodies, answers and errors, with curl examples.",
};

// Public, like the document it renders (proxy.ts guards only the dashboard's paths), and static:
// the whole reference is HTML made at build time from the API's own OpenAPI document, readable
// without JavaScript. The interactive client loads only when "Try it" is pressed.
export default async function ApiDocsPage() {
  const document = await getOpenApiDocument();
  const groups = operationsByTag(document);
  return (
    <div className="min-h-screen bg-white">
      <header className="sticky top-0 z-30 h-14 border-b border-zinc-200 bg-white">
        <div className="flex h-full items-center justify-between gap-4 px-4 md:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <AudioLines className="size-5 shrink-0" aria-hidden />
            <span className="font-semibold max-sm:sr-only">Switchboard</span>
            <span aria-hidden className="text-zinc-300 max-sm:hidden">
              /
            </span>
            <p className="truncate text-sm font-medium text-zinc-700">API reference</p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            <TryIt />
            <Link
              href={routes.apiKeys}
              className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
            >
              <ArrowLeft className="size-4" aria-hidden />
              <span className="max-sm:sr-only">Back to dashboard</span>
              <span className="sm:hidden">Dashboard</span>
            </Link>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-10 px-4 md:px-6">
        <nav aria-label="API reference" className="sticky top-14 hidden max-h-[calc(100vh-3.5rem)] w-64 shrink-0 overflow-y-auto py-8 lg:block">
          <ReferenceContents groups={groups} />
        </nav>
        <main className="min-w-0 flex-1 py-8">
          <h1 className="text-3xl font-semibold">API reference</h1>
          <p className="mt-1 text-sm text-zinc-600">
            {document.info.title}, version {document.info.version} · the machine-readable document is{" "}
            <a href="/api/v1/openapi.json" className="font-mono underline underline-offset-4">
              /api/v1/openapi.json
            </a>
          </p>
          <details className="mt-6 rounded-md border border-zinc-200 p-3 lg:hidden">
            <summary className="cursor-pointer text-sm font-medium">Contents</summary>
            <div className="mt-3">
              <ReferenceContents groups={groups} />
            </div>
          </details>
          {document.info.description ? <Markdown source={document.info.description} className="mt-8 max-w-3xl" /> : null}
          {groups.map((group) => (
            <section key={group.tag} aria-labelledby={`tag-${slug(group.tag)}`} className="mt-14">
              <h2 id={`tag-${slug(group.tag)}`} className="scroll-mt-20 text-2xl font-semibold">
                {group.tag}
              </h2>
              {group.description ? <p className="mt-2 max-w-3xl text-zinc-700">{group.description}</p> : null}
              {group.operations.map((entry) => (
                <OperationSection key={entry.anchor} document={document} entry={entry} />
              ))}
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function ReferenceContents({ groups }: { groups: ReturnType<typeof operationsByTag> }) {
  return (
    <ul className="space-y-5 text-sm">
      {groups.map((group) => (
        <li key={group.tag}>
          <a href={`#tag-${slug(group.tag)}`} className="font-semibold text-zinc-900 hover:underline">
            {group.tag}
          </a>
          <ul className="mt-2 space-y-1.5">
            {group.operations.map((entry) => (
              <li key={entry.anchor}>
                <a href={`#${entry.anchor}`} className="flex items-baseline gap-2 text-zinc-700 hover:text-zinc-900 hover:underline">
                  <MethodBadge method={entry.method} />
                  <span>{entry.operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
