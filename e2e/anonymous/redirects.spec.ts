// `?next=` after sign-in leads only to paths on our own origin, whatever it holds (the payloads
// that led off-site before: a tab stripped by URL parsing, dot segments, double slashes).
import { expect, test } from "../fixtures";

const PAYLOADS = [
  "/%09/evil.example/x",
  "/settings/..//evil.example/x",
  "/settings/%2e%2e//evil.example",
  "//evil.example/x",
  "/%5Cevil.example/x",
  "/%5C%5Cevil.example/x",
  "https://evil.example/x",
  "/%0A/evil.example/x",
];

test("a next parameter never leads sign-in off our origin", async ({ newAccount, browser, baseURL }) => {
  const person = await newAccount("redirects");
  for (const payload of PAYLOADS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${payload}`);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    expect(new URL(page.url()).origin, payload).toBe(new URL(baseURL!).origin);
    await context.close();
  }
});

test("a next parameter on our origin is followed after sign-in", async ({ newAccount, browser }) => {
  const person = await newAccount("next");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Faccount$/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await context.close();
});

test("a dashboard path with dot segments and double slashes stays on our origin", async ({ page, baseURL }) => {
  for (const path of ["/settings/%2e%2e//evil.example", "/settings/..//evil.example/x"]) {
    await page.goto(path);
    expect(new URL(page.url()).origin, path).toBe(new URL(baseURL!).origin);
  }
});
