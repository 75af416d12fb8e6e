// The interface outside the key list, for visitors and new accounts: focus after failed forms
// and after revoking the last key, and pages that used to be dead ends (404, Auth.js errors).
import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures";
import { nextServerAction, OWNER_CREDENTIALS } from "../support";
import {
  DESKTOP,
  PHONE,
  closeRevealWithoutCopying,
  expectNoSidewaysScroll,
  generateKey,
  seriousViolations,
  uniqueName,
} from "../ui-support";

for (const viewport of [PHONE, DESKTOP]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("after a failed sign-in or sign-up, focus goes to the error, not to the page", async ({ page }) => {
      const owner = JSON.parse(readFileSync(OWNER_CREDENTIALS, "utf8")) as { email: string };
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(owner.email);
      await page.getByLabel("Password").fill("not-the-password");
      let answered = nextServerAction(page);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await answered;
      const error = page.locator("form").getByRole("alert");
      await expect(error).toHaveText("Invalid email or password.");
      await expect(error).toBeFocused();

      // Several invalid fields: the first one takes focus, and typing there clears its error.
      await page.goto("/sign-up");
      await page.getByLabel("Email").fill("someone@example.com");
      await page.getByLabel("Password").fill("short");
      answered = nextServerAction(page);
      await page.getByRole("button", { name: "Create account" }).click();
      await answered;
      const name = page.getByLabel("Name", { exact: true });
      await expect(page.getByText("Enter your name.")).toBeVisible();
      await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
      await expect(name).toBeFocused();
      await name.pressSequentially("Grace");
      await expect(page.getByText("Enter your name.")).toBeHidden();
      await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    });

    test("the 404 page and the sign-in error page look like the app and lead back", async ({ page }) => {
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page.getByText("Switchboard", { exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Back to Switchboard" }).click();
      await expect(page).toHaveURL(/\/sign-in$/);

      // Auth.js sends its errors to our page instead of its own.
      await page.goto("/api/auth/error?error=Configuration");
      await expect(page).toHaveURL(/\/auth-error\?error=Configuration$/);
      await expect(page.getByRole("heading", { name: "Could not sign you in" })).toBeVisible();
      await expect(page.getByText("Signing in is not working on our side")).toBeVisible();
      await expectNoSidewaysScroll(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Back to sign in" }).click();
      await expect(page).toHaveURL(/\/sign-in$/);

      // An unknown code gets plain words too, and the query text is never shown.
      await page.goto("/auth-error?error=%3Cb%3Eowned%3C%2Fb%3E");
      await expect(page.getByText("Something went wrong while signing you in")).toBeVisible();
      await expect(page.getByText("owned")).toHaveCount(0);
    });
  });
}

test("revoking the last key moves focus to the page heading", async ({ newAccount }) => {
  const { page } = await newAccount("last-key");
  await page.setViewportSize(DESKTOP);
  const name = uniqueName("only");
  await generateKey(page, name);
  await closeRevealWithoutCopying(page);
  await expect(page.getByRole("button", { name: "Generate API Key" })).toBeFocused();

  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: "Revoke API key" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeFocused();
});
