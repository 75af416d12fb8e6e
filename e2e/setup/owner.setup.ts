// Signs a new owner up through the real form once and saves the session for the other tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { OWNER_CREDENTIALS, OWNER_STATE, uniqueEmail } from "../support";

setup("sign up creates the account and workspace and lands on Get started", async ({ page }) => {
  const credentials = { email: uniqueEmail("owner"), password: "a-long-enough-password" };
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Ada Owner");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByLabel("Workspace name").fill("Vaani Voice Lab");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await page.getByRole("link", { name: "API Keys" }).click();
  await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expect(page.getByText("Vaani Voice Lab")).toBeVisible();
  await expect(page.getByText(credentials.email)).toBeVisible();

  mkdirSync("e2e/.auth", { recursive: true });
  writeFileSync(OWNER_CREDENTIALS, JSON.stringify(credentials));
  await page.context().storageState({ path: OWNER_STATE });
});
