// Every page works inside its Content-Security-Policy without tripping it, and no policy lets an
// inline script run that the page did not name: pages rendered per request carry a nonce made for
// that request, prerendered pages the hashes of their own scripts (README "Security"). The axe
// sweep (accessibility-sweep.spec.ts) also expects no violation on every page it visits, with its
// dialogs, menus and tooltips open.
import { expect, test } from "../fixtures";
import { closeRevealWithoutCopying, collectCspViolations, generateKey } from "../ui-support";

const scriptSources = (policy: string | undefined) => policy?.split("; ").find((directive) => directive.startsWith("script-src")) ?? "";

test("pages rendered per request get a new nonce each time, prerendered pages their scripts' hashes, the docs no script of Next's; none allows any inline script", async ({ request }) => {
  for (const path of ["/sign-in", "/sign-up", "/auth-error"]) {
    const [first, second] = await Promise.all([request.get(path), request.get(path)]);
    const policies = [first, second].map((response) => scriptSources(response.headers()["content-security-policy"]));
    for (const policy of policies) expect(policy, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
    expect(policies[0], `${path}: the nonce is new for each request`).not.toBe(policies[1]);
    const nonce = /'nonce-([^']+)'/.exec(policies[0]!)![1]!;
    // Every script the page carries has it, inline or not.
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  // Any unknown address, one under /docs included, is the app's prerendered 404 page, with the
  // hashes of its own scripts.
  for (const path of ["/no-such-page", "/docs/no-such-guide"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(scriptSources(response.headers()["content-security-policy"]), path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
  }
  // The docs (pages/) carry none of Next's scripts (README "Performance"): the guides, their index
  // and their search none at all, the reference only Try it's own file. Their policies allow no
  // inline script.
  for (const path of ["/docs", "/docs/authentication", "/docs/search?q=bearer", "/docs/api"]) {
    const response = await request.get(path);
    expect(scriptSources(response.headers()["content-security-policy"]), path).toMatch(/^script-src 'self'( 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic')?$/);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts, path).toEqual(path === "/docs/api" ? ['<script type="module" src="/try-it/entry.js">'] : []);
  }
});

test("signed-out pages trip no CSP violation, forms included", async ({ page }) => {
  const violations = await collectCspViolations(page);
  await page.goto("/sign-up");
  await page.waitForLoadState("networkidle");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("the guides and the API reference trip no CSP violation, Try it included", async ({ page }) => {
  const violations = await collectCspViolations(page);
  for (const path of ["/docs", "/docs/getting-started", "/docs/search?q=bearer", "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/docs/api");
  await page.getByRole("button", { name: "Try it" }).click();
  const client = page.getByRole("dialog", { name: "Interactive API client" });
  await expect(client.getByRole("heading", { name: "Authentication", exact: true }).first()).toBeVisible({ timeout: 60_000 });
  expect(violations).toEqual([]);
});

test("the dashboard's pages trip no CSP violation", async ({ newAccount }) => {
  const person = await newAccount("csp");
  const violations = await collectCspViolations(person.page);
  for (const path of ["/onboarding", "/settings/api-keys", "/agents", "/calls", "/settings/members", "/settings/general", "/settings/usage", "/settings/audit-log", "/settings/account"]) {
    await person.page.goto(path);
    await person.page.waitForLoadState("networkidle");
  }
  await person.page.goto("/settings/api-keys");
  await person.page.getByRole("button", { name: "Generate API Key" }).first().click();
  await person.page.getByRole("dialog").getByRole("button", { name: "Generate", exact: true }).click();
  await expect(person.page.getByRole("dialog")).toContainText("Give the key a name");
  expect(violations).toEqual([]);
});

// Creating or switching a workspace refreshes the dashboard. Were it to expire the root layout,
// Next would render the static pages again with new inline scripts, which their policy (made from
// the build's HTML) refuses: the reference would stay without its "Try it".
test("after a workspace is created and switched, the static pages still run inside their policy", async ({ newAccount }) => {
  const person = await newAccount("csp-switch");
  const { page } = person;
  const violations = await collectCspViolations(page);
  await generateKey(page, "before-the-switch");
  await closeRevealWithoutCopying(page);
  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("menuitem", { name: "Create workspace" }).click();
  await page.getByLabel("Workspace name").fill("CSP Second Space");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("menuitem", { name: new RegExp(person.workspace) }).click();
  await expect(page.getByText("before-the-switch")).toBeVisible();
  for (const path of ["/docs", "/docs/authentication"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/docs/api");
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByRole("dialog", { name: "Interactive API client" }).getByRole("heading", { name: "Authentication", exact: true }).first()).toBeVisible({ timeout: 60_000 });
  expect(violations).toEqual([]);
});
