// Runs last: ten failures lock this machine's IP out of sign-in for 15 minutes.
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./support";

test("after 10 failed sign-ins the next attempt is told to wait", async ({ page }) => {
  const email = uniqueEmail("throttled");
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(/Invalid email or password|Too many/);
  }
  await page.getByLabel("Password").fill("wrong-password-11");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/Too many sign-in attempts\. Try again in 1[45] minutes\./);
});
