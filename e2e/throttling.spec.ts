// Runs last: ten failures lock this machine's IP out of sign-in for 15 minutes.
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
  await attempt("wrong-password-1");
  await expect(alert).toHaveText("Invalid email or password.");
  // Earlier tests' failures from 127.0.0.1 count towards the IP's limit, so the lock may
  // start before the email's tenth failure; once it starts it holds.
  let locked = false;
  for (let n = 2; n <= 11; n++) {
    await attempt(`wrong-password-${n}`);
    const text = await alert.textContent();
    if (locked) expect(text).toMatch(/^Too many/);
    locked ||= /^Too many/.test(text ?? "");
  }
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
});
