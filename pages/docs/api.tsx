import type { GetStaticProps, PageConfig } from "next";
import { DocsHead } from "@/components/docs/docs-head";
import { DocsHeader } from "@/components/docs/docs-header";
import { Markdown } from "@/components/docs/markdown";
import { MethodBadge, OperationSection } from "@/components/docs/reference/operation";
import { TryItButton } from "@/components/docs/try-it/button";
import { getOpenApiDocument, operationsByTag } from "@/lib/docs/openapi";

export const config: PageConfig = { unstable_runtimeJS: false };

// Static props, so that the build lists the page among its prerendered routes (lib/server/page-headers.ts).
export const getStaticProps: GetStaticProps = () => ({ props: {} });

// Public, like the document it renders (proxy.ts guards only the dashboard's paths), and static:
// the whole reference is HTML made at build time from the API's own OpenAPI document, readable
// without JavaScript, and none of Next's scripts. The interactive client loads only when "Try it"
// is pressed (components/docs/try-it/).
export default function ApiDocsPage() {
  const document = getOpenApiDocument();
  const groups = operationsByTag(document);
  return (
    <div className="min-h-screen bg-white">
      <DocsHead title="API reference" description="Every endpoint of the Switchboard API: authentication, parameters, bodies, answers and errors, with curl examples." />
      <DocsHeader current="reference" actions={<TryItButton />} />
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
