// The lists at scale (README "Lists"): among 10,000 keys a search finds one by name and the URL
// holds the query; a filter, a page size and a page survive a reload; a filter that matches
// nothing says what it looked for. Keys are inserted straight into the e2e database.
import { randomBytes } from "node:crypto";
import { expect, test } from "../fixtures";
import { e2eDatabase } from "../support";
import { rowOf } from "../ui-support";

async function seedKeys(email: string, count: number, extra: string[] = []) {
  const sql = await e2eDatabase();
  try {
    const [row] = await sql`select m.workspace_id from memberships m join users u on u.id = m.user_id where u.email = ${email}`;
    const workspaceId = row!.workspace_id as string;
    // Every tenth key disabled; created a second apart, so the newest is bulk-10000.
    await sql`insert into api_keys (workspace_id, type, name, hash, start, "end", status, created_by_type, created_by_label, created_at)
      select ${workspaceId}, 'private', 'bulk-' || lpad(n::text, 5, '0'), md5(random()::text) || md5(random()::text), 'swb_sk_AAAA', 'ZZZZ',
        case when n % 10 = 0 then 'disabled'::api_key_status else 'active'::api_key_status end, 'user', 'seed@example.com',
        now() - interval '1 day' + n * interval '1 second'
      from generate_series(1, ${count}) n`;
    for (const name of extra) {
      await sql`insert into api_keys (workspace_id, type, name, hash, start, "end", created_by_type, created_by_label, created_at)
        values (${workspaceId}, 'private', ${name}, ${randomBytes(32).toString("hex")}, 'swb_sk_AAAA', 'ZZZZ', 'user', 'seed@example.com', now() - interval '2 days')`;
    }
    await sql`analyze api_keys`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const bodyRows = (page: import("@playwright/test").Page) => page.getByRole("row").filter({ has: page.getByRole("cell") });

test("a search for one name among 10,000 keys finds it, and the URL holds the query", async ({ newAccount }) => {
  const owner = await newAccount("lists-search");
  const needle = `needle-${randomBytes(3).toString("hex")}`;
  await seedKeys(owner.email, 10_000, [needle]);
  const { page } = owner;
  // Once the page's script runs, a change applies at once (before, the form would need its Filter button).
  await page.goto("/settings/api-keys", { waitUntil: "networkidle" });
  await expect(page.getByText("1–20 of 10,001 keys")).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(20);
  await expect(rowOf(page, "bulk-10000")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search keys" }).fill(needle);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${needle}(&|$)`));
  await expect(rowOf(page, needle)).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.getByText("1–1 of 1 keys")).toBeVisible();

  // The URL is the state: a reload (or a shared link) shows the same search.
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search keys" })).toHaveValue(needle);
  await expect(rowOf(page, needle)).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);
});

test("a filter, a page size and a page survive a reload; an empty filter says what it looked for", async ({ newAccount }) => {
  const owner = await newAccount("lists-filter");
  await seedKeys(owner.email, 10_000);
  const { page } = owner;
  await page.goto("/settings/api-keys", { waitUntil: "networkidle" });
  await expect(page.getByText("1–20 of 10,000 keys")).toBeVisible();

  await page.getByRole("combobox", { name: "Status" }).selectOption("disabled");
  await expect(page).toHaveURL(/[?&]status=disabled/);
  await expect(page.getByText("1–20 of 1,000 keys")).toBeVisible();
  await page.getByRole("combobox", { name: "Rows per page" }).selectOption("50");
  await expect(page).toHaveURL(/[?&]limit=50/);
  await expect(page.getByText("1–50 of 1,000 keys")).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(50);
  // Newest first: bulk-10000 is disabled (every tenth key is).
  await expect(bodyRows(page).first()).toContainText("bulk-10000");
  await expect(bodyRows(page).first()).toContainText("Disabled");

  await page.getByRole("link", { name: "Older keys" }).click();
  await expect(page.getByText("51–100 of 1,000 keys")).toBeVisible();
  await expect(bodyRows(page).first()).toContainText("bulk-09500");
  await page.reload();
  await expect(page.getByText("51–100 of 1,000 keys")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("disabled");
  await expect(page.getByRole("combobox", { name: "Rows per page" })).toHaveValue("50");
  await page.getByRole("link", { name: "Newer keys" }).click();
  await expect(page.getByText("1–50 of 1,000 keys")).toBeVisible();
  await expect(bodyRows(page).first()).toContainText("bulk-10000");

  // Sorted by name from the column header.
  await page.waitForLoadState("networkidle");
  await page.getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(bodyRows(page).first()).toContainText(/bulk-(00010|10000)/);

  // Nothing revoked yet: the empty state names the filter.
  await page.getByRole("combobox", { name: "Status" }).selectOption("revoked");
  await expect(page.getByRole("heading", { name: "No revoked keys" })).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByText(/^1–50 of 10,000 keys$/)).toBeVisible();
});
