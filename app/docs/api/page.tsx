import { ArrowLeft, AudioLines } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "API reference" };

// Public, like the document it renders: proxy.ts guards only the dashboard's paths. Our header is
// sticky and its height is handed to Scalar (--scalar-custom-header-height), so Scalar's sidebar
// and phone menu sit below it instead of under it. No <main> of ours: Scalar renders its own.
export default function ApiDocsPage() {
  return (
    <div className="min-h-screen bg-white [--scalar-custom-header-height:3.5rem]">
      <header className="sticky top-0 z-30 h-14 border-b border-zinc-200 bg-white">
        <div className="flex h-full items-center justify-between gap-4 px-4 md:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <AudioLines className="size-5 shrink-0" aria-hidden />
            <span className="font-semibold max-sm:sr-only">Switchboard</span>
            <span aria-hidden className="text-zinc-300 max-sm:hidden">
              /
            </span>
            <h1 className="truncate text-sm font-medium text-zinc-700">API reference</h1>
          </div>
          <Link
            href={routes.apiKeys}
            className="flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
          >
            <ArrowLeft className="size-4" aria-hidden />
            Back to dashboard
          </Link>
        </div>
      </header>
      {/* A section, so that the <header> Scalar shows on phones is not a second banner of the page. */}
      <section>
        <ApiReference />
      </section>
    </div>
  );
}
