// The header of every /docs page: where you are, the guides and the reference, a search that
// works without JavaScript (a GET form), and the way back to the dashboard. The docs carry none of
// Next's scripts (pages/, README "API"), so every link here is a plain navigation.
import { ArrowLeft, AudioLines, Search } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

export function DocsHeader({ current, actions }: { current: "guides" | "reference"; actions?: ReactNode }) {
  const tab = (active: boolean) => cn("rounded-md px-2 py-1.5 text-sm", active ? "font-medium text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900");
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white">
      <div className="flex h-14 items-center justify-between gap-3 px-4 md:px-6">
        <div className="flex min-w-0 items-center gap-1 sm:gap-3">
          <Link href={routes.docs} className="flex items-center gap-2 font-semibold">
            <AudioLines className="size-5 shrink-0" aria-hidden />
            <span className="max-sm:sr-only">Switchboard</span>
          </Link>
          <nav aria-label="Docs" className="flex items-center gap-1">
            <Link href={routes.docs} className={tab(current === "guides")} aria-current={current === "guides" ? "page" : undefined}>
              Guides
            </Link>
            <Link href={routes.apiDocs} className={tab(current === "reference")} aria-current={current === "reference" ? "page" : undefined}>
              API reference
            </Link>
          </nav>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <form method="get" action={routes.docsSearch} role="search" className="relative max-md:hidden">
            <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-zinc-500" aria-hidden />
            <input
              type="search"
              name="q"
              aria-label="Search the docs"
              placeholder="Search the docs"
              className="h-8 w-56 rounded-md border border-zinc-300 bg-white pr-2 pl-8 text-sm"
            />
          </form>
          {actions}
          <Link
            href={routes.apiKeys}
            className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
          >
            <ArrowLeft className="size-4" aria-hidden />
            <span className="max-sm:sr-only">Back to dashboard</span>
          </Link>
        </div>
      </div>
    </header>
  );
}
