// Every page works inside the Content-Security-Policy without tripping it: a violation report
// means something was refused (a script, a style, an eval probe), so there must be none.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${location.pathname}: ${event.violatedDirective} refused ${event.blockedURI || "(inline)"}`,
      ),
    );
  });
  return violations;
}

test("signed-out pages trip no CSP violation, forms included", async ({ page }) => {
  const violations = await collectViolations(page);
  await page.goto("/sign-up");
  await page.waitForLoadState("networkidle");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("the dashboard's pages trip no CSP violation", async ({ newAccount }) => {
  const person = await newAccount("csp");
  const violations = await collectViolations(person.page);
  for (const path of ["/settings/api-keys", "/agents", "/calls", "/settings/members", "/settings/general", "/settings/audit-log", "/settings/account"]) {
    await person.page.goto(path);
    await person.page.waitForLoadState("networkidle");
  }
  await person.page.goto("/settings/api-keys");
  await person.page.getByRole("button", { name: "Generate API Key" }).first().click();
  await person.page.getByRole("dialog").getByRole("button", { name: "Generate", exact: true }).click();
  await expect(person.page.getByRole("dialog")).toContainText("Give the key a name");
  expect(violations).toEqual([]);
});
