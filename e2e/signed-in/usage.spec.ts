// Usage as a person sees it: a key used from outside the browser shows its requests on its page
// within 10 seconds (counts are flushed every 5 s, README "Usage"), the table shows the chart's
// numbers, refused requests are listed, and Settings → Usage exports what it shows.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabase } from "../support";
import { closeRevealWithoutCopying, generateKey, uniqueName } from "../ui-support";

async function keyIdOf(name: string) {
  const sql = await e2eDatabase();
  try {
    const [row] = await sql<{ id: string }[]>`select id from api_keys where name = ${name} and revoked_at is null`;
    return row!.id;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A key made in the dashboard: its plaintext and id. */
async function newKey(page: Page, label: string) {
  const name = uniqueName(label);
  await page.goto("/settings/api-keys");
  const reveal = await generateKey(page, name);
  const secret = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await closeRevealWithoutCopying(page);
  return { name, secret, id: await keyIdOf(name) };
}

test("a key used from outside shows its requests on its page within 10 seconds, and the table shows the chart's numbers", async ({ page, baseURL }) => {
  const key = await newKey(page, "usage");
  await page.goto(`/settings/api-keys/${key.id}`);
  const usage = page.getByRole("region", { name: "Usage", exact: true });
  await expect(page.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
  await expect(usage.getByText("No requests in the last 24 hours.")).toBeVisible();
  for (const range of ["24 hours", "7 days", "30 days"]) await expect(usage.getByRole("button", { name: range })).toBeVisible();
  await expect(usage.getByRole("button", { name: "24 hours" })).toHaveAttribute("aria-pressed", "true");

  // Three valid requests and one refused (a private key sent with a browser Origin), from this process.
  for (let i = 0; i < 3; i++) expect((await fetch(`${baseURL}/api/v1/me`, { headers: { "X-API-Key": key.secret } })).status).toBe(200);
  const refused = await fetch(`${baseURL}/api/v1/me`, { headers: { Authorization: `Bearer ${key.secret}`, Origin: "https://shop.example.com" } });
  expect(refused.status).toBe(403);
  const sent = Date.now();

  await expect(usage.getByText("4 requests in the last 24 hours")).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - sent).toBeLessThan(10_000);
  await expect(usage.getByRole("figure", { name: "Requests per hour, stacked by outcome" })).toBeVisible();

  await usage.getByRole("button", { name: "Show as table" }).click();
  await expect(usage.getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
  const table = usage.getByRole("table", { name: "Requests per hour by outcome" });
  await expect(table.getByRole("columnheader")).toHaveText(["Hour (UTC)", "Total", "Valid", "Private key in browser"]);
  const busy = table.getByRole("row").filter({ hasNot: page.getByRole("columnheader") }).filter({ has: page.getByRole("cell", { name: "4", exact: true }) });
  await expect(busy.getByRole("cell")).toHaveText(["4", "3", "1"]);
  // Every other hour of the 24 is there, with zeros.
  await expect(table.getByRole("row")).toHaveCount(25);

  const rejected = usage.getByRole("table", { name: /Recent rejected requests/ });
  await expect(rejected.getByRole("row").nth(1)).toContainText("Private key in browser");
  await expect(rejected.getByRole("row").nth(1)).toContainText("/api/v1/me");
  await expect(usage.getByText("Top rejection reasons")).toBeVisible();

  await usage.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(usage.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(usage.getByText("4 requests in the last 7 days")).toBeVisible();
  await expect(usage.getByRole("table", { name: "Requests per day by outcome" }).getByRole("row")).toHaveCount(8);

  // The key list's sparkline says the same, in its accessible name.
  await page.goto(`/settings/api-keys?q=${key.name}`);
  await expect(page.getByRole("img", { name: /^Requests in the last 24 hours/ })).toHaveAccessibleName("Requests in the last 24 hours: 4, 1 refused");
});

test("Settings → Usage totals the workspace's keys and exports them as CSV", async ({ page, baseURL }) => {
  const key = await newKey(page, "usage-export");
  for (let i = 0; i < 2; i++) expect((await fetch(`${baseURL}/api/v1/me`, { headers: { "X-API-Key": key.secret } })).status).toBe(200);

  await page.goto("/settings/usage");
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: key.name, exact: true }) });
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("cell").first()).toHaveText("2", { timeout: 1_000 });
  }).toPass({ timeout: 12_000 });

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = await readFile(file, "utf8");
  expect(csv.split("\n")[0]).toBe("key_id,key_name,outcome,count,from,to");
  expect(csv).toContain(`${key.id},${key.name},valid,2,`);

  // A range of days that cannot be read is said so, and the default is shown.
  await page.goto("/settings/usage?from=2026-11-20&to=2026-11-01");
  await expect(page.getByRole("alert").filter({ hasText: "The last day must not be before the first." })).toBeVisible();
});
