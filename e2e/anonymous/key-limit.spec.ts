// A workspace holds at most MAX_KEYS_PER_WORKSPACE live keys (25 on the e2e server); at the
// limit, Generate says so and what to do, and keeps what was typed.
import { randomBytes } from "node:crypto";
import { expect, test } from "../fixtures";
import { E2E_MAX_KEYS, e2eDatabase } from "../support";

test("Generate explains the key limit when the workspace is full", async ({ newAccount }) => {
  const person = await newAccount("full");
  const sql = await e2eDatabase();
  try {
    // Fill the workspace directly (hashes of random keys): the UI path for one key is tested elsewhere.
    await sql`
      insert into api_keys (workspace_id, type, name, hash, start, "end", created_by_type, created_by_label)
      select m.workspace_id, 'private', 'filler-' || n, md5(random()::text) || md5(random()::text), 'swb_sk_AAAA', 'ZZZZ', 'user', ${person.email}
      from memberships m join users u on u.id = m.user_id, generate_series(1, ${E2E_MAX_KEYS}) n
      where u.email = ${person.email}`;
  } finally {
    await sql.end({ timeout: 5 });
  }

  const { page } = person;
  await page.reload();
  await page.getByRole("button", { name: "Generate API Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  const name = `one-too-many-${randomBytes(2).toString("hex")}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Generate" }).click();
  await expect(dialog.getByRole("alert")).toContainText(`already has ${E2E_MAX_KEYS} active API keys`);
  await expect(dialog.getByRole("alert")).toContainText("Revoke keys you no longer use");
  await expect(dialog.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByRole("dialog", { name: "Save your API key" })).toHaveCount(0);
});
