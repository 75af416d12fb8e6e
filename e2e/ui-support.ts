// Helpers for the interface specs (ui-*.spec.ts): screen sizes, layout checks, axe, and the
// generate flow as a person goes through it.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** A key name no other test uses. */
export function uniqueName(label: string) {
  return `${label}-${randomBytes(3).toString("hex")}`;
}

/** The row of the key named `name` (a table row on wide screens, a card with role="row" on phones). */
export function rowOf(page: Page, name: string): Locator {
  return page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });
}

/** Fails while the page is wider than the viewport, i.e. scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: "the page scrolls sideways (scrollWidth - innerWidth)",
    })
    .toBeLessThanOrEqual(0);
}

/** `locator` is visible and its whole box lies inside the viewport. */
export async function expectWithinViewport(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x, "left edge").toBeGreaterThanOrEqual(0);
  expect(box.y, "top edge").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "right edge").toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, "bottom edge").toBeLessThanOrEqual(viewport.height);
}

/** `locator` lies between the viewport's left and right edges (it may be scrolled vertically). */
export async function expectHorizontallyOnScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x, "left edge").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "right edge").toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Axe's serious and critical findings on the whole page, once toasts have finished fading in. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-sonner-toast]")].every((toast) => getComputedStyle(toast).opacity === "1"),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Opens the Generate dialog, names a key and submits; resolves with the open reveal dialog. */
export async function generateKey(page: Page, name: string) {
  await page.getByRole("button", { name: "Generate API Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Generate" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toBeVisible();
  return reveal;
}

/** Closes the reveal dialog without copying (the browser may have no clipboard permission). */
export async function closeRevealWithoutCopying(page: Page) {
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "Close without copying?" }).getByRole("button", { name: "Close anyway" }).click();
  await expect(reveal).toBeHidden();
}

/** Revokes the key named `name` through its row menu and the confirmation dialog. */
export async function revokeKey(page: Page, name: string) {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke API key" });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(rowOf(page, name)).toHaveCount(0);
}

/**
 * Every Content-Security-Policy violation `page` reports from its next navigation on, as
 * "path: directive refused what". A violation means the browser refused something the page
 * needed (a script, a style, an eval probe), so a test expects none.
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} refused ${event.blockedURI || "(inline)"}`,
      ),
    );
  });
  return violations;
}
