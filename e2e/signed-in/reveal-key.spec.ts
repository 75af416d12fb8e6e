// The reveal dialog of a new key: ready code in curl, Node.js and Python, each with the key inline
// and from SWITCHBOARD_API_KEY, the .env and .gitignore lines, and "Test key", which has the server
// call GET /api/v1/me with the key and shows the answer in the dialog.
import { expect, test } from "@playwright/test";
import { closeRevealWithoutCopying, generateKey, seriousViolations, uniqueName } from "../ui-support";

test("the reveal dialog has code in three languages and tests the key from the server", async ({ page }) => {
  const name = uniqueName("reveal");
  await page.goto("/settings/api-keys");
  const reveal = await generateKey(page, name);
  const secret = await reveal.getByRole("textbox", { name: "API key" }).inputValue();

  const tabs = reveal.getByRole("tablist", { name: "Code for your key" });
  await expect(tabs.getByRole("tab")).toHaveText(["curl", "Node.js", "Python"]);
  for (const [tab, inline, fromEnv] of [
    ["curl", `-H "X-API-Key: ${secret}"`, '-H "X-API-Key: $SWITCHBOARD_API_KEY"'],
    ["Node.js", `headers: { "X-API-Key": "${secret}" }`, "process.env.SWITCHBOARD_API_KEY"],
    ["Python", `headers={"X-API-Key": "${secret}"}`, 'os.environ["SWITCHBOARD_API_KEY"]'],
  ] as const) {
    await tabs.getByRole("tab", { name: tab }).click();
    const panel = reveal.getByRole("tabpanel", { name: tab });
    await expect(panel).toContainText(inline);
    await expect(panel).toContainText(fromEnv);
  }
  await expect(reveal).toContainText(`SWITCHBOARD_API_KEY=${secret}`);
  await expect(reveal.getByRole("button", { name: "Copy .gitignore line" })).toBeVisible();
  // Arrow keys move between the tabs, as in any tab list.
  await tabs.getByRole("tab", { name: "Python" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.getByRole("tab", { name: "Node.js" })).toBeFocused();

  await reveal.getByRole("button", { name: "Test key" }).click();
  const answer = reveal.getByRole("status").filter({ hasText: "200 OK" });
  await expect(answer).toContainText(`It works: workspace`);
  await expect(answer).toContainText(`key ${name} (private)`);
  await answer.getByText("Headers and body").click();
  await expect(answer).toContainText("x-request-id: req_");
  expect(await seriousViolations(page)).toEqual([]);

  await closeRevealWithoutCopying(page);
});
