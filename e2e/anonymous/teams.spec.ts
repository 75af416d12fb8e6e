// A workspace as a team, end to end: an owner invites a member and a viewer, each accepts in a
// browser of their own; roles show in what each may do; a removed member is refused on their
// very next request; the audit log tells the story in order and exports it as CSV.
import { readFile } from "node:fs/promises";
import { contextFrom, expect, test, type Account, type SignedIn } from "../fixtures";
import { uniqueEmail } from "../support";
import { closeRevealWithoutCopying, generateKey as openRevealFor } from "../ui-support";
import type { Browser, Page } from "@playwright/test";

async function generateKey(page: Page, name: string) {
  await page.goto("/settings/api-keys");
  await openRevealFor(page, name);
  await closeRevealWithoutCopying(page);
}

async function invite(page: Page, email: string, role: "Admin" | "Member" | "Viewer"): Promise<string> {
  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite member" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption(role.toLowerCase());
  await dialog.getByRole("button", { name: "Create invite" }).click();
  const link = await dialog.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  return link;
}

/** Opens the invitation in a new browser, signs up with the invited email and accepts. */
async function acceptAsNewPerson(browser: Browser, link: string, email: string, name: string): Promise<SignedIn & Account> {
  const person = await contextFrom(browser);
  const { page } = person;
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
  await page.getByRole("link", { name: "Create an account to accept" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await expect(page.getByLabel("Workspace name")).toHaveCount(0);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: "Accept invite" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  return { ...person, name, email, password: "a-long-enough-password", workspace: "" };
}

const row = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

test("an owner's team: invite, roles, removal, and the audit log that records it all", async ({ newAccount, browser }) => {
  const owner = await newAccount("team-owner");
  await generateKey(owner.page, "shared-key");
  await generateKey(owner.page, "second-key");

  const memberEmail = uniqueEmail("member");
  const viewerEmail = uniqueEmail("viewer");
  const memberLink = await invite(owner.page, memberEmail, "Member");
  const viewerLink = await invite(owner.page, viewerEmail, "Viewer");
  await expect(row(owner.page, memberEmail)).toContainText("Member");
  await expect(owner.page.getByRole("button", { name: `Revoke invite for ${viewerEmail}` })).toBeVisible();

  const member = await acceptAsNewPerson(browser, memberLink, memberEmail, "Mia Member");
  const viewer = await acceptAsNewPerson(browser, viewerLink, viewerEmail, "Vic Viewer");

  // The member toggles and revokes keys, and is offered no Generate API Key.
  await expect(member.page.getByText(owner.workspace)).toBeVisible();
  await expect(member.page.getByRole("button", { name: "Generate API Key" })).toHaveCount(0);
  await row(member.page, "shared-key").getByRole("switch").click();
  await expect(row(member.page, "shared-key")).toContainText("Disabled");
  await member.page.getByRole("button", { name: "Actions for second-key" }).click();
  await member.page.getByRole("menuitem", { name: "Revoke" }).click();
  await member.page.getByRole("dialog", { name: "Revoke API key" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(row(member.page, "second-key")).toHaveCount(0);

  // The viewer sees the list, read-only.
  await viewer.page.reload();
  await expect(row(viewer.page, "shared-key")).toContainText("Disabled");
  await expect(viewer.page.getByRole("button", { name: "Generate API Key" })).toHaveCount(0);
  await expect(row(viewer.page, "shared-key").getByRole("switch")).toBeDisabled();
  await viewer.page.getByRole("button", { name: "Actions for shared-key" }).click();
  await expect(viewer.page.getByRole("menuitem", { name: "Revoke" })).toHaveCount(0);
  await viewer.page.keyboard.press("Escape");
  await viewer.page.goto("/settings/audit-log");
  await expect(viewer.page.getByText(/^Only workspace owners, admins and members can do this/)).toBeVisible();
  await expect(viewer.page.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-disabled", "true");

  // The owner removes the member; the member's very next page load and action are refused.
  await owner.page.goto("/settings/members");
  await owner.page.getByRole("button", { name: `Actions for ${memberEmail}` }).click();
  await owner.page.getByRole("menuitem", { name: "Remove" }).click();
  await owner.page.getByRole("dialog", { name: "Remove member" }).getByRole("button", { name: "Remove member" }).click();
  await expect(row(owner.page, memberEmail)).toHaveCount(0);
  await expect(owner.page.getByRole("heading", { name: "Members", level: 1 })).toBeFocused();

  await row(member.page, "shared-key").getByRole("switch").click(); // the page is stale; the action is not
  await expect(member.page.getByText(/Could not enable "shared-key"/)).toBeVisible();
  await member.page.goto("/settings/api-keys");
  await expect(member.page).toHaveURL(/\/workspaces\/new$/);
  await expect(member.page.getByRole("heading", { name: "Create a workspace" })).toBeVisible();

  // The audit log, newest first: every step above.
  await owner.page.goto("/settings/audit-log");
  await expect(owner.page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const sentences = await owner.page.getByRole("table", { name: "Audit events" }).locator("tbody tr > td:first-child > p").allTextContents();
  expect(sentences).toEqual([
    `${owner.email} removed ${memberEmail}`,
    `${memberEmail} revoked the key second-key`,
    `${memberEmail} disabled the key shared-key`,
    `${viewerEmail} joined as viewer`,
    `${memberEmail} joined as member`,
    `${owner.email} invited ${viewerEmail} as viewer`,
    `${owner.email} invited ${memberEmail} as member`,
    `${owner.email} generated the key second-key`,
    `${owner.email} generated the key shared-key`,
    `${owner.email} created the workspace ${owner.workspace}`,
  ]);

  const download = owner.page.waitForEvent("download");
  await owner.page.getByRole("button", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("id,occurred_at,action,description,actor_type,actor_id,actor,target_type,target_id,target,ip,user_agent,metadata");
  expect(lines).toHaveLength(sentences.length + 1);
  expect(lines.slice(1).map((line) => line.split(",")[2])).toEqual([
    "member.removed",
    "api_key.revoked",
    "api_key.disabled",
    "member.joined",
    "member.joined",
    "member.invited",
    "member.invited",
    "api_key.created",
    "api_key.created",
    "workspace.created",
  ]);

  await member.context.close();
  await viewer.context.close();
});

test("a person in two workspaces switches between them and sees each one's keys only", async ({ newAccount }) => {
  const person = await newAccount("two-spaces");
  await generateKey(person.page, "first-workspace-key");
  await person.page.getByRole("button", { name: "Switch workspace" }).click();
  await person.page.getByRole("menuitem", { name: "Create workspace" }).click();
  await person.page.getByLabel("Workspace name").fill("Second Space");
  await person.page.getByRole("button", { name: "Create workspace" }).click();
  await expect(person.page).toHaveURL(/\/settings\/api-keys$/);
  await expect(person.page.getByText("Second Space")).toBeVisible();
  await expect(person.page.getByText("No API keys yet")).toBeVisible();
  await generateKey(person.page, "second-workspace-key");
  await expect(row(person.page, "first-workspace-key")).toHaveCount(0);

  await person.page.getByRole("button", { name: "Switch workspace" }).click();
  await person.page.getByRole("menuitem", { name: new RegExp(person.workspace) }).click();
  await expect(row(person.page, "first-workspace-key")).toBeVisible();
  await expect(row(person.page, "second-workspace-key")).toHaveCount(0);
  // Remembered for the person, not the page: a reload keeps the choice.
  await person.page.reload();
  await expect(row(person.page, "first-workspace-key")).toBeVisible();
});

test("an owner renames the workspace; a member may not, and is told why", async ({ newAccount, browser }) => {
  const owner = await newAccount("renamer");
  await owner.page.goto("/settings/general");
  const name = owner.page.getByLabel("Name", { exact: true });
  await name.fill("");
  await owner.page.getByRole("button", { name: "Save name" }).click();
  await expect(owner.page.getByText("Name your workspace.")).toBeVisible();
  await expect(name).toBeFocused();
  await name.fill("Renamed Voice Co");
  await owner.page.getByRole("button", { name: "Save name" }).click();
  await expect(owner.page.getByText("Workspace renamed")).toBeVisible();
  await expect(owner.page.getByRole("complementary").getByText("Renamed Voice Co")).toBeVisible();

  const memberEmail = uniqueEmail("reader");
  const link = await invite(owner.page, memberEmail, "Member");
  const member = await acceptAsNewPerson(browser, link, memberEmail, "Rea Reader");
  await member.page.goto("/settings/general");
  await expect(member.page.getByLabel("Name", { exact: true })).toBeDisabled();
  await expect(member.page.getByRole("button", { name: "Save name" })).toBeDisabled();
  await expect(member.page.getByText("Only workspace owners and admins can do this.").first()).toBeVisible();
  await member.context.close();
});
