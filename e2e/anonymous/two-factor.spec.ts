// Two-factor sign-in and passkeys as a person uses them (README "Two-factor sign-in and
// passkeys"): real TOTP codes computed here from the setup key the page shows, real recovery
// codes, and real WebAuthn through Chromium's virtual authenticator (CDP WebAuthn domain).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expect, signInAs, test, type Account } from "../fixtures";
import { e2eDatabase, nextServerAction } from "../support";

/** The code an authenticator app shows for `secret`, `stepsAhead` 30-second steps from now. */
function codeFor(secret: string, stepsAhead = 0) {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });
}

async function signOut(page: Page) {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function enterPassword(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Turns on the authenticator app from Settings → Account (after the current password); returns
 * the secret and the recovery codes. `wrongPasswordFirst` tries a wrong password first, which
 * counts toward the account's second-step limit.
 */
async function setUpAuthenticatorApp(page: Page, password: string, { wrongPasswordFirst = false } = {}) {
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up two-factor sign-in" });
  await expect(dialog.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = await dialog.getByRole("textbox", { name: "Setup key" }).inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // The QR code carries the same secret: its SVG is drawn from the otpauth:// URI.
  await dialog.getByLabel("Authentication code").fill(codeFor(secret));
  if (wrongPasswordFirst) {
    // A stolen session alone cannot add a factor: a wrong password is refused, and nothing is on.
    await dialog.getByLabel("Current password").fill("not the password");
    await dialog.getByRole("button", { name: "Turn on" }).click();
    await expect(dialog.getByText("This is not your current password.")).toBeVisible();
  }
  await dialog.getByLabel("Current password").fill(password);
  await dialog.getByRole("button", { name: "Turn on" }).click();
  const codesDialog = page.getByRole("dialog", { name: "Save your recovery codes" });
  const items = codesDialog.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = await items.allTextContents();
  await codesDialog.getByRole("button", { name: "I saved them" }).click();
  await expect(page.getByText(/10 of 10 recovery codes left/)).toBeVisible();
  return { secret, codes };
}

test("set up two-factor sign-in, then sign in with a TOTP code and with a recovery code that works only once", async ({ newAccount, request }) => {
  const person = await newAccount("totp");
  const { page } = person;
  const { secret, codes } = await setUpAuthenticatorApp(page, person.password, { wrongPasswordFirst: true });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Nothing is stored as shown: the secret is sealed, the codes hashed.
  const sql = await e2eDatabase();
  try {
    const [totp] = await sql`select t.secret_encrypted from user_totp t join users u on u.id = t.user_id where u.email = ${person.email}`;
    expect(totp!.secret_encrypted).not.toContain(secret);
    const hashes = (await sql`select r.code_hash from recovery_codes r join users u on u.id = r.user_id where u.email = ${person.email}`).map((r) => r.code_hash as string);
    expect(hashes).toHaveLength(10);
    for (const code of codes) expect(hashes.join(" ")).not.toContain(code.replaceAll("-", ""));
  } finally {
    await sql.end({ timeout: 5 });
  }

  await signOut(page);
  await enterPassword(page, person);
  const codeField = page.getByRole("textbox", { name: "Authentication code" });
  await expect(codeField).toBeVisible();
  // The right password alone is no session.
  const cookie = (await person.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/settings/api-keys", { headers: { cookie }, maxRedirects: 0 })).status()).toBe(307);
  // The code used to turn it on belongs to this 30-second step and works once: use the next step's.
  await codeField.fill(codeFor(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);

  await signOut(page);
  await enterPassword(page, person);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await page.goto("/settings/account");
  await expect(page.getByText(/9 of 10 recovery codes left/)).toBeVisible();

  await signOut(page);
  await enterPassword(page, person);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("This recovery code is not right, or it was already used.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Recovery code" })).toBeFocused();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("wrong codes are throttled: the fifth locks the account's second step, and then even the right code is refused", async ({ newAccount }) => {
  const person = await newAccount("totp-throttle");
  const { page } = person;
  const { secret } = await setUpAuthenticatorApp(page, person.password);
  await signOut(page);
  await enterPassword(page, person);
  const right = codeFor(secret, 1);
  const wrong = right === "000000" ? "111111" : "000000";
  const field = page.getByRole("textbox", { name: "Authentication code" });
  const submit = async (code: string) => {
    // A refused code is cleared from the field (the form resets after each answer): wait for it.
    await expect(field).toHaveValue("");
    await field.fill(code);
    const answered = nextServerAction(page);
    await page.getByRole("button", { name: "Verify" }).click();
    await answered;
  };
  for (let i = 0; i < 4; i++) {
    await submit(wrong);
    await expect(page.getByText("This code is not right. Enter the current code from your authenticator app.")).toBeVisible();
  }
  await submit(wrong);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many wrong codes\. Try again in 1[45] minutes\.$/);
  await submit(right);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many wrong codes\. Try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("register a passkey, then sign in with it alone, and use it as the second step after a password", async ({ newAccount }) => {
  const person = await newAccount("passkey");
  const { page } = person;
  const cdp = await person.context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a passkey" });
  await dialog.getByLabel("Passkey name").fill("Test laptop");
  // Adding a passkey needs the current password: a wrong one creates nothing.
  await dialog.getByLabel("Current password").fill("not the password");
  await dialog.getByRole("button", { name: "Create passkey" }).click();
  await expect(dialog.getByText("This is not your current password.")).toBeVisible();
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(0);
  await dialog.getByLabel("Current password").fill(person.password);
  await dialog.getByRole("button", { name: "Create passkey" }).click();
  await expect(page.getByText("Passkey added")).toBeVisible();
  await expect(page.getByRole("list", { name: "Passkeys" })).toContainText("Test laptop");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);

  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByText(person.email)).toBeVisible();

  // With a passkey, the password alone is not enough any more: the passkey is the second step.
  await signOut(page);
  await enterPassword(page, person);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);

  // Removing it needs the current password; then the password alone signs in again.
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Remove passkey Test laptop" }).click();
  const remove = page.getByRole("dialog", { name: "Remove the passkey Test laptop?" });
  await remove.getByLabel("Current password").fill("not the password");
  await remove.getByRole("button", { name: "Remove passkey" }).click();
  await expect(remove.getByText("This is not your current password.")).toBeVisible();
  await remove.getByLabel("Current password").fill(person.password);
  await remove.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("Passkey removed")).toBeVisible();
  await expect(page.getByRole("list", { name: "Passkeys" })).toHaveCount(0);
  await signOut(page);
  await enterPassword(page, person);
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
});

test("changing the password needs the current one and signs out every other session", async ({ newAccount, browser }) => {
  const person = await newAccount("password");
  const other = await signInAs(browser, person);
  const { page } = person;
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Change password" }).click();
  const dialog = page.getByRole("dialog", { name: "Change password" });
  await dialog.getByLabel("Current password").fill("not the password");
  await dialog.getByLabel("New password").fill("a brand new password");
  await dialog.getByRole("button", { name: "Save new password" }).click();
  await expect(dialog.getByText("This is not your current password.")).toBeVisible();
  await dialog.getByLabel("Current password").fill(person.password);
  await dialog.getByLabel("New password").fill("a brand new password");
  await dialog.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Password changed. 1 other session signed out.")).toBeVisible();

  await other.page.goto("/settings/api-keys");
  await expect(other.page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/account");
  await expect(page.getByRole("table", { name: "Sessions" }).getByRole("row")).toHaveCount(2);
  await other.context.close();
});

test("a workspace that requires two-factor sign-in sends a member without one to set it up first", async ({ newAccount }) => {
  const owner = await newAccount("require-owner");
  const member = await newAccount("require-member");
  // The member joins the owner's workspace (as an accepted invitation would) and works in it.
  const sql = await e2eDatabase();
  try {
    await sql`insert into memberships (workspace_id, user_id, role)
      select m.workspace_id, (select id from users where email = ${member.email}), 'member'
      from memberships m join users u on u.id = m.user_id where u.email = ${owner.email}`;
    await sql`update users set active_workspace_id = (select m.workspace_id from memberships m join users u on u.id = m.user_id where u.email = ${owner.email})
      where email = ${member.email}`;
  } finally {
    await sql.end({ timeout: 5 });
  }

  // The owner cannot require what they do not have themselves.
  await owner.page.goto("/settings/general");
  const required = owner.page.getByRole("switch", { name: "Require two-factor sign-in" });
  await required.click();
  await expect(owner.page.getByText("Set up two-factor sign-in for yourself first (Settings → Account).")).toBeVisible();
  await expect(required).not.toBeChecked();
  await setUpAuthenticatorApp(owner.page, owner.password);
  await owner.page.goto("/settings/general");
  await owner.page.getByRole("switch", { name: "Require two-factor sign-in" }).click();
  await expect(owner.page.getByText("Two-factor sign-in is now required")).toBeVisible();

  await member.page.goto("/settings/api-keys");
  await expect(member.page).toHaveURL(/\/workspaces\/two-factor$/);
  await expect(member.page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await member.page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const dialog = member.page.getByRole("dialog", { name: "Set up two-factor sign-in" });
  const secret = await dialog.getByRole("textbox", { name: "Setup key" }).inputValue();
  await dialog.getByLabel("Authentication code").fill(codeFor(secret));
  await dialog.getByLabel("Current password").fill(member.password);
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await member.page.getByRole("dialog", { name: "Save your recovery codes" }).getByRole("button", { name: "I saved them" }).click();
  await member.page.getByRole("link", { name: /^Continue to / }).click();
  await expect(member.page).toHaveURL(/\/settings\/api-keys$/);

  // The owner resets the member's second factor: the member is signed out, and sent to set one up again.
  // Factors are the person's, so the owner must own every workspace the member belongs to,
  // including the one the member made at sign-up: the owner is made an owner of it too.
  const sql2 = await e2eDatabase();
  try {
    await sql2`insert into memberships (workspace_id, user_id, role)
      select w.id, (select id from users where email = ${owner.email}), 'owner'
      from workspaces w join memberships m on m.workspace_id = w.id join users u on u.id = m.user_id
      where u.email = ${member.email} and m.role = 'owner'`;
  } finally {
    await sql2.end({ timeout: 5 });
  }
  await owner.page.goto("/settings/members");
  await owner.page.getByRole("button", { name: `Actions for ${member.email}` }).click();
  await owner.page.getByRole("menuitem", { name: "Reset two-factor sign-in" }).click();
  await owner.page.getByRole("dialog", { name: "Reset two-factor sign-in" }).getByRole("button", { name: "Reset two-factor sign-in" }).click();
  await expect(owner.page.getByText(`Two-factor sign-in of ${member.email} reset`)).toBeVisible();
  await member.page.goto("/settings/api-keys");
  await expect(member.page).toHaveURL(/\/sign-in/);
  await enterPassword(member.page, member);
  await expect(member.page).toHaveURL(/\/workspaces\/two-factor$/);
});
