// The interactive API reference: Scalar rendering the API's own OpenAPI document. Scalar is a Vue
// app that only runs in the browser; its code is a chunk of the Try it bundle of its own, loaded
// once the document is in, and its stylesheet is the bundle's client.css, loaded with it (its
// rules are scoped to Scalar's elements or layered below the app's own).
// The document is fetched here first, so that a failure shows our message and a way to retry,
// not an empty page. Nothing leaves the origin: no fonts, no proxy, no agent, no telemetry, as
// the app's Content-Security-Policy (lib/security-headers.ts) would refuse them anyway.
import type { AnyApiReferenceConfiguration } from "@scalar/api-reference-react";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import "@scalar/api-reference-react/style.css";

/** Served without a key by the API itself (lib/api/openapi.ts). */
const OPENAPI_DOCUMENT_URL = "/api/v1/openapi.json";

type OpenApiDocument = Record<string, unknown>;
type Load = { state: "loading" } | { state: "failed"; reason: string } | { state: "ready"; document: OpenApiDocument };

// Scalar checks its options with zod, which ./client.tsx keeps from probing for eval.
const Scalar = lazy(async () => ({ default: (await import("@scalar/api-reference-react")).ApiReferenceReact }));

export function ApiReference() {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchDocument(controller.signal).then(
      (document) => setLoad({ state: "ready", document }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: "failed", reason: describeFailure(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const configuration = useMemo(() => (load.state === "ready" ? scalarConfiguration(load.document) : null), [load]);

  if (load.state === "failed") {
    return (
      <ReferenceUnavailable
        reason={load.reason}
        onRetry={() => {
          setLoad({ state: "loading" });
          setAttempt((count) => count + 1);
        }}
      />
    );
  }
  if (!configuration) return <LoadingReference />;
  return (
    <Suspense fallback={<LoadingReference />}>
      <Scalar configuration={configuration} />
    </Suspense>
  );
}

async function fetchDocument(signal: AbortSignal): Promise<OpenApiDocument> {
  const response = await fetch(OPENAPI_DOCUMENT_URL, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  const document: unknown = await response.json().catch(() => null);
  if (typeof document !== "object" || document === null || !("openapi" in document)) {
    throw new Error("The server's answer is not an OpenAPI document.");
  }
  return document as OpenApiDocument;
}

function describeFailure(error: unknown): string {
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) return "The server could not be reached. Check your connection.";
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** Scalar's options: our document, in the page's theme, and nothing that calls out. */
function scalarConfiguration(document: OpenApiDocument): AnyApiReferenceConfiguration {
  return {
    content: document,
    // The document names no server (it is the same API wherever Switchboard runs): this one, so
    // that examples and test requests carry its full address, like the reveal dialog's curl.
    servers: [{ url: window.location.origin }],
    // The page's own theme (app/globals.css): the cookie's choice on <html>, else the system's.
    forceDarkModeState: pageIsDark() ? "dark" : "light",
    hideDarkModeToggle: true,
    // Scalar's own fonts come from its servers; the app's font stack is set below instead.
    withDefaultFonts: false,
    customCss: SWITCHBOARD_THEME,
    // Every schema is already shown where an operation uses it.
    hideModels: true,
    documentDownloadType: "json",
    // Names the downloaded file (switchboard-api.json) and prefixes Scalar's element ids.
    slug: "switchboard-api",
    // A key typed into the request client stays in this tab only.
    persistAuth: false,
    // These reach Scalar's own services (chat, MCP, sharing, analytics), which the CSP refuses.
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    telemetry: false,
  };
}

// Scalar's theme variables set to the dashboard's look: Tailwind's zinc greys on white, the app's
// fonts (app/globals.css), 6px corners like rounded-md, zinc-900 as the accent like its buttons,
// and method colours dark enough to read on white (WCAG AA). Scalar draws its code examples in its
// dark palette even in light mode: zinc-900 there, like the dashboard's own snippets, with method
// colours light enough to read on it. Unlayered, so it outranks Scalar's theme layer.
const SWITCHBOARD_THEME = `
.light-mode {
  --scalar-font: var(--font-sans, ui-sans-serif, system-ui, sans-serif);
  --scalar-font-code: var(--font-mono, ui-monospace, monospace);
  --scalar-radius: 6px;
  --scalar-radius-lg: 8px;
  --scalar-radius-xl: 12px;

  --scalar-background-1: #ffffff;
  --scalar-background-2: #fafafa;
  --scalar-background-3: #f4f4f5;
  --scalar-background-accent: #f4f4f5;
  --scalar-border-color: #e4e4e7;

  --scalar-color-1: #18181b;
  --scalar-color-2: #52525b;
  --scalar-color-3: #71717a;
  --scalar-color-accent: #18181b;
  --scalar-link-color: #18181b;
  --scalar-link-color-hover: #3f3f46;

  --scalar-button-1: #18181b;
  --scalar-button-1-hover: #3f3f46;
  --scalar-button-1-color: #ffffff;

  --scalar-color-green: #15803d;
  --scalar-color-red: #b91c1c;
  --scalar-color-yellow: #a16207;
  --scalar-color-blue: #1d4ed8;
  --scalar-color-orange: #c2410c;
  --scalar-color-purple: #7e22ce;

  --scalar-sidebar-background-1: #fafafa;
  --scalar-sidebar-color-1: #18181b;
  --scalar-sidebar-color-2: #52525b;
  --scalar-sidebar-border-color: #e4e4e7;
  --scalar-sidebar-item-hover-background: #f4f4f5;
  --scalar-sidebar-item-hover-color: #18181b;
  --scalar-sidebar-item-active-background: #e4e4e7;
  --scalar-sidebar-color-active: #18181b;
  --scalar-sidebar-search-background: #ffffff;
  --scalar-sidebar-search-color: #71717a;
  --scalar-sidebar-search-border-color: #d4d4d8;
}
.dark-mode {
  --scalar-background-1: #18181b;
  --scalar-background-2: #27272a;
  --scalar-background-3: #3f3f46;
  --scalar-border-color: #3f3f46;
  --scalar-color-1: #fafafa;
  --scalar-color-2: #d4d4d8;
  --scalar-color-3: #a1a1aa;

  --scalar-color-green: #4ade80;
  --scalar-color-red: #f87171;
  --scalar-color-yellow: #facc15;
  --scalar-color-blue: #60a5fa;
  --scalar-color-orange: #fb923c;
  --scalar-color-purple: #c084fc;
}
`;

function pageIsDark(): boolean {
  const chosen = document.querySelector<HTMLElement>("[data-theme-scope]")?.dataset.theme;
  return chosen ? chosen === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
}

function LoadingReference() {
  return (
    <div role="status" className="mx-auto max-w-5xl px-4 py-10 md:px-8">
      <p className="text-sm text-zinc-600">Loading the API reference…</p>
      <div aria-hidden className="mt-6 space-y-4">
        <div className="h-8 w-64 max-w-full animate-pulse rounded bg-zinc-200" />
        <div className="h-4 w-full animate-pulse rounded bg-zinc-100" />
        <div className="h-4 w-5/6 animate-pulse rounded bg-zinc-100" />
        <div className="h-4 w-2/3 animate-pulse rounded bg-zinc-100" />
        <div className="mt-8 h-40 animate-pulse rounded-xl bg-zinc-100" />
      </div>
    </div>
  );
}

function ReferenceUnavailable({ reason, onRetry }: { reason: string; onRetry: () => void }) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 md:px-8">
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
        <h2 className="font-semibold text-red-800">We could not load the API reference</h2>
        <p className="mt-1 text-sm text-red-700">
          {reason} The raw document is at{" "}
          <a href={OPENAPI_DOCUMENT_URL} className="font-mono underline">
            {OPENAPI_DOCUMENT_URL}
          </a>
          .
        </p>
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
