// Settings → API Keys on a 390 px phone and a 1440 px desktop: layout, focus, accessibility,
// freshness and the generate form, one test per interface defect found by trying the pages as a
// new user would.
import { readFileSync } from "node:fs";
import { expect, test as base, type Page } from "@playwright/test";
import { nextServerAction, OWNER_CREDENTIALS } from "../support";
import {
  DESKTOP,
  PHONE,
  expectHorizontallyOnScreen,
  expectNoSidewaysScroll,
  expectWithinViewport,
  generateKey,
  revokeKey,
  rowOf,
  seriousViolations,
  uniqueName,
} from "../ui-support";

const test = base.extend<{ keysPage: Page }>({
  keysPage: async ({ page }, use) => {
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();
    await use(page);
  },
});

/** Copies the revealed key (this project may use the clipboard) and closes the dialog with Done. */
async function copyAndClose(page: Page) {
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(reveal.getByRole("button", { name: /Copied/ })).toBeVisible();
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: PHONE });

  test("the key list and its dialogs fit the screen, and every control of a row can be tapped", async ({ keysPage: page }) => {
    const name = uniqueName("phone");
    await expectNoSidewaysScroll(page);

    await page.getByRole("button", { name: "Generate API Key" }).click();
    const generate = page.getByRole("dialog", { name: "Generate API Key" });
    await expectWithinViewport(page, generate);
    await expectNoSidewaysScroll(page);
    await generate.getByLabel("Name").fill(name);
    await generate.getByRole("button", { name: "Generate" }).click();

    const reveal = page.getByRole("dialog", { name: "Save your API key" });
    await expectWithinViewport(page, reveal);
    await expectNoSidewaysScroll(page);
    await reveal.getByRole("button", { name: "Done" }).click();
    const warning = page.getByRole("alertdialog", { name: "Close without copying?" });
    await warning.getByRole("button", { name: "Close anyway" }).click();
    await expect(reveal).toBeHidden();

    // Every part of the row is on screen, not only the name and half the key.
    const row = rowOf(page, name);
    await expectNoSidewaysScroll(page);
    await expectHorizontallyOnScreen(page, row);
    const toggle = row.getByRole("switch", { name: `Key ${name} active` });
    const actions = row.getByRole("button", { name: `Actions for ${name}` });
    for (const part of [toggle, actions, row.getByText("Never"), row.getByText(/swb_sk_/)]) {
      await expectHorizontallyOnScreen(page, part);
    }

    let answered = nextServerAction(page);
    await toggle.click();
    await expect(row).toContainText("Disabled");
    await answered;
    answered = nextServerAction(page);
    await toggle.click();
    await expect(row).toContainText("Active");
    await answered;

    await actions.click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectWithinViewport(page, page.getByRole("menu"));
    await expectNoSidewaysScroll(page);
    await page.getByRole("menuitem", { name: "Revoke" }).click();

    const confirm = page.getByRole("dialog", { name: "Revoke API key" });
    await expectWithinViewport(page, confirm);
    await expectNoSidewaysScroll(page);
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toHaveCount(0);
    await expectNoSidewaysScroll(page);
  });
});

for (const viewport of [PHONE, DESKTOP]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("focus returns to what opened each dialog, or to the next row after a revoke", async ({ keysPage: page }) => {
      const first = uniqueName("focus-a");
      const second = uniqueName("focus-b");
      const generateButton = page.getByRole("button", { name: "Generate API Key" });

      // Generate: Cancel, then Escape.
      await generateButton.click();
      const generate = page.getByRole("dialog", { name: "Generate API Key" });
      await generate.getByRole("button", { name: "Cancel" }).click();
      await expect(generate).toBeHidden();
      await expect(generateButton).toBeFocused();
      await generateButton.click();
      await expect(generate).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(generate).toBeHidden();
      await expect(generateButton).toBeFocused();

      // Reveal: Done after copying, and "Close anyway" without.
      await generateKey(page, first);
      await copyAndClose(page);
      await expect(generateButton).toBeFocused();
      await generateKey(page, second);
      await page.getByRole("button", { name: "Done" }).click();
      await page.getByRole("button", { name: "Close anyway" }).click();
      await expect(page.getByRole("dialog", { name: "Save your API key" })).toBeHidden();
      await expect(generateButton).toBeFocused();

      // Revoke, escaped: back to the row's menu button.
      const actionsOf = (name: string) => page.getByRole("button", { name: `Actions for ${name}`, exact: true });
      await actionsOf(first).click();
      await page.getByRole("menuitem", { name: "Revoke" }).click();
      const confirm = page.getByRole("dialog", { name: "Revoke API key" });
      await expect(confirm).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(confirm).toBeHidden();
      await expect(actionsOf(first)).toBeFocused();

      // Revoke, confirmed: the row is gone, so its neighbour's menu button (the next row's, else
      // the previous one's) takes focus.
      const menuButtons = await page.getByRole("button", { name: /^Actions for / }).evaluateAll((buttons) =>
        buttons.map((button) => button.getAttribute("aria-label")!),
      );
      const index = menuButtons.indexOf(`Actions for ${first}`);
      const neighbour = menuButtons[index + 1] ?? menuButtons[index - 1];
      await actionsOf(first).click();
      await page.getByRole("menuitem", { name: "Revoke" }).click();
      await confirm.getByRole("button", { name: "Revoke key" }).click();
      await expect(confirm).toBeHidden();
      await expect(rowOf(page, first)).toHaveCount(0);
      await expect(page.getByRole("button", { name: neighbour, exact: true })).toBeFocused();

      await revokeKey(page, second);
    });

    test("no serious accessibility violations with the row menu or any dialog open", async ({ keysPage: page }) => {
      const name = uniqueName("axe");
      await page.getByRole("button", { name: "Generate API Key" }).click();
      await expect(page.getByRole("dialog", { name: "Generate API Key" })).toBeVisible();
      expect(await seriousViolations(page), "Generate dialog").toEqual([]);

      await page.getByRole("dialog", { name: "Generate API Key" }).getByLabel("Name").fill(name);
      await page.getByRole("button", { name: "Generate", exact: true }).click();
      await expect(page.getByRole("dialog", { name: "Save your API key" })).toBeVisible();
      expect(await seriousViolations(page), "reveal dialog").toEqual([]);
      await page.getByRole("button", { name: "Done" }).click();
      await expect(page.getByRole("alertdialog", { name: "Close without copying?" })).toBeVisible();
      expect(await seriousViolations(page), "close-without-copying question").toEqual([]);
      await page.getByRole("button", { name: "Close anyway" }).click();

      await page.getByRole("button", { name: `Actions for ${name}` }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      expect(await seriousViolations(page), "row menu").toEqual([]);

      await page.getByRole("menuitem", { name: "Revoke" }).click();
      await expect(page.getByRole("dialog", { name: "Revoke API key" })).toBeVisible();
      expect(await seriousViolations(page), "Revoke dialog").toEqual([]);
      await page.getByRole("button", { name: "Revoke key" }).click();
      await expect(rowOf(page, name)).toHaveCount(0);
    });
  });
}

test.describe("at 1440 px", () => {
  test.use({ viewport: DESKTOP });

  test("the list keeps itself fresh: Last used appears without a reload, but never under an open dialog", async ({
    keysPage: page,
    request,
    browser,
  }) => {
    // The page's own timers run on a clock the test can move forward.
    await page.clock.install();
    await page.reload();
    const name = uniqueName("fresh");
    const key = await (await generateKey(page, name)).getByRole("textbox", { name: "API key" }).inputValue();
    await copyAndClose(page);
    const row = rowOf(page, name);
    await expect(row).toContainText("Never");

    // router.refresh() fetches the page's server components (prefetches of links do not count).
    const refreshes: string[] = [];
    page.on("request", (r) => {
      const headers = r.headers();
      if (r.method() === "GET" && headers["rsc"] === "1" && !headers["next-router-prefetch"]) refreshes.push(r.url());
    });

    // No refresh while a dialog is open, however long it stays open: what was typed stays.
    await page.getByRole("button", { name: "Generate API Key" }).click();
    await page.getByRole("dialog", { name: "Generate API Key" }).getByLabel("Name").fill("half-typed");
    await page.clock.fastForward(120_000);
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await page.waitForLoadState("networkidle");
    expect(refreshes).toEqual([]);
    await expect(page.getByRole("dialog", { name: "Generate API Key" }).getByLabel("Name")).toHaveValue("half-typed");
    await page.keyboard.press("Escape");

    // The API call's "last used" is written within seconds; the list's interval picks it up.
    expect((await request.get("/api/v1/me", { headers: { "X-API-Key": key } })).status()).toBe(200);
    await expect(async () => {
      await page.clock.fastForward(30_000);
      await expect(row).not.toContainText("Never", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    expect(refreshes.length).toBeGreaterThan(0);

    // A change made elsewhere shows up when the tab regains focus.
    const other = await browser.newContext({ storageState: "e2e/.auth/owner.json" });
    const otherPage = await other.newPage();
    await otherPage.goto("/settings/api-keys");
    const answered = nextServerAction(otherPage);
    await rowOf(otherPage, name).getByRole("switch").click();
    await answered;
    await other.close();
    await expect(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event("focus")));
      await expect(row).toContainText("Disabled", { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });

    await revokeKey(page, name);
  });

  test("the generate form counts characters, says when the limit is reached, and drops stale field errors", async ({
    keysPage: page,
  }) => {
    const existing = uniqueName("counted");
    await generateKey(page, existing);
    await copyAndClose(page);

    await page.getByRole("button", { name: "Generate API Key" }).click();
    const dialog = page.getByRole("dialog", { name: "Generate API Key" });
    const nameField = dialog.getByLabel("Name");
    const limitReached = dialog.getByRole("status").filter({ hasText: "Limit reached" });
    await expect(dialog.getByText("0/64", { exact: true })).toBeVisible();
    await nameField.fill("production");
    await expect(dialog.getByText("10/64", { exact: true })).toBeVisible();
    await expect(limitReached).toHaveCount(0);

    const sixtyFour = "k".repeat(64);
    await nameField.fill(sixtyFour);
    await expect(dialog.getByText("64/64", { exact: true })).toBeVisible();
    await expect(limitReached).toHaveCount(1);
    await nameField.press("End");
    await nameField.pressSequentially("x");
    await expect(nameField).toHaveValue(sixtyFour);

    // A field's error goes as soon as the value it was about changes.
    await nameField.fill(existing);
    await dialog.getByRole("button", { name: "Generate" }).click();
    const error = dialog.getByText("A key with this name already exists");
    await expect(error).toBeVisible();
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toBeFocused();
    await nameField.press("End");
    await nameField.pressSequentially("-2");
    await expect(error).toBeHidden();
    await expect(nameField).not.toHaveAttribute("aria-invalid");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await revokeKey(page, existing);
  });

  test("the creator's email and the role use the free space instead of being cut off", async ({ keysPage: page }) => {
    const { email } = JSON.parse(readFileSync(OWNER_CREDENTIALS, "utf8")) as { email: string };
    const name = uniqueName("widths");
    await generateKey(page, name);
    await copyAndClose(page);

    const isCutOff = (element: HTMLElement | SVGElement) => element.scrollWidth > element.clientWidth;
    const creator = rowOf(page, name).getByText(`by ${email}`);
    await expect(creator).toBeVisible();
    await expect(creator).toHaveAttribute("title", email);
    expect(await creator.evaluate(isCutOff), "creator's email is truncated").toBe(false);

    const sidebar = page.getByRole("complementary");
    const role = sidebar.getByText("Role: owner", { exact: true });
    await expect(role).toBeVisible();
    expect(await role.evaluate(isCutOff), "role is truncated").toBe(false);
    const sidebarEmail = sidebar.getByText(email, { exact: true });
    await expect(sidebarEmail).toHaveAttribute("title", email);
    expect(await sidebarEmail.evaluate(isCutOff), "sidebar email is truncated").toBe(false);

    await revokeKey(page, name);
  });
});
