// Agents and Calls, as a new owner finds them: create an agent (after a mistake), edit it,
// delete it; the pages' empty states, pages, layout at 390 and 1440 px, and accessibility; a
// viewer's read-only view; calls (inserted as the API would have started them) with their
// statuses, filters and the page keeping itself current.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, signInAs, test, type Account } from "../fixtures";
import { e2eDatabase, nextServerAction, TEST_PASSWORD, TEST_PASSWORD_HASH, uniqueEmail } from "../support";
import { DESKTOP, PHONE, expectNoSidewaysScroll, expectWithinViewport, rowOf, seriousViolations, uniqueName } from "../ui-support";

type Sql = Awaited<ReturnType<typeof e2eDatabase>>;

async function withDatabase<T>(run: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = await e2eDatabase();
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function workspaceOf(sql: Sql, email: string): Promise<string> {
  const [row] = await sql`select m.workspace_id from memberships m join users u on u.id = m.user_id where u.email = ${email}`;
  return row!.workspace_id as string;
}

async function insertAgent(sql: Sql, workspaceId: string, fields: { name: string; firstMessage?: string; createdAt?: string; deleted?: boolean }) {
  const [row] = await sql`insert into agents (workspace_id, name, voice, first_message, created_by_type, created_by_label, created_at, deleted_at)
    values (${workspaceId}, ${fields.name}, 'sage', ${fields.firstMessage ?? "Hello there."}, 'user', 'seed@example.com',
      coalesce(${fields.createdAt ?? null}::timestamptz, now()), ${fields.deleted ? sql`now()` : null})
    returning id`;
  return row!.id as string;
}

async function openAgents(page: Page) {
  await page.goto("/agents");
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();
}

test("an owner creates an agent (after a mistake), edits it and deletes it", async ({ newAccount }) => {
  const { page } = await newAccount("agents-owner");
  await page.setViewportSize(DESKTOP);
  await openAgents(page);

  // Empty: what an agent is, and the way to make one.
  const empty = page.getByRole("region", { name: "No agents yet" });
  await expect(empty).toContainText("An agent is what speaks on your calls");
  const createButton = page.getByRole("button", { name: "Create agent" });
  await createButton.click();
  const dialog = page.getByRole("dialog", { name: "Create agent" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  // Submitted without a name: the name is blamed and focused, and the rest is kept.
  await dialog.getByLabel("Voice").selectOption("nova");
  await dialog.getByLabel("First message").fill("Hi, this is Ava from Acme.");
  await expect(dialog.getByText("26/1000")).toBeVisible();
  let answered = nextServerAction(page);
  await dialog.getByRole("button", { name: "Create agent" }).click();
  await answered;
  const name = dialog.getByLabel("Name");
  await expect(dialog.getByText("Give the agent a name")).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("First message")).toHaveValue("Hi, this is Ava from Acme.");
  await expect(dialog.getByLabel("Voice")).toHaveValue("nova");

  const agentName = uniqueName("support");
  await name.fill(agentName);
  await expect(dialog.getByText(`${agentName.length}/100`)).toBeVisible();
  await dialog.getByLabel("Description").fill("Answers billing questions");
  answered = nextServerAction(page);
  await dialog.getByRole("button", { name: "Create agent" }).click();
  await answered;
  await expect(dialog).toBeHidden();
  await expect(createButton).toBeFocused();
  const row = rowOf(page, agentName);
  await expect(row).toContainText("Answers billing questions");
  await expect(row).toContainText("nova");
  await expect(row).toContainText("Hi, this is Ava from Acme.");
  await expect(row).toContainText("just now");
  await expect(row.getByTitle("Hi, this is Ava from Acme.")).toBeVisible();
  await expect(empty).toHaveCount(0);

  // Edit: the same form, filled in; focus comes back to the row's menu.
  const renamed = uniqueName("billing");
  await page.getByRole("button", { name: `Actions for ${agentName}` }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit agent" });
  await expect(edit.getByLabel("Name")).toHaveValue(agentName);
  await expect(edit.getByLabel("Voice")).toHaveValue("nova");
  await edit.getByLabel("Name").fill(renamed);
  await edit.getByLabel("Voice").selectOption("echo");
  await edit.getByRole("button", { name: "Save agent" }).click();
  await expect(edit).toBeHidden();
  await expect(rowOf(page, renamed)).toContainText("echo");
  await expect(rowOf(page, agentName)).toHaveCount(0);
  const actions = page.getByRole("button", { name: `Actions for ${renamed}` });
  await expect(actions).toBeFocused();

  // Delete, cancelled: back to the menu button; confirmed: the heading, and the empty state again.
  await actions.click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete agent" });
  await expect(confirm).toContainText("Past calls keep their history");
  await expect(confirm).toContainText("API keys restricted to it");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(actions).toBeFocused();
  await actions.click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await confirm.getByRole("button", { name: "Delete agent" }).click();
  await expect(confirm).toBeHidden();
  await expect(rowOf(page, renamed)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeFocused();
  await expect(empty).toBeVisible();

  // The audit log records each step.
  await page.goto("/settings/audit-log");
  await expect(page.getByText(`deleted the agent ${renamed}`)).toBeVisible();
  await expect(page.getByText(`edited the agent ${renamed}`)).toBeVisible();
  await expect(page.getByText(`created the agent ${agentName}`)).toBeVisible();
});

test("agents come 20 to a page, newest first, with links between pages", async ({ newAccount }) => {
  const owner = await newAccount("agents-pages");
  const { page } = owner;
  await withDatabase(async (sql) => {
    const workspaceId = await workspaceOf(sql, owner.email);
    for (let i = 1; i <= 21; i++) {
      await insertAgent(sql, workspaceId, { name: `paged-${String(i).padStart(2, "0")}`, createdAt: new Date(Date.now() - (22 - i) * 60_000).toISOString() });
    }
  });
  await openAgents(page);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(20);
  await expect(page.getByRole("button", { name: /^Actions for / }).first()).toHaveAccessibleName("Actions for paged-21");
  await expect(page.getByRole("link", { name: "Newest" })).toHaveCount(0);
  await page.getByRole("link", { name: "Older agents" }).click();
  await expect(page).toHaveURL(/\/agents\?cursor=/);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(1);
  await expect(rowOf(page, "paged-01")).toBeVisible();
  await expect(page.getByRole("link", { name: "Older agents" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(rowOf(page, "paged-21")).toBeVisible();

  // A cursor that is not one of ours shows the first page, not an error.
  await page.goto("/agents?cursor=not-a-cursor");
  await expect(rowOf(page, "paged-21")).toBeVisible();
});

test("a viewer sees agents read-only, each refused control saying why", async ({ newAccount, browser }) => {
  const owner = await newAccount("agents-viewer-owner");
  const viewer: Account = { name: "Vic Viewer", email: uniqueEmail("agents-viewer"), password: TEST_PASSWORD, workspace: owner.workspace };
  const agentName = uniqueName("readonly");
  await withDatabase(async (sql) => {
    const workspaceId = await workspaceOf(sql, owner.email);
    await insertAgent(sql, workspaceId, { name: agentName });
    const [user] = await sql`insert into users (name, email, password_hash, active_workspace_id)
      values (${viewer.name}, ${viewer.email}, ${TEST_PASSWORD_HASH}, ${workspaceId}) returning id`;
    await sql`insert into memberships (workspace_id, user_id, role) values (${workspaceId}, ${user!.id}, 'viewer')`;
  });
  const { page, context } = await signInAs(browser, viewer);
  await page.setViewportSize(DESKTOP);
  await openAgents(page);
  await expect(rowOf(page, agentName)).toBeVisible();

  const create = page.getByRole("button", { name: "Create agent" });
  await expect(create).toBeDisabled();
  await page.getByLabel("Only workspace owners and admins can do this.").focus();
  await expect(page.getByRole("tooltip")).toContainText("Only workspace owners and admins can do this.");

  await page.getByRole("button", { name: `Actions for ${agentName}` }).click();
  await expect(page.getByRole("menuitem", { name: /^Edit/ })).toBeDisabled();
  await expect(page.getByRole("menuitem", { name: /^Edit/ })).toContainText("Only workspace owners and admins can do this.");
  await expect(page.getByRole("menuitem", { name: /^Delete/ })).toBeDisabled();
  await expect(page.getByRole("menuitem", { name: /^Delete/ })).toContainText("Only workspace owners, admins and members can do this.");
  await page.keyboard.press("Escape");
  expect(await seriousViolations(page)).toEqual([]);

  // The calls page is theirs to read too.
  await page.goto("/calls");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await context.close();
});

test("calls show their agent, numbers, metadata, key and status, filter by both, and move on by themselves", async ({ newAccount }) => {
  const owner = await newAccount("calls-owner");
  const { page } = owner;
  await page.setViewportSize(DESKTOP);

  // Empty: how calls are started, with a command to copy.
  await page.goto("/calls");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  const empty = page.getByRole("region", { name: "No calls yet" });
  await expect(empty).toContainText("POST /api/v1/calls");
  await expect(empty.getByLabel("Example curl command")).toContainText("curl -X POST http://localhost:");
  await expect(empty.getByRole("button", { name: "Copy curl command" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const tag = randomBytes(2).toString("hex");
  const numbers = { completed: "+14155550101", inProgress: "+14155550102", queued: "+14155550103", deleted: "+14155550104", soon: "+14155550105" };
  const supportName = `Support ${tag}`;
  await withDatabase(async (sql) => {
    const workspaceId = await workspaceOf(sql, owner.email);
    const support = await insertAgent(sql, workspaceId, { name: supportName });
    const gone = await insertAgent(sql, workspaceId, { name: `Gone ${tag}`, deleted: true });
    const insert = (fields: { agentId?: string; transient?: object; to: string; from?: string; metadata?: object; ago: number; ringing: number; answered: number; ended: number }) =>
      sql`insert into calls (workspace_id, agent_id, transient_agent, to_number, from_number, metadata, created_at, ringing_at, answered_at, ended_at, api_key_name)
        values (${workspaceId}, ${fields.agentId ?? null}, ${fields.transient ? sql.json(fields.transient as never) : null}, ${fields.to}, ${fields.from ?? null},
          ${sql.json((fields.metadata ?? {}) as never)},
          now() - make_interval(secs => ${fields.ago}), now() + make_interval(secs => ${fields.ringing}),
          now() + make_interval(secs => ${fields.answered}), now() + make_interval(secs => ${fields.ended}), 'prod-dialer')`;
    await insert({ agentId: support, to: numbers.completed, from: "+14155550199", metadata: { order: 42, customer: "Ada", vip: true }, ago: 600, ringing: -598, answered: -594, ended: -560 });
    await insert({ transient: { name: "Survey bot", voice: "alloy", first_message: "Hi!" }, to: numbers.inProgress, ago: 30, ringing: -28, answered: -24, ended: 3600 });
    await insert({ agentId: support, to: numbers.queued, ago: 5, ringing: 3600, answered: 3604, ended: 3700 });
    await insert({ agentId: gone, to: numbers.deleted, ago: 900, ringing: -898, answered: -894, ended: -850 });
  });

  await page.reload();
  const call = (to: string) => page.getByRole("row").filter({ hasText: to });
  await expect(page.getByRole("row").filter({ has: page.getByRole("cell") })).toHaveCount(4);
  await expect(call(numbers.completed)).toContainText("Completed");
  await expect(call(numbers.completed)).toContainText(supportName);
  await expect(call(numbers.completed)).toContainText("+14155550199");
  await expect(call(numbers.completed)).toContainText("customer: Ada, order: 42 +1 more");
  await expect(call(numbers.completed)).toContainText("by key prod-dialer");
  await expect(call(numbers.completed)).toContainText("10 minutes ago");
  await expect(call(numbers.inProgress)).toContainText("In progress");
  await expect(call(numbers.inProgress)).toContainText("Transient: Survey bot");
  await expect(call(numbers.queued)).toContainText("Queued");
  await expect(call(numbers.deleted)).toContainText("Deleted agent");
  await expect(call(numbers.deleted)).toContainText("Completed");
  // Newest first.
  await expect(page.getByRole("row").nth(1)).toContainText(numbers.queued);
  expect(await seriousViolations(page)).toEqual([]);

  // Filters are a GET form: the filtered view is a link.
  const filters = page.getByRole("form", { name: "Filter calls" });
  await filters.getByLabel("Status").selectOption("in_progress");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=in_progress/);
  await expect(call(numbers.inProgress)).toBeVisible();
  await expect(page.getByRole("row").filter({ has: page.getByRole("cell") })).toHaveCount(1);

  await filters.getByLabel("Agent").selectOption({ label: supportName });
  await filters.getByLabel("Status").selectOption("");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]agent=[0-9a-f-]{36}/);
  await expect(page.getByRole("row").filter({ has: page.getByRole("cell") })).toHaveCount(2);
  await expect(call(numbers.completed)).toBeVisible();
  await expect(call(numbers.queued)).toBeVisible();

  await filters.getByLabel("Status").selectOption("ringing");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/calls$/);
  await expect(page.getByRole("row").filter({ has: page.getByRole("cell") })).toHaveCount(4);

  // A filter that cannot be read is ignored, and said so.
  await page.goto("/calls?status=ended");
  await expect(page.getByRole("form", { name: "Filter calls" }).getByRole("alert")).toContainText("Some filters could not be read and were ignored");
  await expect(page.getByRole("row").filter({ has: page.getByRole("cell") })).toHaveCount(4);

  // A call about to ring moves from Queued to Ringing on screen, without a reload.
  await withDatabase(async (sql) => {
    const workspaceId = await workspaceOf(sql, owner.email);
    await sql`insert into calls (workspace_id, transient_agent, to_number, created_at, ringing_at, answered_at, ended_at, api_key_name)
      values (${workspaceId}, ${sql.json({ name: "Soon", voice: "aria", first_message: "Hi" })}, ${numbers.soon}, now(), now() + interval '6 seconds',
        now() + interval '1 hour', now() + interval '2 hours', 'prod-dialer')`;
  });
  await page.reload();
  await expect(call(numbers.soon)).toContainText("Queued");
  await expect(call(numbers.soon)).toContainText("Ringing", { timeout: 20_000 });
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`agents and calls fit a ${viewport.width} px screen, dialogs included`, async ({ newAccount }) => {
    const owner = await newAccount("agents-layout");
    const { page } = owner;
    await page.setViewportSize(viewport);
    // Empty first: the empty states, and the example command that must scroll inside itself.
    await openAgents(page);
    await expectNoSidewaysScroll(page);
    await page.goto("/calls");
    await expect(page.getByRole("region", { name: "No calls yet" })).toBeVisible();
    await expectNoSidewaysScroll(page);

    const long = uniqueName("a-rather-long-agent-name-for-the-outbound-appointment-reminders");
    await withDatabase(async (sql) => {
      const workspaceId = await workspaceOf(sql, owner.email);
      const agentId = await insertAgent(sql, workspaceId, { name: long, firstMessage: "Hello! ".repeat(140).trim() });
      await sql`insert into calls (workspace_id, agent_id, to_number, from_number, metadata, created_at, ringing_at, answered_at, ended_at, api_key_name)
        values (${workspaceId}, ${agentId}, '+442071838750', '+14155552671', ${sql.json({ campaign: "spring-renewals-2026", customer_reference: "C-0000012345678" })},
          now(), now() - interval '1 minute', now() - interval '1 minute', now() - interval '1 second', 'a-production-key-with-a-long-name')`;
    });

    await openAgents(page);
    await expectNoSidewaysScroll(page);
    const row = rowOf(page, long);
    // Below the navigation on a phone: scrolled to, then wholly on screen from side to side.
    await row.scrollIntoViewIfNeeded();
    await expect(row.getByRole("button", { name: `Actions for ${long}` })).toBeInViewport();
    await page.getByRole("button", { name: "Create agent" }).click();
    const dialog = page.getByRole("dialog", { name: "Create agent" });
    await expectWithinViewport(page, dialog);
    await expectNoSidewaysScroll(page);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: `Actions for ${long}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await expectWithinViewport(page, page.getByRole("dialog", { name: "Delete agent" }));
    await expectNoSidewaysScroll(page);
    await page.keyboard.press("Escape");

    await page.goto("/calls");
    await expect(page.getByRole("row").filter({ hasText: "+442071838750" })).toContainText("Completed");
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
