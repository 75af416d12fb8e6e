// The whole first-run path from the keyboard alone, with visible focus at every stop:
// sign-up → Get started → generate → copy → test → done → toggle → revoke. No mouse, no
// locator.click(): only Tab, Shift+Tab, Enter, Space and arrow keys.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

/** What has focus: its accessible name (aria-label, label or text) and whether focus shows. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: "", visible: false };
    const labelled = element.getAttribute("aria-label") ?? (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null);
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    return { name: (labelled ?? element.textContent ?? "").replace(/\s+/g, " ").trim(), visible: element.matches(":focus-visible") && (outline || ring) };
  });
}

/** Tabs forward until the control named `name` has focus (at most 60 stops), checking focus shows. */
async function tabTo(page: Page, name: string | RegExp) {
  for (let stop = 0; stop < 60; stop++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    const match = typeof name === "string" ? now.name === name : name.test(now.name);
    if (match) {
      expect(now.visible, `focus on "${now.name}" must be visible`).toBe(true);
      return;
    }
  }
  throw new Error(`"${name}" never received focus from the keyboard`);
}

test("sign-up to revoke from the keyboard, focus visible throughout", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await tabTo(page, "Name");
  await page.keyboard.type("Kay Board");
  await tabTo(page, "Email");
  await page.keyboard.type(`keyboard-${Date.now()}@example.com`);
  await tabTo(page, "Password");
  await page.keyboard.type("a-long-enough-password");
  await tabTo(page, /^Workspace name/);
  await page.keyboard.type("Keyboard Co");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();

  await tabTo(page, "Create agent");
  await page.keyboard.press("Enter");
  const steps = page.getByRole("list", { name: "Steps" }).getByRole("listitem");
  await expect(steps.filter({ hasText: "first agent" })).toContainText("Done");

  await tabTo(page, "Generate API Key");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Enter");
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await expect(reveal).toBeVisible();

  await tabTo(page, "Copy");
  await page.keyboard.press("Enter");
  await expect(reveal.getByRole("button", { name: "Copied" })).toBeVisible();
  await tabTo(page, "Test key");
  await page.keyboard.press("Enter");
  await expect(reveal.getByRole("status").filter({ hasText: "200 OK" })).toBeVisible();
  await tabTo(page, "Done");
  await page.keyboard.press("Enter");
  await expect(reveal).toBeHidden();
  await expect(steps.filter({ hasText: "first authenticated request" })).toContainText("Done");

  // To the key list, by the navigation.
  await tabTo(page, "API Keys");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();

  await tabTo(page, "Key production active");
  await page.keyboard.press("Space");
  await expect(page.getByRole("switch", { name: "Key production active" })).not.toBeChecked();
  await expect(page.getByText('Disabled "production"')).toBeVisible();

  await tabTo(page, "Actions for production");
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  for (let i = 0; i < 6 && !(await page.getByRole("menuitem", { name: "Revoke" }).evaluate((item) => item === document.activeElement)); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.getByRole("menuitem", { name: "Revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Revoke API key" });
  await expect(confirm).toBeVisible();
  await tabTo(page, "Revoke key");
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("switch", { name: "Key production active" })).toHaveCount(0);
  await context.close();
});
