// The page headers for each path, read once at start from the production build. A page that the
// build prerendered (the guides, the API reference, the 404 page) is served as the HTML the build
// wrote, so its Content-Security-Policy allows exactly the inline scripts in that HTML, by
// SHA-256. Pages rendered per request get a nonce from proxy.ts instead, which replaces the
// policy set here (lib/security-headers.ts, README "Security").
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentSecurityPolicy, pageHeaders } from "@/lib/security-headers";

type PageHeaders = Record<string, string>;

/** Headers for a page, chosen by its normalized path. */
export type PageHeadersFor = (path: string) => PageHeaders;

// The page Next answers any path it does not know with: prerendered, like the guides.
const NOT_FOUND_ROUTE = "/_not-found";

export function loadPageHeaders(distDir: string, options: { dev: boolean }): PageHeadersFor {
  if (options.dev) {
    // `next dev` prerenders nothing: a page outside proxy.ts's reach has no hashes to name.
    const headers = pageHeaders(contentSecurityPolicy("development", options));
    return () => headers;
  }
  const byPath = new Map<string, PageHeaders>();
  for (const route of prerenderedRoutes(distDir)) {
    const html = htmlFile(distDir, route);
    if (!existsSync(html)) continue; // a route handler's output (an icon, say), not a page
    const hashes = inlineScriptHashes(readFileSync(html, "utf8"));
    byPath.set(route, pageHeaders(contentSecurityPolicy({ hashes }, options)));
  }
  const notFound = byPath.get(NOT_FOUND_ROUTE);
  if (!notFound) throw new Error(`No prerendered ${NOT_FOUND_ROUTE} page in ${distDir}: run next build.`);
  return (pathname) => byPath.get(pathname) ?? notFound;
}

function prerenderedRoutes(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  return Object.keys(manifest.routes);
}

/** Where the build wrote a prerendered page: under server/app/, or server/pages/ for the docs (pages/). */
function htmlFile(distDir: string, route: string): string {
  const file = `${route === "/" ? "/index" : route}.html`;
  const appPage = path.join(distDir, "server", "app", file);
  return existsSync(appPage) ? appPage : path.join(distDir, "server", "pages", file);
}

// An inline script: a <script> element without a src attribute. Its text is what the browser
// hashes, byte for byte, so it is taken exactly as the build wrote it.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The CSP hash source of every inline script in `html`, once each. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
    if (body) hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
