// Leaked keys as an owner meets them (README "Leaked keys"): a key reported through the public
// endpoint is disabled, its row says "Leaked", the page's banner says where it was found, the API
// says why it refuses the key, and one click on Roll reveals the new key and ends the banner.
import { expect, test, testAddress } from "../fixtures";
import { closeRevealWithoutCopying, generateKey, rowOf, seriousViolations } from "../ui-support";

test("a key reported as leaked is disabled, flagged in the list and the banner, and rolled in one click", async ({ newAccount, request }) => {
  const { page } = await newAccount("leak");
  const reveal = await generateKey(page, "leaky");
  const secret = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await closeRevealWithoutCopying(page);
  expect((await request.get("/api/v1/me", { headers: { "X-API-Key": secret } })).status()).toBe(200);

  // Anyone may report it, without a key; the answer says nothing about the key.
  const reported = await request.post("/api/v1/leaked-keys", {
    data: { key: secret, where: "https://pastebin.example.com/raw/8Qx2" },
    headers: { "X-Forwarded-For": testAddress() },
  });
  expect(reported.status()).toBe(202);

  // The report is handled after its answer: within a second or so the API refuses the key, saying why.
  await expect
    .poll(async () => {
      const response = await request.get("/api/v1/me", { headers: { "X-API-Key": secret } });
      return response.status() === 401 ? (await response.json()).error.hint : response.status();
    })
    .toMatch(/disabled because it was found in public/);

  await page.reload();
  const row = rowOf(page, "leaky");
  await expect(row).toContainText("Leaked");
  await expect(row).toContainText("Disabled");
  const banner = page.getByRole("region", { name: /leaked/i });
  await expect(banner).toContainText("1 key was found in public and disabled: roll it");
  await expect(banner).toContainText("leaky leaked: found at https://pastebin.example.com/raw/8Qx2 by a public report");
  expect(await seriousViolations(page)).toEqual([]);

  await banner.getByRole("button", { name: "Roll leaky" }).click();
  const newKey = page.getByRole("dialog", { name: "Save your API key" });
  const successor = await newKey.getByRole("textbox", { name: "API key" }).inputValue();
  expect(successor).toMatch(/^swb_sk_/);
  expect(successor).not.toBe(secret);
  await closeRevealWithoutCopying(page);

  // The leaked key is revoked, the banner gone, and the new key works.
  await expect(banner).toBeHidden();
  await expect(rowOf(page, "leaky")).toHaveCount(1);
  await expect(rowOf(page, "leaky")).not.toContainText("Leaked");
  expect((await request.get("/api/v1/me", { headers: { "X-API-Key": successor } })).status()).toBe(200);
  expect((await request.get("/api/v1/me", { headers: { "X-API-Key": secret } })).status()).toBe(401);
});
