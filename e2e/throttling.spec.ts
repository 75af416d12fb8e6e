// Ten failures lock an email and an address out of sign-in. This test signs in from an address
// of its own (see playwright.config.ts), so the count starts at zero and nothing else is locked.
import { expect, test } from "@playwright/test";
import { nextServerAction, uniqueEmail } from "./support";

test("after 10 failed sign-ins the next attempt is told to wait", async ({ page }) => {
  const email = uniqueEmail("throttled");
  const alert = page.locator("form").getByRole("alert");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    const answered = nextServerAction(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
  };

  await page.goto("/sign-in");
  for (let n = 1; n <= 10; n++) {
    await attempt(`wrong-password-${n}`);
    await expect(alert).toHaveText("Invalid email or password.");
  }
  await attempt("wrong-password-11");
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);

  // Another email from the same address is locked out too (the IP's limit)...
  await page.getByLabel("Email").fill(uniqueEmail("neighbour"));
  await page.getByLabel("Password").fill("some-password");
  const answered = nextServerAction(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
  await expect(alert).toHaveText(/^Too many sign-in attempts/);
});
