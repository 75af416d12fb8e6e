// The API reference at /docs/api: public, rendered by Scalar from /api/v1/openapi.json within the
// app's Content-Security-Policy and with nothing fetched from another origin; reached from the
// dashboard's navigation and, in a new tab, from the dialog that reveals a new key; its request
// client calling the API directly; what it shows when the document cannot be fetched; and axe,
// strict on our part of the page, reporting Scalar's own markup.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { KEY_PATTERN_SOURCE } from "../../lib/keys/format";
import { expect, test } from "../fixtures";
import { closeRevealWithoutCopying, DESKTOP, expectNoSidewaysScroll, generateKey, PHONE, seriousViolations, uniqueName } from "../ui-support";

const DOCS_PATH = "/docs/api";
const OPENAPI_DOCUMENT = "**/api/v1/openapi.json";

/**
 * Console errors, uncaught errors, CSP violations and requests to any other origin, collected as
 * they happen. CSP violations are reported from the page itself, so none can go unlogged.
 */
async function watchForProblems(page: Page, origin: string): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} refused ${event.blockedURI || "(inline)"}`),
    );
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== origin) problems.push(`request to another origin: ${request.url()}`);
  });
  return problems;
}

/** Waits for Scalar to render the guide that opens the document (info.description). */
async function expectScalarRendered(page: Page) {
  await expect(page.getByRole("heading", { name: "Authentication", exact: true })).toBeVisible({ timeout: 30_000 });
}

/**
 * Axe over the whole page, each finding placed in Scalar's markup (its root under our <section>,
 * or the portals it adds to <body>) or in ours. Our part of the page is static once Scalar has
 * rendered, so an element gone since axe saw it was Scalar's.
 */
async function axeFindings(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const findings = { ours: [] as string[], scalar: [] as string[] };
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const inScalar = await page.evaluate((selector) => {
        const element = document.querySelector(selector);
        return !element || !!element.closest("body > div > section, .scalar-app");
      }, String(node.target[0]));
      findings[inScalar ? "scalar" : "ours"].push(`${violation.impact} ${violation.id}: ${node.target.join(" ")}`);
    }
  }
  return findings;
}

test("anyone can read the reference: Scalar renders the guide and the operations, inside the CSP, from this origin only", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const problems = await watchForProblems(page, origin);
  await page.setViewportSize(DESKTOP);

  const response = await page.goto(DOCS_PATH);
  expect(response!.status()).toBe(200);
  expect(response!.headers()["content-security-policy"]).toContain("connect-src 'self'");
  await expect(page).toHaveTitle("API reference · Switchboard");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to dashboard" })).toHaveAttribute("href", "/settings/api-keys");

  // The guide of info.description, with the key pattern for secret scanners, as written.
  await expectScalarRendered(page);
  await expect(page.getByRole("heading", { name: "Key format, for secret scanners" })).toBeVisible();
  await expect(page.getByText(KEY_PATTERN_SOURCE, { exact: true })).toBeVisible();

  // An operation, reached through Scalar's sidebar, with examples addressed to this server.
  await page.getByRole("link", { name: "API keys", exact: true }).first().click();
  const create = page.getByRole("region", { name: "Create an API key" });
  await expect(create.getByRole("heading", { name: "Create an API key" })).toBeVisible();
  await expect(create).toContainText(`${origin}/api/v1/api-keys`);

  // The dashboard's look: light only, and the app's own font rather than Scalar's.
  await expect(page.locator("body")).toHaveClass(/\blight-mode\b/);
  await expect(page.getByRole("button", { name: /dark mode|light mode/i })).toHaveCount(0);
  const fontOf = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).fontFamily);
  expect(await fontOf(".scalar-app h2, .scalar-app h1")).toBe(await fontOf("body"));

  // Our header has no accessibility defect at all; Scalar's markup is reported, and may have no
  // serious or critical defect outside itself.
  expect((await new AxeBuilder({ page }).include("body > div > header").analyze()).violations).toEqual([]);
  const desktop = await axeFindings(page);
  test.info().annotations.push({ type: "axe: Scalar's markup at 1440 px", description: desktop.scalar.join("\n") || "none" });
  expect(desktop.ours.filter((finding) => /^(serious|critical) /.test(finding))).toEqual([]);

  // On a phone: Scalar's menu bar sits under our header, and nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await page.goto(DOCS_PATH);
  await expectScalarRendered(page);
  await expect(page.getByRole("link", { name: "Back to dashboard" })).toBeInViewport();
  await expectNoSidewaysScroll(page);
  const phone = await axeFindings(page);
  test.info().annotations.push({ type: "axe: Scalar's markup at 390 px", description: phone.scalar.join("\n") || "none" });
  expect(phone.ours.filter((finding) => /^(serious|critical) /.test(finding))).toEqual([]);

  expect(problems).toEqual([]);
});

test("when the document cannot be fetched the page says so, and Try again loads it", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.route(OPENAPI_DOCUMENT, (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
  await page.goto(DOCS_PATH);
  const failure = page.getByRole("alert").filter({ hasText: "We could not load the API reference" });
  await expect(failure).toContainText("The server answered 503.");
  await expect(failure.getByRole("link", { name: "/api/v1/openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
  expect(await seriousViolations(page)).toEqual([]);

  // Held back for a moment, so that the loading state can be seen.
  await page.unroute(OPENAPI_DOCUMENT);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(OPENAPI_DOCUMENT, async (route) => {
    await held;
    await route.continue();
  });
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Loading the API reference…" })).toBeVisible();
  await expect(failure).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  release();
  await expectScalarRendered(page);
  await expect(page.getByRole("status").filter({ hasText: "Loading the API reference…" })).toHaveCount(0);
});

test("from the dashboard: the navigation leads to the reference, the reveal dialog opens it in a new tab, and its client calls the API with the new key", async ({
  newAccount,
  baseURL,
}) => {
  const { page, context, workspace } = await newAccount("api-docs");
  await page.setViewportSize(DESKTOP);

  // Settings → API Keys, then the navigation's API reference link, and back.
  const navigationLink = page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API reference" });
  await expect(navigationLink).toHaveAttribute("href", DOCS_PATH);
  await navigationLink.click();
  await expect(page).toHaveURL(new RegExp(`${DOCS_PATH}$`));
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expectScalarRendered(page);
  await page.getByRole("link", { name: "Back to dashboard" }).click();
  await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();

  // The reveal dialog links to the reference in a new tab, so the dialog and its key stay.
  const reveal = await generateKey(page, uniqueName("docs"));
  const key = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  const docsLink = reveal.getByRole("link", { name: "Read the API reference" });
  await expect(docsLink).toHaveAttribute("href", DOCS_PATH);
  await expect(docsLink).toHaveAttribute("target", "_blank");
  await expect(docsLink).toHaveAttribute("rel", "noopener");
  const [docs] = await Promise.all([context.waitForEvent("page"), docsLink.click()]);
  await expect(docs).toHaveURL(new RegExp(`${DOCS_PATH}$`));
  await expect(reveal).toBeVisible();
  await expect(reveal.getByRole("textbox", { name: "API key" })).toHaveValue(key);

  // In the new tab, Scalar's request client sends the key straight to this server (no proxy),
  // which the CSP's connect-src 'self' allows, and keeps it nowhere once sent.
  const problems = await watchForProblems(docs, new URL(baseURL!).origin);
  await docs.setViewportSize(DESKTOP);
  await docs.goto(DOCS_PATH);
  await expectScalarRendered(docs);
  await docs.getByRole("link", { name: "Workspace", exact: true }).first().click();
  await expect(docs.getByRole("heading", { name: "Who am I" })).toBeVisible();
  await docs.getByRole("region", { name: "Who am I" }).getByRole("button", { name: "Test Request" }).click();
  const client = docs.getByRole("dialog");
  await client.getByRole("button", { name: /Authentication/ }).click();
  await client.getByRole("textbox", { name: "Value" }).fill(key);
  const answered = docs.waitForResponse((response) => response.url() === `${new URL(baseURL!).origin}/api/v1/me`);
  await client.getByRole("button", { name: "Send" }).first().click();
  expect((await answered).status()).toBe(200);
  await expect(client.getByText("200 OK")).toBeVisible();
  await expect(client.getByText(`"${workspace}"`)).toBeVisible();
  const stored = await docs.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(key);
  expect(problems).toEqual([]);
  await docs.close();

  await closeRevealWithoutCopying(page);
});
