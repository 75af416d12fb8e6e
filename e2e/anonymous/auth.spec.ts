// Sign-in, sign-out and the gates in front of the dashboard, for a visitor without a session.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { nextServerAction, OWNER_CREDENTIALS } from "../support";

test("an anonymous visitor of the dashboard is sent to sign-in, then back", async ({ page, context }) => {
  const owner = JSON.parse(readFileSync(OWNER_CREDENTIALS, "utf8"));
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fapi-keys$/);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { name: "API Keys", exact: true })).toBeVisible();

  // The session cookie is out of reach of scripts and of cross-site requests.
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  // This browser is now a known device of the account (sign-in throttling spares it).
  const device = (await context.cookies()).find((c) => c.name === "switchboard-known-device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(device!.expires - Date.now() / 1000).toBeGreaterThan(300 * 24 * 3600);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const owner = JSON.parse(readFileSync(OWNER_CREDENTIALS, "utf8"));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);

  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  const answered = nextServerAction(page);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await answered;
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.com");
});

test("sign-up shows field errors and keeps what was typed", async ({ page }) => {
  const owner = JSON.parse(readFileSync(OWNER_CREDENTIALS, "utf8"));
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Grace");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Workspace name").fill("Second");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Second");

  await page.getByLabel("Password").fill("long-enough-password");
  const answered = nextServerAction(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await answered;
  await expect(page.getByText("An account with this email already exists")).toBeVisible();
});

test("/ sends an anonymous visitor to sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

for (const path of ["/sign-in", "/sign-up"]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
