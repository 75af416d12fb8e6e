// Sessions end when people end them: on sign-out, on "Sign out" of one device, and on
// "Sign out of all sessions", for every copy of the cookie, on the server (not just in the browser).
import AxeBuilder from "@axe-core/playwright";
import { expect, signInAs, test } from "../fixtures";

test("a session cookie copied before sign-out is refused afterwards", async ({ newAccount, browser, request }) => {
  const person = await newAccount("replay");
  const copied = await person.context.cookies();
  const cookieHeader = copied.map((c) => `${c.name}=${c.value}`).join("; ");
  // The copy works while the session lives.
  expect((await request.get("/settings/api-keys", { headers: { cookie: cookieHeader }, maxRedirects: 0 })).status()).toBe(200);

  await person.page.getByRole("button", { name: "Sign out" }).click();
  await expect(person.page).toHaveURL(/\/sign-in$/);

  const replayed = await request.get("/settings/api-keys", { headers: { cookie: cookieHeader }, maxRedirects: 0 });
  expect(replayed.status()).toBe(307);
  expect(replayed.headers().location).toMatch(/^\/sign-in/);
  expect(await replayed.text()).not.toContain(person.email);

  // And in a browser that holds the copied cookie.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const page = await thief.newPage();
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await thief.close();
});

test("Settings → Account lists this person's sessions and marks this device", async ({ newAccount, browser }) => {
  const person = await newAccount("account");
  const laptop = await signInAs(browser, person);
  const { page } = person;
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.getByText(person.email).first()).toBeVisible();

  const sessions = page.getByRole("table", { name: "Sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + two sessions
  const thisDevice = sessions.getByRole("row").filter({ hasText: "This device" });
  await expect(thisDevice).toHaveCount(1);
  await expect(thisDevice).toContainText("Chrome");
  await expect(thisDevice).toContainText(person.ip);
  await expect(thisDevice.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // "Sign out" on the other row ends that session only.
  const other = sessions.getByRole("row").filter({ hasText: laptop.ip });
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText(/^Signed out Chrome/)).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Sessions" })).toBeFocused();

  await laptop.page.goto("/settings/api-keys");
  await expect(laptop.page).toHaveURL(/\/sign-in/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await laptop.context.close();
});

test("'Sign out of all sessions' in one browser signs out both, and the old cookie is refused", async ({ newAccount, browser, request }) => {
  const person = await newAccount("everywhere");
  const second = await signInAs(browser, person);
  const cookieHeader = (await second.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  await person.page.goto("/settings/account");
  await expect(person.page.getByRole("table", { name: "Sessions" }).getByRole("row")).toHaveCount(3);
  await person.page.getByRole("button", { name: "Sign out of all sessions" }).click();
  await expect(person.page).toHaveURL(/\/sign-in$/);

  await second.page.goto("/settings/account");
  await expect(second.page).toHaveURL(/\/sign-in/);
  await person.page.goto("/settings/api-keys");
  await expect(person.page).toHaveURL(/\/sign-in/);
  const replayed = await request.get("/settings/account", { headers: { cookie: cookieHeader }, maxRedirects: 0 });
  expect(replayed.status()).toBe(307);

  // Signing in again works, and starts one fresh session.
  const again = await signInAs(browser, person);
  await again.page.goto("/settings/account");
  await expect(again.page.getByRole("table", { name: "Sessions" }).getByRole("row")).toHaveCount(2);
  await again.context.close();
  await second.context.close();
});
