// The team pages (General, Members, Audit log) and the workspace switcher as a person uses
// them, on a phone and a desktop: nothing scrolls sideways, axe finds nothing serious with
// menus and dialogs open, and focus returns where it came from.
import { expect, test } from "@playwright/test";
import { DESKTOP, expectNoSidewaysScroll, expectWithinViewport, PHONE, seriousViolations } from "../ui-support";

for (const [label, viewport] of [["390 px", PHONE], ["1440 px", DESKTOP]] as const) {
  test.describe(`at ${label}`, () => {
    test.use({ viewport });

    test("General, Members and Audit log fit the screen and have no serious accessibility violations", async ({ page }) => {
      for (const [path, heading] of [
        ["/settings/general", "General"],
        ["/settings/members", "Members"],
        ["/settings/audit-log", "Audit log"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page);
        expect(await seriousViolations(page), path).toEqual([]);
      }
    });

    test("the invite dialog fits, is accessible, and gives focus back to Invite member", async ({ page }) => {
      await page.goto("/settings/members");
      const invite = page.getByRole("button", { name: "Invite member" });
      await invite.click();
      const dialog = page.getByRole("dialog", { name: "Invite member" });
      await expectWithinViewport(page, dialog);
      await expectNoSidewaysScroll(page);
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Create invite" }).click();
      await expect(dialog.getByLabel("Email")).toBeFocused(); // the invalid field, after a failed submit
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(invite).toBeFocused();
    });

    test("the workspace switcher opens from the keyboard and gives focus back", async ({ page }) => {
      await page.goto("/settings/api-keys");
      const switcher = page.getByRole("button", { name: "Switch workspace" });
      await switcher.focus();
      await page.keyboard.press("Enter");
      const menu = page.getByRole("menu");
      await expect(menu.getByRole("menuitem", { name: /Vaani Voice Lab/ })).toBeVisible();
      await expect(menu.getByRole("menuitem", { name: "Create workspace" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await expect(switcher).toBeFocused();
    });
  });
}

test("General shows the workspace ID to copy, read-only", async ({ page }) => {
  await page.goto("/settings/general");
  const id = page.getByRole("textbox", { name: "Workspace ID" });
  await expect(id).toHaveAttribute("readonly", "");
  const value = await id.inputValue();
  expect(value).toMatch(/^[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Copy workspace ID" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
});
