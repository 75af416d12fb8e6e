// Settings → API Keys as a person uses it, and the public API as a program holding the key sees it.
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Locator, type Page } from "@playwright/test";
import { dumpDatabase, nextServerAction } from "../support";

type Fixtures = { keysPage: Page; generateKey: (name: string, description?: string) => Promise<string> };

const test = base.extend<Fixtures>({
  keysPage: async ({ page }, use) => {
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();
    await use(page);
  },
  // Generates a key through the dialog and returns the plaintext shown in the reveal dialog,
  // leaving the reveal dialog open.
  generateKey: async ({ keysPage: page }, use) => {
    await use(async (name, description) => {
      await page.getByRole("button", { name: "Generate API Key" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Generate API Key" });
      await dialog.getByLabel("Name").fill(name);
      if (description) await dialog.getByLabel("Description").fill(description);
      await dialog.getByRole("button", { name: "Generate" }).click();
      const reveal = page.getByRole("dialog", { name: "Save your API key" });
      await expect(reveal).toBeVisible();
      return reveal.getByRole("textbox", { name: "API key" }).inputValue();
    });
  },
});

/** Axe's findings inside the toast region, once its entrance animation has settled. */
async function toastViolations(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-sonner-toast]")].every((toast) => getComputedStyle(toast).opacity === "1"),
  );
  const results = await new AxeBuilder({ page }).include("[data-sonner-toaster]").analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(" ")}`);
}

const rowOf = (page: Page, name: string): Locator => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });

test("generate, reveal once, call the API, disable, enable, revoke", async ({ keysPage: page, generateKey, request }) => {
  const generated = nextServerAction(page);
  const key = await generateKey("production", "Outbound calls from the main app");
  expect(key).toMatch(/^swb_sk_[0-9A-Za-z]{36}$/);
  // The one response that carries the key may not be stored by any cache.
  expect((await generated).headers()["cache-control"]).toContain("no-store");

  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal.getByText("You will not be able to see this key again")).toBeVisible();
  await expect(reveal.getByText(`curl http://localhost:${new URL(page.url()).port}/api/v1/me`).first()).toBeVisible();
  await expect(reveal.getByText(`-H "X-API-Key: ${key}"`)).toBeVisible();
  await expect(reveal.getByText(`SWITCHBOARD_API_KEY=${key}`)).toBeVisible();
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(reveal.getByRole("button", { name: /Copied/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();

  const row = rowOf(page, "production");
  await expect(row).toContainText("Active");
  await expect(row).toContainText(`${key.slice(0, 11)}••••••••${key.slice(-4)}`);
  await expect(row).toContainText("Never");
  await expect(row).not.toContainText(key);

  const me = (headers: Record<string, string>) => request.get("/api/v1/me", { headers });
  const both: Record<string, string>[] = [{ "X-API-Key": key }, { Authorization: `Bearer ${key}` }];
  for (const headers of both) {
    const response = await me(headers);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ workspace: { name: "Vaani Voice Lab" }, key: { name: "production", type: "private" } });
  }

  // "Last used" follows API use (written in batches, so allow a few seconds).
  await expect(async () => {
    await page.reload();
    await expect(rowOf(page, "production")).not.toContainText("Never", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  const toggle = rowOf(page, "production").getByRole("switch");
  let action = nextServerAction(page);
  await toggle.click();
  await expect(rowOf(page, "production")).toContainText("Disabled");
  expect((await action).ok()).toBe(true);
  // The revocation receipt: every live server confirmed the eviction.
  await expect(page.getByText(/^Disabled "production" on (\d+) of \1 servers in \d+ ms$/)).toBeVisible();
  let refused = await me({ "X-API-Key": key });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthorized", message: "Invalid or missing API key.", hint: expect.stringMatching(/disabled/) } });

  // The switch is a button with the switch role: Space turns it back on from the keyboard.
  await expect(toggle).not.toBeChecked();
  action = nextServerAction(page);
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toBeChecked();
  await expect(rowOf(page, "production")).toContainText("Active");
  await action;
  expect((await me({ "X-API-Key": key })).status()).toBe(200);

  // A relative time carries the exact one in its tooltip, formatted only when the tooltip opens.
  await rowOf(page, "production").locator("time").first().hover();
  await expect(page.getByRole("tooltip")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M \S+/);
  await page.mouse.move(0, 0);

  await page.getByRole("button", { name: "Actions for production" }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke API key" });
  await expect(confirm).toContainText("production");
  await expect(confirm).toContainText("permanent");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(/^API key "production" revoked on (\d+) of \1 servers in \d+ ms$/)).toBeVisible();
  await expect(rowOf(page, "production")).toHaveCount(0);
  refused = await me({ "X-API-Key": key });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.hint).toMatch(/revoked/);

  await page.reload();
  await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(key);
  expect(html).not.toContain(key.slice(11, -4));

  // Nor does any table of the server's database hold it: only its SHA-256.
  const dump = await dumpDatabase();
  expect(dump).toContain(createHash("sha256").update(key).digest("hex"));
  expect(dump).not.toContain(key);
  expect(dump).not.toContain(key.slice(11, -4));
});

test("a refused toggle rolls back and says why", async ({ keysPage: page, generateKey, browser }) => {
  await generateKey("rollback-check");
  await page.getByRole("dialog", { name: "Save your API key" }).getByRole("button", { name: "Copy", exact: true }).click();
  await page.getByRole("button", { name: "Done" }).click();

  // Someone else revokes the key while this page still shows it.
  const other = await browser.newContext({ storageState: "e2e/.auth/owner.json" });
  const otherPage = await other.newPage();
  await otherPage.goto("/settings/api-keys");
  await otherPage.getByRole("button", { name: "Actions for rollback-check" }).click();
  await otherPage.getByRole("menuitem", { name: "Revoke" }).click();
  await otherPage.getByRole("button", { name: "Revoke key" }).click();
  await expect(otherPage.getByText('API key "rollback-check" revoked')).toBeVisible();
  await other.close();

  const row = rowOf(page, "rollback-check");
  const answered = nextServerAction(page);
  await row.getByRole("switch").click();
  await answered;
  await expect(page.getByText('Could not disable "rollback-check": This key no longer exists. Reload the page.')).toBeVisible();
  await expect(row.getByRole("switch")).toBeChecked();
  await expect(row).toContainText("Active");
  expect(await toastViolations(page)).toEqual([]);
});

test("success toasts are readable (WCAG AA contrast)", async ({ keysPage: page, generateKey }) => {
  await generateKey("toast-check");
  await page.getByRole("dialog", { name: "Save your API key" }).getByRole("button", { name: "Copy", exact: true }).click();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Actions for toast-check" }).click();
  await page.getByRole("menuitem", { name: "Copy key ID" }).click();
  await expect(page.getByText("Key ID copied")).toBeVisible();
  expect(await toastViolations(page)).toEqual([]);
});

test("the generate form explains what is wrong and keeps what was typed", async ({ keysPage: page, generateKey }) => {
  await generateKey("staging");
  await page.getByRole("dialog", { name: "Save your API key" }).getByRole("button", { name: "Copy", exact: true }).click();
  await page.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Generate API Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByText("Give the key a name")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Name").fill("  Staging ");
  await dialog.getByLabel("Description").fill("second try");
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByText("A key with this name already exists")).toBeVisible();
  await expect(dialog.getByLabel("Description")).toHaveValue("second try");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("closing the reveal dialog before copying asks first", async ({ keysPage: page, generateKey }) => {
  await generateKey("zapier-integration");
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await page.keyboard.press("Escape");
  const warning = page.getByRole("alertdialog", { name: "Close without copying?" });
  await expect(warning).toBeVisible();
  await warning.getByRole("button", { name: "Keep it open" }).click();
  await expect(reveal).toBeVisible();
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close anyway" }).click();
  await expect(reveal).toBeHidden();
  await expect(rowOf(page, "zapier-integration")).toContainText("Active");
});

test("the API Keys page has no serious accessibility violations", async ({ keysPage: page }) => {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole("button", { name: "Generate API Key" }).click();
  const withDialog = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(withDialog.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("the navigation fetches a page ahead when a click looks likely, not every link as the page loads", async ({ page }) => {
  const fetchedAhead: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc")) fetchedAhead.push(url.pathname);
  });
  await page.goto("/settings/api-keys");
  await page.waitForLoadState("networkidle");
  const nav = page.getByRole("navigation", { name: "Settings" });
  const others = (await nav.getByRole("link").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))).filter((path) => path !== "/settings/api-keys");
  expect(others.length).toBeGreaterThan(5);
  expect(fetchedAhead.filter((path) => others.includes(path))).toEqual([]);
  await nav.getByRole("link", { name: "Agents" }).hover();
  await expect.poll(() => fetchedAhead).toContain("/agents");
  await nav.getByRole("link", { name: "Calls" }).focus();
  await expect.poll(() => fetchedAhead).toContain("/calls");
});

test("dashboard pages are not cacheable", async ({ request }) => {
  // No redirect: a 200 here is the dashboard itself, not the sign-in page.
  const response = await request.get("/settings/api-keys", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Generate API Key");
  expect(response.headers()["cache-control"]).toContain("no-store");
});
