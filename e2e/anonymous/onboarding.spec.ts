// The "Get started" checklist (/onboarding): a new person goes from sign-up to their first
// authenticated request in the browser; a request made from outside the browser ticks the step
// without a reload; a key that left the page's memory is pasted; roles that may not act see the
// steps read-only; and the whole path works from the keyboard alone.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { e2eDatabase } from "../support";
import { seriousViolations } from "../ui-support";

/** The checklist's step whose title holds `text`. */
const step = (page: Page, text: "first agent" | "first API key" | "first authenticated request") =>
  page.getByRole("list", { name: "Steps" }).getByRole("listitem").filter({ hasText: text });

test("a new person signs up and completes all three steps in the browser", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Grace Newcomer");
  await page.getByLabel("Email").fill(`newcomer-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByLabel("Workspace name").fill("Newcomer Labs");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Get started.*0 of 3 done/ })).toBeVisible();
  for (const text of ["first agent", "first API key", "first authenticated request"] as const) await expect(step(page, text)).not.toContainText("Done");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(step(page, "first agent")).toContainText("Done");
  await expect(step(page, "first agent")).toContainText("Support line");
  await expect(page.getByRole("link", { name: /Get started.*1 of 3 done/ })).toBeVisible();

  await page.getByRole("button", { name: "Generate API Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await expect(dialog.getByLabel("Name")).toHaveValue("production");
  await dialog.getByRole("button", { name: "Generate" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();
  await expect(step(page, "first API key")).toContainText("Done");
  // Focus waits on the next step.
  await expect(page.getByRole("button", { name: "Send test request" })).toBeFocused();

  // The key is still in the page's memory: no paste needed.
  await expect(page.getByLabel("API key")).toHaveCount(0);
  await page.getByRole("button", { name: "Send test request" }).click();
  // The answer (status, headers, body) stays on the completed step.
  const third = step(page, "first authenticated request");
  await expect(third).toContainText("Done");
  await expect(third).toContainText("200 OK");
  await expect(third).toContainText("x-request-id: req_");
  await expect(third).toContainText('"type": "private"');
  await expect(page.getByRole("heading", { name: "You are all set" })).toBeVisible();
  // Complete: the navigation no longer carries the checklist.
  await expect(page.getByRole("link", { name: /Get started/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("a request from outside the browser ticks step 3 without a reload", async ({ newAccount, baseURL }) => {
  const person = await newAccount("outside");
  const { page } = person;
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Generate API Key" }).click();
  await page.getByRole("dialog", { name: "Generate API Key" }).getByRole("button", { name: "Generate" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const secret = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "Close without copying?" }).getByRole("button", { name: "Close anyway" }).click();
  await expect(step(page, "first authenticated request")).not.toContainText("Done");
  // Let the page's event stream open before the request, as a person reading the page would.
  await page.waitForTimeout(500);

  // What a person's terminal would do: curl, here fetch, from this test process.
  const answer = await fetch(`${baseURL}/api/v1/me`, { headers: { "X-API-Key": secret } });
  expect(answer.status).toBe(200);
  const sent = Date.now();
  await expect(step(page, "first authenticated request")).toContainText("Done", { timeout: 2_000 });
  expect(Date.now() - sent).toBeLessThan(2_000);
});

test("after the page is left, Send test request asks for the key, and a wrong one shows the hint", async ({ newAccount }) => {
  const { page } = await newAccount("paste");
  await page.goto("/onboarding");
  await page.getByRole("button", { name: "Generate API Key" }).click();
  await page.getByRole("dialog", { name: "Generate API Key" }).getByRole("button", { name: "Generate" }).click();
  const secret = await page.getByRole("dialog", { name: "Save your API key" }).getByRole("textbox", { name: "API key" }).inputValue();
  await page.getByRole("dialog", { name: "Save your API key" }).getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close anyway" }).click();

  await page.reload();
  const field = page.getByLabel("API key");
  await expect(field).toBeVisible();
  await page.getByRole("button", { name: "Send test request" }).click();
  await expect(page.getByText("Paste your API key first")).toBeVisible();

  // A key copied with a character missing: the API's hint, in plain words, and the guide.
  await field.fill(secret.slice(0, -1));
  await page.getByRole("button", { name: "Send test request" }).click();
  const refused = page.getByRole("status").filter({ hasText: "401" });
  await expect(refused).toContainText("Invalid or missing API key.");
  await expect(refused.getByRole("link", { name: /Troubleshooting/ })).toBeVisible();
  await expect(step(page, "first authenticated request")).not.toContainText("Done");

  await field.fill(secret);
  await page.getByRole("button", { name: "Send test request" }).click();
  await expect(step(page, "first authenticated request")).toContainText("Done");
});

test("a viewer sees the steps read-only, with who can do them, and may dismiss the checklist", async ({ newAccount }) => {
  const person = await newAccount("viewer-onboarding");
  const sql = await e2eDatabase();
  try {
    await sql`update memberships set role = 'viewer' where user_id = (select id from users where email = ${person.email})`;
  } finally {
    await sql.end();
  }
  const { page } = person;
  await page.goto("/onboarding");
  await expect(page.getByRole("button", { name: "Create agent" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate API Key" })).toHaveCount(0);
  await expect(step(page, "first agent")).toContainText("Only workspace owners and admins can do this.");
  await expect(step(page, "first API key")).toContainText("Only workspace owners and admins can do this.");
  await expect(page.getByRole("button", { name: "Send test request" })).toBeVisible();

  await page.getByRole("button", { name: "Dismiss checklist" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("link", { name: /Get started/ })).toHaveCount(0);
});
