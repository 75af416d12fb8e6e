// Key policies as a person sets them and as programs meet them: a public key used from a page
// on its allowed origin (and refused by the browser from another), a read-only key, and a
// rolled key whose predecessor stops when its grace period ends.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { e2eDatabase } from "../support";
import { rowOf } from "../ui-support";

/** Generates a key through the dialog with the given choices; returns its plaintext. */
async function generate(page: Page, name: string, choose: (dialog: ReturnType<Page["getByRole"]>) => Promise<void> = async () => {}) {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Generate API Key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await dialog.getByLabel("Name").fill(name);
  await choose(dialog);
  await dialog.getByRole("button", { name: "Generate" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const key = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close anyway" }).click();
  await expect(reveal).toBeHidden();
  return key;
}

async function insertAgent(email: string) {
  const sql = await e2eDatabase();
  try {
    const [row] = await sql`insert into agents (workspace_id, name, voice, first_message, created_by_type, created_by_label)
      select m.workspace_id, 'Web agent', 'aria', 'Hello from the web', 'user', ${email}
      from memberships m join users u on u.id = m.user_id where u.email = ${email} returning id`;
    return row!.id as string;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A page that, once opened, starts a call with the key of the moment and prints the outcome. */
function servePage(apiBase: string, page: { key: string; agentId: string }): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><title>Widget</title><body><p id="result">pending</p><script>
      fetch(${JSON.stringify(`${apiBase}/api/v1/calls`)}, {
        method: "POST",
        headers: { "X-API-Key": ${JSON.stringify(page.key)}, "Content-Type": "application/json" },
        body: JSON.stringify({ agent_id: ${JSON.stringify(page.agentId)}, to_number: "+14155552671" }),
      }).then(async (r) => { document.getElementById("result").textContent = "status " + r.status + " " + (await r.json()).status; },
              (e) => { document.getElementById("result").textContent = "blocked: " + e.name; });
    </script></body></html>`);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("a public key works from a page on its allowed origin, and the browser refuses it elsewhere", async ({ newAccount, baseURL, browser }) => {
  const person = await newAccount("public-key");
  const widget = { key: "", agentId: await insertAgent(person.email) };
  // The same page on two more ports of this machine: the key allows the first only.
  const servers = [await servePage(baseURL!, widget), await servePage(baseURL!, widget)];
  const [allowedPort, otherPort] = servers.map((server) => (server.address() as AddressInfo).port);
  try {
    widget.key = await generate(person.page, "website", async (dialog) => {
      await dialog.getByRole("radiogroup", { name: "Key type" }).getByRole("radio", { name: "Public", exact: true }).check();
      await dialog.getByRole("textbox", { name: "Allowed origins" }).fill(`http://localhost:${allowedPort}`);
    });
    expect(widget.key).toMatch(/^swb_pk_/);
    await expect(rowOf(person.page, "website")).toContainText("Public");
    await expect(rowOf(person.page, "website")).toContainText("1 origin");

    // A visitor's browser, with nothing of the test's own (no forwarding headers).
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    await page.goto(`http://localhost:${allowedPort}/`);
    await expect(page.locator("#result")).toHaveText("status 201 queued");
    await page.goto(`http://localhost:${otherPort}/`);
    await expect(page.locator("#result")).toHaveText("blocked: TypeError");
    await visitor.close();
  } finally {
    for (const server of servers) server.close();
  }
});

test("a read-only key lists calls but cannot start one", async ({ newAccount, request }) => {
  const person = await newAccount("read-only");
  const agentId = await insertAgent(person.email);
  const key = await generate(person.page, "reporting", async (dialog) => {
    await dialog.getByRole("combobox", { name: "Permissions" }).selectOption({ label: "Read only" });
  });
  await expect(rowOf(person.page, "reporting")).toContainText("Read only");
  const listed = await request.get("/api/v1/calls", { headers: { "X-API-Key": key } });
  expect(listed.status()).toBe(200);
  expect(await listed.json()).toEqual({ data: [], next_cursor: null });
  const started = await request.post("/api/v1/calls", { headers: { "X-API-Key": key }, data: { agent_id: agentId, to_number: "+14155552671" } });
  expect(started.status()).toBe(403);
  expect((await started.json()).error).toMatchObject({ code: "forbidden", message: "This key lacks the permission calls:write." });
});

test("a rolled key and its predecessor both work during the grace period, only the new one after it", async ({ newAccount, request }) => {
  const person = await newAccount("roller");
  const old = await generate(person.page, "production");
  const page = person.page;
  await page.getByRole("button", { name: "Actions for production", exact: true }).click();
  await page.getByRole("menuitem", { name: "Roll key" }).click();
  const roll = page.getByRole("dialog", { name: "Roll API key" });
  await roll.getByRole("combobox", { name: "Keep the old key working for" }).selectOption({ label: "1 hour" });
  await roll.getByRole("button", { name: "Roll key" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const fresh = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await reveal.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close anyway" }).click();
  await expect(rowOf(page, "production (rolled)")).toContainText(/Rolled: stops in (60 minutes|1 hour)/);
  await expect(rowOf(page, "production")).toBeVisible();

  const me = (key: string) => request.get("/api/v1/me", { headers: { "X-API-Key": key } });
  expect((await me(old)).status()).toBe(200);
  expect((await me(fresh)).status()).toBe(200);

  // The grace period passes: move the old key's end into the past, as the clock would, and tell
  // the servers (the same NOTIFY a change in the dashboard sends).
  const sql = await e2eDatabase();
  try {
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(old).digest("hex");
    await sql`update api_keys set expires_at = now() - interval '1 second' where hash = ${hash}`;
    await sql`select pg_notify('switchboard_api_key_changed', ${hash})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  await expect(async () => expect((await me(old)).status()).toBe(401)).toPass({ timeout: 5_000 });
  expect((await (await me(old)).json()).error.hint).toMatch(/rolled/);
  expect((await me(fresh)).status()).toBe(200);
});

test("a key's page shows its policy and edits it", async ({ newAccount, request }) => {
  const person = await newAccount("editor");
  const key = await generate(person.page, "editable");
  const page = person.page;
  await page.getByRole("button", { name: "Actions for editable", exact: true }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "editable", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Permissions" }).selectOption({ label: "Restricted" });
  await page.getByRole("combobox", { name: "Calls" }).selectOption("read");
  await page.getByRole("group", { name: /More restrictions/ }).or(page.getByText("More restrictions")).first().click();
  await page.getByRole("textbox", { name: "Allowed IP addresses" }).fill("not-an-ip");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/is not an IP address/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Allowed IP addresses" })).toBeFocused();
  await page.getByRole("textbox", { name: "Allowed IP addresses" }).fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Saved: "editable" applied on (\d+) of \1 servers in \d+ ms/)).toBeVisible();
  await page.reload();
  await expect(page.getByText("calls: read")).toBeVisible();
  const started = await request.post("/api/v1/calls", { headers: { "X-API-Key": key }, data: { agent: { name: "x", voice: "y", first_message: "z" }, to_number: "+14155552671" } });
  expect(started.status()).toBe(403);
});

test("old and dormant keys wear hygiene badges, and an admin turns on disabling unused keys", async ({ newAccount }) => {
  const person = await newAccount("hygiene");
  const page = person.page;
  await generate(page, "dormant");
  await generate(page, "fresh");
  // Age one key by 100 days (never used), the way time would.
  const sql = await e2eDatabase();
  try {
    await sql`update api_keys set created_at = now() - interval '100 days'
      where name = 'dormant' and workspace_id = (select m.workspace_id from memberships m join users u on u.id = m.user_id where u.email = ${person.email})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  await page.reload();
  await expect(rowOf(page, "dormant").getByText("Rotate", { exact: true })).toBeVisible();
  await expect(rowOf(page, "dormant").getByText("Unused 30+ days", { exact: true })).toBeVisible();
  await expect(rowOf(page, "fresh").getByText("Rotate", { exact: true })).toHaveCount(0);
  await expect(rowOf(page, "fresh").getByText("Unused 30+ days", { exact: true })).toHaveCount(0);

  await page.goto("/settings/general");
  const section = page.getByRole("region", { name: "Key hygiene" });
  await section.getByRole("checkbox", { name: "Disable keys unused for a number of days" }).check();
  await section.getByRole("spinbutton", { name: "Days without use" }).fill("3");
  await section.getByRole("button", { name: "Save key hygiene" }).click();
  await expect(section.getByText("At least 7 days.")).toBeVisible();
  await expect(section.getByRole("spinbutton", { name: "Days without use" })).toBeFocused();
  await section.getByRole("spinbutton", { name: "Days without use" }).fill("45");
  await section.getByRole("button", { name: "Save key hygiene" }).click();
  await expect(page.getByText("Key hygiene saved")).toBeVisible();
  await page.reload();
  await expect(section.getByRole("checkbox", { name: "Disable keys unused for a number of days" })).toBeChecked();
  await expect(section.getByRole("spinbutton", { name: "Days without use" })).toHaveValue("45");
  await page.goto("/settings/audit-log");
  await expect(page.getByText(/changed the workspace's key hygiene setting/).first()).toBeVisible();
});

test("a key's rate limit and credits are set on its page, shown in the list, and enforced", async ({ newAccount, request }) => {
  const person = await newAccount("limits");
  const key = await generate(person.page, "metered");
  const page = person.page;
  await page.getByRole("button", { name: "Actions for metered", exact: true }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "metered", level: 1 })).toBeVisible();
  await page.getByRole("checkbox", { name: "No rate limit" }).uncheck();
  await page.getByRole("spinbutton", { name: "Requests per second" }).fill("1");
  await page.getByRole("spinbutton", { name: "Burst" }).fill("1");
  await page.getByRole("spinbutton", { name: "Credits" }).fill("1");
  await page.getByRole("combobox", { name: "Refill every" }).selectOption({ label: "Day" });
  await page.getByRole("spinbutton", { name: "Refill amount" }).fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/servers in \d+ ms/)).toBeVisible();

  await page.goto("/settings/api-keys");
  await expect(rowOf(page, "metered").getByText(/1 credits?/)).toBeVisible();

  // The limit: 1 a second plus a burst of 1; a third request at once is refused.
  const statuses = await Promise.all(Array.from({ length: 4 }, () => request.get("/api/v1/me", { headers: { "X-API-Key": key } })));
  const refused = statuses.find((response) => response.status() === 429);
  expect(refused, "one of four requests at once is over 1/s with a burst of 1").toBeDefined();
  expect(refused!.headers()["retry-after"]).toMatch(/^\d+$/);
  expect((await refused!.json()).error.code).toBe("rate_limited");
});
