import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, loadPageHeaders } from "./page-headers";

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("inlineScriptHashes", () => {
  it("hashes each inline script's text exactly, once, and skips scripts loaded from a file", () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f=self.__next_f||[]</script>' +
      '<script id="x">self.__next_f.push([1,"é\\n"])</script><script>self.__next_f=self.__next_f||[]</script><script></script>';
    expect(inlineScriptHashes(html)).toEqual([sha256("self.__next_f=self.__next_f||[]"), sha256('self.__next_f.push([1,"é\\n"])')]);
  });
});

describe("loadPageHeaders", () => {
  // `pagesRouter` pages are written where Next writes the Pages Router's (pages/): server/pages/.
  function build(pages: Record<string, string>, pagesRouter: Record<string, string> = {}) {
    const dist = mkdtempSync(path.join(tmpdir(), "page-headers-"));
    const routes = Object.fromEntries(Object.keys({ ...pages, ...pagesRouter }).map((route) => [route, {}]));
    writeFileSync(path.join(dist, "prerender-manifest.json"), JSON.stringify({ routes: { ...routes, "/icon.svg": {} } }));
    const files = [...Object.entries(pages).map(([route, html]) => ({ folder: "app", route, html })), ...Object.entries(pagesRouter).map(([route, html]) => ({ folder: "pages", route, html }))];
    for (const { folder, route, html } of files) {
      const file = path.join(dist, "server", folder, `${route}.html`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
    return dist;
  }
  const scriptSources = (headers: Record<string, string>) => headers["Content-Security-Policy"]!.split("; ").find((part) => part.startsWith("script-src"));

  it("gives each prerendered page the hashes of its own scripts, never 'unsafe-inline'", () => {
    const headersFor = loadPageHeaders(build({ "/docs/api": "<script>one()</script>", "/_not-found": "<script>two()</script>" }), { dev: false });
    expect(scriptSources(headersFor("/docs/api"))).toBe(`script-src 'self' '${sha256("one()")}'`);
    expect(headersFor("/docs/api")["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("reads the Pages Router's pages too: a page with no inline script gets a policy that allows none", () => {
    const headersFor = loadPageHeaders(build({ "/_not-found": "<script>two()</script>" }, { "/docs/api": '<script type="module" src="/try-it/entry.js"></script>' }), { dev: false });
    expect(scriptSources(headersFor("/docs/api"))).toBe("script-src 'self'");
  });

  it("answers any other path with the 404 page's policy; proxy.ts replaces it on pages rendered per request", () => {
    const headersFor = loadPageHeaders(build({ "/docs": "<script>one()</script>", "/_not-found": "<script>two()</script>" }), { dev: false });
    expect(scriptSources(headersFor("/no/such/page"))).toBe(`script-src 'self' '${sha256("two()")}'`);
  });

  it("refuses to start without a production build", () => {
    expect(() => loadPageHeaders(build({ "/docs": "" }), { dev: false })).toThrow(/_not-found/);
  });

  it("keeps inline scripts working in development, where nothing is prerendered", () => {
    expect(scriptSources(loadPageHeaders("/nowhere", { dev: true })("/docs"))).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
  });
});
