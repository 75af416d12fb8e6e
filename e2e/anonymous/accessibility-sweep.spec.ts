// The accessibility sweep: axe on every page of the app, in the light and the dark theme, and again
// with each of its dialogs, menus and tooltips open; no serious or critical finding anywhere, and
// no Content-Security-Policy violation.
// Scalar's own markup is the one exemption, while its Try-it client is open. The pages are one
// array, SWEPT_PAGES: a page added under app/ fails "the sweep lists every page" until it is listed.
// Also here: the Theme radio group, whose choice is a cookie the server reads (README "Dark mode").
import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, signInAs, test, type Account } from "../fixtures";
import { e2eDatabase, TEST_PASSWORD, TEST_PASSWORD_HASH, uniqueEmail } from "../support";
import { collectCspViolations, DESKTOP, generateKey, uniqueName } from "../ui-support";

type Theme = "light" | "dark";
type Who = "anonymous" | "owner" | "viewer";

/** What the sweep creates first, so that every page has something to show. */
type Seeded = { keyName: string; keyId: string; agentName: string; memberEmail: string; inviteToken: string; workspace: string };

/** Opens a dialog, menu or tooltip and returns it; Escape closes it again unless `close` says otherwise. */
type Overlay = { name: string; open: (page: Page, seeded: Seeded) => Promise<Locator>; exclude?: string[] };

type SweptPage = {
  /** `:name` parts are filled from Seeded. */
  path: string;
  /** The page's level-1 heading, which proves the right page (not a redirect) is under test. */
  heading: string | ((seeded: Seeded) => string);
  as: Who;
  status?: number;
  overlays?: Overlay[];
};

const menu = (page: Page) => page.getByRole("menu");
const tooltip = (page: Page) => page.getByRole("tooltip");

async function fromRowMenu(page: Page, rowName: string, item: string | RegExp, dialog: string | RegExp) {
  await page.getByRole("button", { name: `Actions for ${rowName}`, exact: true }).click();
  await page.getByRole("menuitem", { name: item }).click();
  return page.getByRole("dialog", { name: dialog });
}

const WORKSPACE_SWITCHER: Overlay = {
  name: "workspace switcher",
  open: async (page) => {
    await page.getByRole("button", { name: "Switch workspace" }).click();
    return menu(page);
  },
};

/** The exact time behind a "3 minutes ago" in the page's main content. */
const TIME_TOOLTIP: Overlay = {
  name: "time tooltip",
  open: async (page) => {
    await page.getByRole("main").locator("time[tabindex]").filter({ visible: true }).first().focus();
    return tooltip(page);
  },
};

// Every page of the app. Add a page here when you add it under app/ or pages/.
export const SWEPT_PAGES: SweptPage[] = [
  // Public pages.
  { path: "/sign-in", heading: "Sign in", as: "anonymous" },
  { path: "/sign-up", heading: "Create your account", as: "anonymous" },
  { path: "/auth-error", heading: "Could not sign you in", as: "anonymous" },
  { path: "/invite/:inviteToken", heading: ({ workspace }) => `Join ${workspace}`, as: "anonymous" },
  { path: "/no-such-page", heading: "Page not found", as: "anonymous", status: 404 },
  { path: "/docs", heading: "Switchboard docs", as: "anonymous" },
  { path: "/docs/getting-started", heading: "Getting started", as: "anonymous" },
  { path: "/docs/authentication", heading: "Authentication", as: "anonymous" },
  { path: "/docs/rotating-keys", heading: "Rotating keys safely", as: "anonymous" },
  { path: "/docs/storing-keys", heading: "Storing keys", as: "anonymous" },
  { path: "/docs/troubleshooting", heading: "Troubleshooting", as: "anonymous" },
  { path: "/docs/limits-and-usage", heading: "Limits and usage", as: "anonymous" },
  { path: "/docs/leaked-keys", heading: "Leaked keys", as: "anonymous" },
  { path: "/docs/search?q=bearer", heading: "Search the docs", as: "anonymous" },
  {
    path: "/docs/api",
    heading: "API reference",
    as: "anonymous",
    overlays: [
      {
        name: "Try it (Scalar's own markup exempt)",
        open: async (page) => {
          await page.getByRole("button", { name: "Try it" }).click();
          const client = page.getByRole("dialog", { name: "Interactive API client" });
          await expect(client.getByRole("heading", { name: "Authentication", exact: true }).first()).toBeVisible({ timeout: 60_000 });
          // Scalar opens in the page's theme.
          // The reference is static and follows the system setting (README "Dark mode").
          const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
          await expect(page.locator("body")).toHaveClass(dark ? /\bdark-mode\b/ : /\blight-mode\b/);
          return client;
        },
        exclude: [".scalar-app", "[role=dialog][aria-label='Interactive API client'] > :not(:first-child)"],
      },
    ],
  },
  // The dashboard, as its owner.
  {
    path: "/settings/api-keys",
    heading: "API Keys",
    as: "owner",
    overlays: [
      WORKSPACE_SWITCHER,
      TIME_TOOLTIP,
      {
        name: "Generate API Key dialog",
        open: async (page) => {
          await page.getByRole("button", { name: "Generate API Key" }).first().click();
          return page.getByRole("dialog", { name: "Generate API Key" });
        },
      },
      {
        name: "key row menu",
        open: async (page, { keyName }) => {
          await page.getByRole("button", { name: `Actions for ${keyName}`, exact: true }).click();
          return menu(page);
        },
      },
      { name: "Revoke confirmation", open: (page, { keyName }) => fromRowMenu(page, keyName, "Revoke", "Revoke API key") },
      { name: "Roll dialog", open: (page, { keyName }) => fromRowMenu(page, keyName, "Roll key", "Roll API key") },
    ],
  },
  { path: "/settings/api-keys/:keyId", heading: ({ keyName }) => keyName, as: "owner", overlays: [TIME_TOOLTIP] },
  {
    path: "/agents",
    heading: "Agents",
    as: "owner",
    overlays: [
      TIME_TOOLTIP,
      {
        name: "Create agent dialog",
        open: async (page) => {
          await page.getByRole("button", { name: "Create agent" }).first().click();
          return page.getByRole("dialog", { name: "Create agent" });
        },
      },
      {
        name: "agent row menu",
        open: async (page, { agentName }) => {
          await page.getByRole("button", { name: `Actions for ${agentName}`, exact: true }).click();
          return menu(page);
        },
      },
      { name: "Edit agent dialog", open: (page, { agentName }) => fromRowMenu(page, agentName, /^Edit/, "Edit agent") },
      { name: "Delete agent dialog", open: (page, { agentName }) => fromRowMenu(page, agentName, /^Delete/, "Delete agent") },
    ],
  },
  { path: "/onboarding", heading: "Get started", as: "owner" },
  { path: "/calls", heading: "Calls", as: "owner", overlays: [TIME_TOOLTIP] },
  { path: "/settings/general", heading: "General", as: "owner",
    overlays: [
      {
        name: "Leave workspace confirmation",
        open: async (page, { workspace }) => {
          await page.getByRole("button", { name: "Leave workspace" }).click();
          return page.getByRole("dialog", { name: `Leave ${workspace}?` });
        },
      },
    ],
  },
  { path: "/settings/usage", heading: "Usage", as: "owner" },
  {
    path: "/settings/members",
    heading: "Members",
    as: "owner",
    overlays: [
      TIME_TOOLTIP,
      {
        name: "Invite member dialog",
        open: async (page) => {
          await page.getByRole("button", { name: "Invite member" }).click();
          return page.getByRole("dialog", { name: "Invite member" });
        },
      },
      {
        name: "member row menu",
        open: async (page, { memberEmail }) => {
          await page.getByRole("button", { name: `Actions for ${memberEmail}`, exact: true }).click();
          return menu(page);
        },
      },
      { name: "Change role dialog", open: (page, { memberEmail }) => fromRowMenu(page, memberEmail, /^Change role/, "Change role") },
      { name: "Remove member dialog", open: (page, { memberEmail }) => fromRowMenu(page, memberEmail, /^Remove/, "Remove member") },
    ],
  },
  { path: "/settings/audit-log", heading: "Audit log", as: "owner" },
  { path: "/settings/account", heading: "Account", as: "owner", overlays: [TIME_TOOLTIP] },
  { path: "/workspaces/new", heading: "Create a workspace", as: "owner" },
  { path: "/workspaces/two-factor", heading: "Two-factor sign-in is set up", as: "owner" },
  // As a viewer: the controls the role may not use, each with the tooltip that says why.
  {
    path: "/settings/api-keys",
    heading: "API Keys",
    as: "viewer",
    overlays: [
      {
        name: "refused status switch tooltip",
        open: async (page) => {
          await page.getByRole("main").getByLabel("Only workspace owners, admins and members can do this.").first().focus();
          return tooltip(page);
        },
      },
      {
        name: "unavailable Audit log tooltip",
        open: async (page) => {
          await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).focus();
          return tooltip(page);
        },
      },
    ],
  },
];

/** Pages that only redirect, and so have nothing to sweep. */
const REDIRECT_ONLY = ["/", "/settings"];

async function expectNoSeriousViolations(page: Page, where: string, exclude: string[] = []) {
  // Toasts fade in: axe would measure a half-transparent colour.
  await page.waitForFunction(() =>
    [...document.querySelectorAll("[data-sonner-toast]")].every((toast) => getComputedStyle(toast).opacity === "1"),
  );
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary?.split("\n").slice(1).join(" ").trim()})`).join(", ")}`);
  expect(serious, where).toEqual([]);
}

/** The page is in `theme`: the attribute the server wrote, and the colours it gives. */
async function expectTheme(page: Page, theme: Theme) {
  // Pages rendered per request carry the cookie's choice; the static docs have no scope.
  const scope = page.locator("[data-theme-scope]");
  if (await scope.count()) await expect(scope).toHaveAttribute("data-theme", theme);
  // The page's background: near black in dark mode, near white in light mode.
  const lightness = await page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (r! + g! + b!) / 3;
  });
  if (theme === "dark") expect(lightness, "background lightness").toBeLessThan(40);
  else expect(lightness, "background lightness").toBeGreaterThan(240);
}

async function withTheme(context: BrowserContext, baseURL: string, theme: Theme) {
  await context.addCookies([{ name: "theme", value: theme, url: baseURL }]);
}

/** A key, an agent, a call, usage, a second member and a pending invitation in a new workspace. */
async function seed(owner: Account & { page: Page }, baseURL: string, theme: Theme, browser: Browser) {
  const { page } = owner;
  const keyName = uniqueName("sweep-key");
  await page.goto("/settings/api-keys");
  const reveal = await generateKey(page, keyName);
  // The dialogs of the generate flow, on the way.
  await expectNoSeriousViolations(page, `${theme}: reveal dialog`);
  const secret = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("alertdialog", { name: "Close without copying?" })).toBeVisible();
  await expectNoSeriousViolations(page, `${theme}: close without copying?`);
  await page.getByRole("button", { name: "Close anyway" }).click();
  await expect(reveal).toBeHidden();

  const agentName = uniqueName("sweep-agent");
  await page.goto("/agents");
  await page.getByRole("button", { name: "Create agent" }).first().click();
  const create = page.getByRole("dialog", { name: "Create agent" });
  await create.getByLabel("Name").fill(agentName);
  await create.getByLabel("First message").fill("Hello, this is the sweep.");
  await create.getByRole("button", { name: "Create agent" }).click();
  await expect(create).toBeHidden();

  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite member" });
  await invite.getByLabel("Email").fill(uniqueEmail("sweep-invitee"));
  await invite.getByRole("button", { name: "Create invite" }).click();
  const link = await invite.getByRole("textbox", { name: "Invite link" }).inputValue();
  await invite.getByRole("button", { name: "Done" }).click();

  const memberEmail = uniqueEmail("sweep-member");
  const viewer: Account = { name: "Vera Viewer", email: uniqueEmail("sweep-viewer"), password: TEST_PASSWORD, workspace: owner.workspace };
  const sql = await e2eDatabase();
  let keyId = "";
  let agentId = "";
  try {
    const [workspace] = await sql`select m.workspace_id as id from memberships m join users u on u.id = m.user_id where u.email = ${owner.email}`;
    keyId = (await sql<{ id: string }[]>`select id from api_keys where name = ${keyName}`)[0]!.id;
    agentId = (await sql<{ id: string }[]>`select id from agents where name = ${agentName}`)[0]!.id;
    for (const [person, role] of [[{ name: "Mo Member", email: memberEmail }, "member"], [viewer, "viewer"]] as const) {
      const [user] = await sql`insert into users (name, email, password_hash, active_workspace_id)
        values (${person.name}, ${person.email}, ${TEST_PASSWORD_HASH}, ${workspace!.id}) returning id`;
      await sql`insert into memberships (workspace_id, user_id, role) values (${workspace!.id}, ${user!.id}, ${role})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }

  // A call and some usage, from outside the browser as a program would.
  const headers = { "X-API-Key": secret, "Content-Type": "application/json" };
  expect((await fetch(`${baseURL}/api/v1/me`, { headers })).status).toBe(200);
  const call = await fetch(`${baseURL}/api/v1/calls`, { method: "POST", headers, body: JSON.stringify({ agent_id: agentId, to_number: "+14155552671" }) });
  expect(call.status).toBe(201);

  const seeded: Seeded = { keyName, keyId, agentName, memberEmail, inviteToken: link.split("/invite/")[1]!, workspace: owner.workspace };
  const viewerSession = await signInAs(browser, viewer);
  return { seeded, viewerSession };
}

function fill(template: string, seeded: Seeded) {
  return template.replace(/:(\w+)/g, (_, name: keyof Seeded) => encodeURIComponent(seeded[name]));
}

// Public and dashboard pages apart, so that each test stays a few minutes long.
for (const [theme, group] of [["light", "public"], ["light", "dashboard"], ["dark", "public"], ["dark", "dashboard"]] as const) {
  test(`${group} pages and their dialogs, menus and tooltips in the ${theme} theme have no serious or critical axe finding`, async ({ newAccount, page, browser, baseURL }) => {
    test.setTimeout(900_000);
    const owner = await newAccount(`sweep-${theme}`);
    await owner.page.setViewportSize(DESKTOP);
    await page.setViewportSize(DESKTOP);
    await withTheme(owner.context, baseURL!, theme);
    await withTheme(page.context(), baseURL!, theme);
    const { seeded, viewerSession } = await seed(owner, baseURL!, theme, browser);
    await withTheme(viewerSession.context, baseURL!, theme);
    await viewerSession.page.setViewportSize(DESKTOP);
    const pageOf: Record<Who, Page> = { anonymous: page, owner: owner.page, viewer: viewerSession.page };
    // No page trips its Content-Security-Policy either, with any of its overlays open.
    const cspViolations: Record<Who, string[]> = {
      anonymous: await collectCspViolations(page),
      owner: await collectCspViolations(owner.page),
      viewer: await collectCspViolations(viewerSession.page),
    };

    for (const swept of SWEPT_PAGES.filter((entry) => (entry.as === "anonymous") === (group === "public"))) {
      const tab = pageOf[swept.as];
      const where = `${theme}: ${swept.path} as ${swept.as}`;
      // The system setting agrees with the cookie: the static docs follow the former.
      await tab.emulateMedia({ colorScheme: theme });
      const response = await tab.goto(fill(swept.path, seeded));
      expect(response!.status(), where).toBe(swept.status ?? 200);
      const heading = typeof swept.heading === "function" ? swept.heading(seeded) : swept.heading;
      await expect(tab.getByRole("heading", { name: heading, level: 1, exact: true }), where).toBeVisible();
      await expectTheme(tab, theme);
      // SWEEP_SCREENSHOTS=1: a picture of each page in each theme, to look at by eye.
      if (process.env.SWEEP_SCREENSHOTS) await tab.screenshot({ path: `test-results/sweep/${theme}${swept.path.replace(/[/?=:]+/g, "-")}-${swept.as}.png`, fullPage: true });
      await expectNoSeriousViolations(tab, where);
      for (const overlay of swept.overlays ?? []) {
        const opened = await overlay.open(tab, seeded);
        await expect(opened, `${where}, ${overlay.name}`).toBeVisible();
        await expectNoSeriousViolations(tab, `${where}, ${overlay.name}`, overlay.exclude);
        await tab.keyboard.press("Escape");
        await expect(opened, `${where}, ${overlay.name} closes`).toBeHidden();
      }
      expect(cspViolations[swept.as], `${where}: CSP violations`).toEqual([]);
    }
    await viewerSession.context.close();
  });
}

test("the sweep lists every page under app/ and pages/", () => {
  // A dynamic segment is swept by any value of it: /docs/[slug] by the guides listed.
  const swept = SWEPT_PAGES.map((page) => page.path.split("?")[0]!.replace(/:\w+/g, "x"));
  const unswept = [...pagesUnder("app"), ...pagesRouterPages()].filter((route) => {
    const matcher = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
    return !REDIRECT_ONLY.includes(route) && !swept.some((path) => matcher.test(path));
  });
  expect(unswept).toEqual([]);
});

test("the sweep lists every guide the docs index links to", async ({ page }) => {
  await page.goto("/docs");
  const guides = await page.getByRole("main").getByRole("link").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  expect(guides.length).toBeGreaterThan(3);
  for (const guide of guides) expect(SWEPT_PAGES.map((swept) => swept.path), guide).toContain(guide);
});

test("the Theme radio group sets a cookie the server reads: the first paint is in the chosen theme", async ({ newAccount, browser, baseURL }) => {
  const { page, context } = await newAccount("theme");
  const theme = page.getByRole("radiogroup", { name: "Theme" });
  // As a person does: the radios themselves are visually hidden behind their labels.
  const choose = async (name: string) => {
    await theme.getByText(name, { exact: true }).click();
    await expect(theme.getByRole("radio", { name })).toBeChecked();
  };
  await expect(theme.getByRole("radio")).toHaveCount(3);
  await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();
  await expect(page.locator("[data-theme-scope]")).not.toHaveAttribute("data-theme");

  await choose("Dark");
  await expectTheme(page, "dark");
  expect((await context.cookies()).find((cookie) => cookie.name === "theme")?.value).toBe("dark");
  // The server's HTML already carries it on every page rendered per request; the static docs
  // follow the system setting (README "Dark mode").
  for (const url of ["/settings/api-keys", "/sign-in"]) {
    expect(await (await page.request.get(url)).text(), url).toContain('data-theme="dark"');
  }
  for (const url of ["/docs", "/docs/api"]) expect(await (await page.request.get(url)).text(), url).not.toContain('data-theme="dark"');
  await page.reload();
  await expectTheme(page, "dark");
  await expect(theme.getByRole("radio", { name: "Dark" })).toBeChecked();
  // The keyboard moves through the choices, as in any radio group.
  await theme.getByRole("radio", { name: "Dark" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(theme.getByRole("radio", { name: "Light" })).toBeChecked();
  await expectTheme(page, "light");

  // System follows the operating system's setting, through CSS alone.
  await choose("System");
  await expect(page.locator("[data-theme-scope]")).not.toHaveAttribute("data-theme");
  expect((await context.cookies()).find((cookie) => cookie.name === "theme")?.value).toBe("system");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background()).not.toBe(dark);
  await expect(page.locator("[data-theme-scope]")).not.toHaveAttribute("data-theme");

  // A browser that never chose is on System too.
  const other = await browser.newContext({ colorScheme: "dark" });
  const visitor = await other.newPage();
  await visitor.goto(`${baseURL}/sign-in`);
  expect(await visitor.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  await other.close();
});

/** The URL path of every page.tsx under `dir`: route groups dropped, dynamic segments as [name]. */
function pagesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, route: string[]) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), /^\(.*\)$/.test(entry.name) ? route : [...route, entry.name]);
      else if (entry.name === "page.tsx") found.push(`/${route.join("/")}`);
    }
  };
  walk(dir, []);
  return found;
}

/** The URL path of every page under pages/: index.tsx is its folder's path; _app and _document are not pages. An unknown address under /docs is app/not-found.tsx's, swept as /no-such-page. */
function pagesRouterPages(): string[] {
  const found: string[] = [];
  const walk = (folder: string, route: string[]) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = entry.name.replace(/\.tsx$/, "");
      if (entry.isDirectory()) walk(path.join(folder, entry.name), [...route, entry.name]);
      else if (!name.startsWith("_")) found.push(`/${[...route, ...(name === "index" ? [] : [name])].join("/")}`);
    }
  };
  walk("pages", []);
  return found;
}
