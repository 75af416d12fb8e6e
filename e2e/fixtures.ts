// Playwright fixtures shared by the specs. `newAccount` signs a new person up through the real
// form, in a browser context of their own and from an address of their own (the e2e server
// trusts X-Forwarded-For), so that tests which sign people out never touch the owner's session.
import { randomInt } from "node:crypto";
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { uniqueEmail } from "./support";

export type Account = { name: string; email: string; password: string; workspace: string };
export type SignedIn = { context: BrowserContext; page: Page; ip: string };

/** An address from 198.18.0.0/15 (set aside for tests), new each time. */
export function testAddress(): string {
  return `198.${18 + randomInt(2)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

/** A browser context that comes from `ip`. */
export async function contextFrom(browser: Browser, ip = testAddress()) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ip } });
  return { context, page: await context.newPage(), ip };
}

/** Signs `account` in through the form, in a new context; lands on API Keys. */
export async function signInAs(browser: Browser, account: Account, ip?: string): Promise<SignedIn> {
  const signedIn = await contextFrom(browser, ip);
  const { page } = signedIn;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  return signedIn;
}

type Fixtures = {
  /** Signs a new person up (new workspace) and returns them signed in. */
  newAccount: (label?: string) => Promise<Account & SignedIn>;
};

export const test = base.extend<Fixtures>({
  newAccount: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (label = "person") => {
      const account: Account = {
        name: `Test ${label}`,
        email: uniqueEmail(label),
        password: "a-long-enough-password",
        workspace: `${label} workspace`,
      };
      const signedIn = await contextFrom(browser);
      contexts.push(signedIn.context);
      const { page } = signedIn;
      await page.goto("/sign-up");
      await page.getByLabel("Name", { exact: true }).fill(account.name);
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByLabel("Workspace name").fill(account.workspace);
      await page.getByRole("button", { name: "Create account" }).click();
      // A new account lands on the "Get started" checklist; these tests start from API Keys.
      await expect(page).toHaveURL(/\/onboarding$/);
      await page.goto("/settings/api-keys");
      return { ...account, ...signedIn };
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
