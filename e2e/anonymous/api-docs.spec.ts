// The API reference at /docs/api: public, static HTML rendered at build time from
// /api/v1/openapi.json, every operation readable without JavaScript, within the app's
// Content-Security-Policy and with nothing fetched from another origin; axe finds nothing serious
// on it. Its interactive client (Scalar) loads only behind "Try it": what it shows when the
// document cannot be fetched, and its request client calling the API directly from a tab the
// reveal dialog opens. Scalar's own markup is exempt from axe while it is open; ours is not.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SECRET_SCANNING_PATTERN_SOURCE } from "../../lib/keys/format";
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

/** Opens the interactive client and waits for Scalar to render the guide that opens the document. */
async function openTryIt(page: Page) {
  await page.getByRole("button", { name: "Try it" }).click();
  const client = page.getByRole("dialog", { name: "Interactive API client" });
  await expect(client).toBeVisible();
  return client;
}

async function expectScalarRendered(page: Page) {
  await expect(page.getByRole("dialog", { name: "Interactive API client" }).getByRole("heading", { name: "Authentication", exact: true }).first()).toBeVisible({ timeout: 30_000 });
}

/** Axe's serious and critical findings, outside Scalar's markup (its root and the portals it adds). */
async function seriousOutsideScalar(page: Page) {
  const results = await new AxeBuilder({ page }).exclude(".scalar-app").exclude("[role=dialog][aria-label='Interactive API client'] > :not(:first-child)").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

type Operation = { method: string; path: string; summary: string };

async function operationsOf(baseURL: string): Promise<Operation[]> {
  const document = await (await fetch(`${baseURL}/api/v1/openapi.json`)).json();
  return Object.entries(document.paths as Record<string, Record<string, { summary: string }>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, summary: operation.summary })),
  );
}

test("anyone can read the reference: static HTML with every operation, inside the CSP, from this origin only, with no serious axe finding", async ({ page, baseURL }) => {
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
  await expect(page.getByRole("heading", { name: "Authentication", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key format, for secret scanners" })).toBeVisible();
  await expect(page.getByText(SECRET_SCANNING_PATTERN_SOURCE, { exact: true })).toBeVisible();

  // Every operation of the document, each in a region named by its summary, with its path.
  const operations = await operationsOf(baseURL!);
  expect(operations.length).toBeGreaterThan(15);
  for (const { method, path, summary } of operations) {
    const region = page.getByRole("region", { name: summary, exact: true });
    await expect(region, `${method} ${path}`).toContainText(path);
  }

  // An operation reached through the contents, with a curl example addressed to this server.
  await page.getByRole("navigation", { name: "API reference" }).getByRole("link", { name: "Create an API key" }).click();
  const create = page.getByRole("region", { name: "Create an API key", exact: true });
  await expect(create.getByRole("heading", { name: "Create an API key" })).toBeInViewport();
  await expect(create).toContainText('curl -X POST "$SWITCHBOARD_URL/api/v1/api-keys"');
  expect(await seriousViolations(page)).toEqual([]);

  // On a phone: the contents fold away, and nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await page.goto(DOCS_PATH);
  await expect(page.getByRole("link", { name: "Back to dashboard" })).toBeInViewport();
  await expect(page.getByText("Contents", { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  expect(await seriousViolations(page)).toEqual([]);

  expect(problems).toEqual([]);
});

test("with JavaScript disabled the reference still shows every operation", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}${DOCS_PATH}`);
  for (const { summary, path } of await operationsOf(baseURL!)) await expect(page.getByRole("region", { name: summary, exact: true })).toContainText(path);
  // Without its script, Try it could do nothing: it is not shown.
  await expect(page.getByRole("button", { name: "Try it" })).toBeHidden();
  await context.close();
});

test("when Try it's own client cannot be loaded, the page says so beside the button, and the next press loads it", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const CLIENT = "**/try-it/client.js*";
  await page.route(CLIENT, (route) => route.abort("connectionrefused"));
  await page.goto(DOCS_PATH);
  const failure = page.getByRole("alert").filter({ hasText: "The client could not be loaded." });
  await expect(failure).toBeHidden();
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(failure).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.unroute(CLIENT);
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByRole("dialog", { name: "Interactive API client" })).toBeVisible();
  await expect(failure).toBeHidden();
});

test("Try it loads the interactive client on demand; when the document cannot be fetched it says so, and Try again loads it", async ({ page, baseURL }) => {
  const problems = await watchForProblems(page, new URL(baseURL!).origin);
  await page.setViewportSize(DESKTOP);
  let scalarRequested = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/openapi.json")) scalarRequested = true;
  });
  await page.route(OPENAPI_DOCUMENT, (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
  await page.goto(DOCS_PATH);
  await page.waitForLoadState("networkidle");
  // Nothing of the client before the button is pressed.
  expect(scalarRequested).toBe(false);
  const client = await openTryIt(page);
  await expect(client.getByRole("button", { name: "Close the client" })).toBeFocused();
  const failure = client.getByRole("alert").filter({ hasText: "We could not load the API reference" });
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
  await expect(client.getByRole("status").filter({ hasText: "Loading the API reference…" })).toBeVisible();
  await expect(failure).toHaveCount(0);
  release();
  await expectScalarRendered(page);

  // The page's theme (light here: no theme cookie, a light system), and the app's own font rather than Scalar's.
  await expect(page.locator("body")).toHaveClass(/\blight-mode\b/);
  const fontOf = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).fontFamily);
  expect(await fontOf(".scalar-app h2, .scalar-app h1")).toBe(await fontOf("body"));
  // Scalar's markup is exempt while it is open; ours is not.
  expect(await seriousOutsideScalar(page)).toEqual([]);

  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(client).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try it" })).toBeFocused();
  // The 503 this test arranged is the only thing the console may report.
  expect(problems.filter((problem) => !problem.includes("status of 503"))).toEqual([]);
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

  // In the new tab, behind "Try it", Scalar's request client sends the key straight to this server (no proxy),
  // which the CSP's connect-src 'self' allows, and keeps it nowhere once sent.
  const problems = await watchForProblems(docs, new URL(baseURL!).origin);
  await docs.setViewportSize(DESKTOP);
  await docs.goto(DOCS_PATH);
  const tryIt = await openTryIt(docs);
  await expectScalarRendered(docs);
  await tryIt.getByRole("link", { name: "Workspace", exact: true }).first().click();
  await expect(tryIt.getByRole("heading", { name: "Who am I" })).toBeVisible();
  await tryIt.getByRole("region", { name: "Who am I" }).getByRole("button", { name: "Test Request" }).click();
  const client = docs.getByRole("dialog").filter({ has: docs.getByRole("button", { name: "Send" }) }).last();
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
