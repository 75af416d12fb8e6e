// `npm run bench:lighthouse`: Lighthouse scores of the API Keys page and of every /docs page, on
// the mobile and desktop presets (README "Performance"). Starts the real server (server.ts,
// production build) on a throwaway embedded PostgreSQL, signs a person up through the real form
// in Chromium, generates 3 keys through the dashboard, then runs Lighthouse BENCH_LIGHTHOUSE_RUNS
// times (3) per page and preset and prints the median of each figure. The API Keys page is
// measured signed in: the session cookie goes with every request as an extra header (Lighthouse
// clears the origin's storage, cookies included, before each run). Figures, not pass or fail.
//
// Lighthouse's mobile preset simulates a 4× slower CPU on top of the one it runs on, so CPU taken
// by anything else on the machine shows up as TBT and LCP: the load average is printed beside the
// figures, and only runs on a quiet machine compare. So does the host's own speed: Lighthouse's
// benchmark index of the host is printed too. The 4× is calibrated for a host of index 1500–2000
// (Lighthouse's docs/throttling.md, "a high-end desktop"); on a slower one the simulated phone is
// slower than the mid-tier phone the preset stands for (README "Lighthouse").
//
//   BENCH_LIGHTHOUSE_PAGES=api-keys,/docs/api   only these pages (labels or paths)
//   BENCH_LIGHTHOUSE_FORMS=mobile               only this preset
//   BENCH_LIGHTHOUSE_DESKTOP_RUNS=1             fewer runs on desktop than BENCH_LIGHTHOUSE_RUNS
//   BENCH_LIGHTHOUSE_JSON=out.json              also write every run's figures as JSON
//   BENCH_LIGHTHOUSE_REPORTS=dir                and every run's full Lighthouse report (lhr JSON)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";

const PORT = Number(process.env.BENCH_PORT ?? 3220);
const POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54389);
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
// Desktop scores move far less with the machine's load than mobile ones (no 4× CPU slowdown).
const DESKTOP_RUNS = Number(process.env.BENCH_LIGHTHOUSE_DESKTOP_RUNS ?? RUNS);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ONLY_PAGES = process.env.BENCH_LIGHTHOUSE_PAGES?.split(",").map((entry) => entry.trim()).filter(Boolean);
const FORMS = (process.env.BENCH_LIGHTHOUSE_FORMS?.split(",") ?? ["mobile", "desktop"]) as Form[];
const PASSWORD = "a-long-enough-password";
const KEYS = 3;
const REPORTS = process.env.BENCH_LIGHTHOUSE_REPORTS;
let reportCount = 0;

type Form = "mobile" | "desktop";
type Target = { label: string; path: string; signedIn: boolean };

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = [
  { id: "first-contentful-paint", label: "FCP", unit: "s" },
  { id: "largest-contentful-paint", label: "LCP", unit: "s" },
  { id: "total-blocking-time", label: "TBT", unit: "ms" },
  { id: "cumulative-layout-shift", label: "CLS", unit: "" },
] as const;

type Figures = { scores: Record<(typeof CATEGORIES)[number], number>; metrics: Record<(typeof METRICS)[number]["id"], number>; benchmarkIndex: number };

/** The lowest host benchmark index for which Lighthouse's 4× CPU slowdown is calibrated. */
const CALIBRATED_INDEX = 1500;

/** Every /docs page: the guides' index, each guide (as the index links them), a search, the reference. */
async function docsPages(base: string): Promise<Target[]> {
  const html = await (await fetch(`${base}/docs`)).text();
  const guides = [...new Set([...html.matchAll(/href="(\/docs\/[a-z0-9-]+)"/g)].map((match) => match[1]!))].filter((href) => href !== "/docs/api" && href !== "/docs/search");
  if (guides.length === 0) throw new Error("no guides linked from /docs");
  return [
    { label: "/docs", path: "/docs", signedIn: false },
    ...guides.map((href) => ({ label: href, path: href, signedIn: false })),
    { label: "/docs/search", path: "/docs/search", signedIn: false },
    // A page of results: its canonical address is /docs/search (pages/docs/search.tsx).
    { label: "/docs/search?q=bearer", path: "/docs/search?q=bearer", signedIn: false },
    { label: "/docs/api", path: "/docs/api", signedIn: false },
  ];
}

/** Signs up through the form (as a person does), generates KEYS keys, returns the Cookie header. */
async function signUpWithKeys(browser: Browser, base: string): Promise<string> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Lighthouse Bench");
  await page.getByLabel("Email").fill(`lighthouse-${randomBytes(4).toString("hex")}@example.com`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Lighthouse");
  await page.getByRole("button", { name: "Create account" }).click();
  // A new account lands on the "Get started" checklist; the keys are made on API Keys.
  await page.waitForURL(/\/onboarding$/);
  await page.goto("/settings/api-keys");
  for (let i = 1; i <= KEYS; i++) await generateKey(page, `key-${i}`);
  const cookies = await context.cookies(base);
  await context.close();
  if (!cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"))) throw new Error("sign-up left no session cookie");
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

async function generateKey(page: Page, name: string) {
  await page.getByRole("button", { name: "Generate API Key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Generate" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.waitFor();
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "Close without copying?" }).getByRole("button", { name: "Close anyway" }).click();
  await reveal.waitFor({ state: "hidden" });
}

async function runLighthouse(port: number, url: string, form: Form, cookie: string | null): Promise<Figures> {
  const flags: Flags = { port, output: "json", logLevel: "error", extraHeaders: cookie ? { Cookie: cookie } : undefined };
  const result = await lighthouse(url, flags, form === "desktop" ? desktopConfig : undefined);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`${url}: Lighthouse returned nothing`);
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A signed-out request to a dashboard page lands on /sign-in: that is not the page measured.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}`);
  if (REPORTS) {
    await mkdir(REPORTS, { recursive: true });
    const name = `${String(++reportCount).padStart(3, "0")}-${new URL(url).pathname.replace(/^\/|\/$/g, "").replaceAll("/", "_") || "root"}-${form}.json`;
    await writeFile(path.join(REPORTS, name), JSON.stringify(lhr));
  }
  return figures(lhr);
}

function figures(lhr: Result): Figures {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Figures["scores"];
  const metrics = Object.fromEntries(METRICS.map(({ id }) => [id, lhr.audits[id]?.numericValue ?? Number.NaN])) as Figures["metrics"];
  return { scores, metrics, benchmarkIndex: lhr.environment.benchmarkIndex };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function format(id: (typeof METRICS)[number]["id"], value: number): string {
  if (id === "cumulative-layout-shift") return value.toFixed(3);
  if (id === "total-blocking-time") return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(1)} s`;
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(", ");

/** A free loopback port for Chromium's DevTools endpoint, which Lighthouse connects to. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_URL: "",
      AUTH_SECRET: "",
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(POSTGRES_PORT),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready on") && resolve());
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return server;
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-bench-lighthouse-"));
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    server = await startServer(dataDir);
    const base = `http://localhost:${PORT}`;
    const debuggingPort = await freePort();
    // The flags of the end-to-end suite (playwright.config.ts), plus the endpoint Lighthouse drives.
    browser = await chromium.launch({
      ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--remote-debugging-port=${debuggingPort}`],
    });
    const cookie = await signUpWithKeys(browser, base);
    const targets = [{ label: "API Keys (3 keys)", path: "/settings/api-keys", signedIn: true }, ...(await docsPages(base))].filter(
      (target) => !ONLY_PAGES || ONLY_PAGES.some((only) => (only.startsWith("/") ? target.path === only || target.path.split("?")[0] === only : target.label.toLowerCase().startsWith(only.toLowerCase().replaceAll("-", " ")))),
    );

    // One run of each page first: the server's first render of a page (and Chromium's first
    // start of Lighthouse) is not what a visitor gets.
    for (const target of targets) await runLighthouse(debuggingPort, `${base}${target.path}`, "desktop", target.signedIn ? cookie : null);

    console.log(`Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, median of ${RUNS} runs per page on mobile, ${DESKTOP_RUNS} on desktop; load average before: ${load()}`);
    const header = ["page", "preset", "perf", "a11y", "best pr.", "SEO", ...METRICS.map((metric) => metric.label)];
    const widths = [22, 8, 5, 5, 9, 4, 6, 6, 8, 6];
    const row = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
    console.log(row(header));
    const everything: { page: string; form: Form; runs: Figures[] }[] = [];
    for (const target of targets) {
      for (const form of FORMS) {
        const runs: Figures[] = [];
        for (let i = 0; i < (form === "desktop" ? DESKTOP_RUNS : RUNS); i++) runs.push(await runLighthouse(debuggingPort, `${base}${target.path}`, form, target.signedIn ? cookie : null));
        everything.push({ page: target.label, form, runs });
        const perf = runs.map((run) => run.scores.performance);
        console.log(
          row([
            target.label,
            form,
            `${median(perf)}`,
            ...CATEGORIES.slice(1).map((id) => `${median(runs.map((run) => run.scores[id]))}`),
            ...METRICS.map(({ id }) => format(id, median(runs.map((run) => run.metrics[id])))),
          ]) + (runs.length > 1 ? `   perf ${Math.min(...perf)}–${Math.max(...perf)}` : ""),
        );
      }
    }
    console.log(`load average after: ${load()}`);
    const indexes = everything.flatMap((page) => page.runs.map((run) => run.benchmarkIndex));
    console.log(`host benchmark index: median ${Math.round(median(indexes))}, ${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))}`);
    if (median(indexes) < CALIBRATED_INDEX) {
      console.log(`  below ${CALIBRATED_INDEX}, the host Lighthouse's 4× mobile CPU slowdown is calibrated for: the mobile figures are those of a slower phone than the preset's`);
    }
    if (process.env.BENCH_LIGHTHOUSE_JSON) await writeFile(process.env.BENCH_LIGHTHOUSE_JSON, JSON.stringify(everything, null, 2));
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
