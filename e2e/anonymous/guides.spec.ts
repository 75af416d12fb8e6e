// The guides under /docs: public, static, readable and searchable without JavaScript, with no
// serious axe finding at desktop or phone width.
import { expect, test } from "../fixtures";
import { DESKTOP, expectNoSidewaysScroll, PHONE, seriousViolations } from "../ui-support";

const GUIDE_TITLES = ["Getting started", "Authentication", "Rotating keys safely", "Storing keys", "Troubleshooting", "Limits and usage"];

test("the docs list every guide, each guide reads well at desktop and phone width, and leads on to the next", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "Switchboard docs", level: 1 })).toBeVisible();
  for (const title of GUIDE_TITLES) await expect(page.getByRole("main").getByRole("link", { name: new RegExp(`^${title}`) })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("main").getByRole("link", { name: /^Authentication/ }).click();
  await expect(page).toHaveURL(/\/docs\/authentication$/);
  await expect(page).toHaveTitle("Authentication · Switchboard");
  await expect(page.getByRole("heading", { name: "The two headers" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Guides" }).getByRole("link", { name: "Authentication" })).toHaveAttribute("aria-current", "page");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Next: Rotating keys safely" }).click();
  await expect(page.getByRole("heading", { name: "Rotating keys safely", level: 1 })).toBeVisible();

  for (const slug of ["troubleshooting", "storing-keys"]) {
    await page.setViewportSize(PHONE);
    await page.goto(`/docs/${slug}`);
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  }
  // Every hint of the API is in Troubleshooting's table.
  await page.goto("/docs/troubleshooting");
  await expect(page.getByRole("region", { name: "Table" }).getByRole("row")).not.toHaveCount(0);
  expect(await page.goto("/docs/no-such-guide").then((response) => response!.status())).toBe(404);
  // The search page, with results (axe needs JavaScript, which the next test turns off).
  await page.goto("/docs/search?q=bearer");
  await expect(page.getByRole("status")).toHaveText('2 guides match "bearer"');
  expect(await seriousViolations(page)).toEqual([]);
});

test("search finds the guide and the section, with JavaScript off too", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${baseURL}/docs`);
  await page.getByRole("main").getByRole("searchbox", { name: "Search the guides" }).fill("gitignore");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/docs\/search\?q=gitignore$/);
  await expect(page.getByRole("status")).toHaveText('1 guide matches "gitignore"');
  // A page of results points search engines at the search page itself, not at each query.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/docs/search`);
  await page.getByRole("link", { name: "Storing keys › A .env file, kept out of version control" }).click();
  await expect(page).toHaveURL(/\/docs\/storing-keys#a-env-file-kept-out-of-version-control$/);

  await page.goto(`${baseURL}/docs/search?q=nothing+like+this`);
  await expect(page.getByRole("status")).toHaveText('Nothing in the guides matches "nothing like this".');
  await context.close();
});
