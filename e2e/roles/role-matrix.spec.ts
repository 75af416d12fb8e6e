// Every server action (read from the production build's own manifest) and every
// permission-checked route, called over HTTP as an owner, an admin, a member, a viewer, a
// signed-in person of another workspace (with the target's real ids) and a signed-out client.
// Allowed calls must take effect; denied ones must change nothing in the workspace and write
// no audit event. A new action without cases here fails the test.
import { createCipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { testAddress } from "../fixtures";
import { E2E_DIST_DIR, e2eDatabase, TEST_PASSWORD, TEST_PASSWORD_HASH, uniqueEmail } from "../support";

type Actor = "owner" | "admin" | "member" | "viewer" | "outsider" | "anonymous";
const ACTORS: Actor[] = ["owner", "admin", "member", "viewer", "outsider", "anonymous"];
type Expected = "allowed" | "denied";
type Sql = Awaited<ReturnType<typeof e2eDatabase>>;
type World = { sql: Sql; workspaceId: string; users: Record<Exclude<Actor, "anonymous">, { id: string; email: string }> };

type Case = {
  /** Who may: the rest must be refused. */
  allowed: Actor[];
  /** The action works on the caller's active workspace: the outsider may, in their own one. */
  ownWorkspace?: true;
  /** Fresh targets for one call, made in the database; returns the action's input. */
  prepare: (world: World, actor: Actor) => Promise<Record<string, unknown>>;
  /** For allowed calls: did the change happen? */
  happened: (world: World, input: Record<string, unknown>, actor: Actor) => Promise<boolean>;
};

const ALL_SIGNED_IN: Actor[] = ["owner", "admin", "member", "viewer", "outsider"];
const MANAGERS: Actor[] = ["owner", "admin"];

// Actions anyone may call by design: they check credentials, not roles.
const PUBLIC = {
  "lib/actions/auth.ts#signInAction": "checks the password (throttled), no session needed",
  "lib/actions/auth.ts#signUpAction": "creates an account, no session needed",
  "lib/actions/auth.ts#signOutAction": "ends the caller's own session, whatever it is",
  "lib/actions/second-step.ts#secondStepAction": "checks a code for the pending sign-in of the caller's own cookie (throttled), no session needed",
  "lib/actions/passkey-sign-in.ts#passkeySignInOptionsAction": "sends a WebAuthn challenge in the caller's own cookie, changes nothing",
  "lib/actions/passkey-sign-in.ts#passkeySignInAction": "checks a passkey's signature over that challenge, no session needed",
};

async function newKey({ sql, workspaceId }: World) {
  const [row] = await sql`insert into api_keys (workspace_id, type, name, hash, start, "end", created_by_type, created_by_label)
    values (${workspaceId}, 'private', ${`matrix-${randomBytes(4).toString("hex")}`}, ${randomBytes(32).toString("hex")}, 'swb_sk_AAAA', 'ZZZZ', 'user', 'seed@example.com')
    returning id`;
  return row!.id as string;
}
async function newAgent({ sql, workspaceId }: World) {
  const [row] = await sql`insert into agents (workspace_id, name, voice, first_message, created_by_type, created_by_label)
    values (${workspaceId}, ${`matrix-agent-${randomBytes(4).toString("hex")}`}, 'aria', 'Hello from the matrix.', 'user', 'seed@example.com')
    returning id`;
  return row!.id as string;
}
async function newPerson({ sql, workspaceId }: World, role: string) {
  const email = uniqueEmail(`matrix-${role}`);
  const [user] = await sql`insert into users (name, email, password_hash) values ('Matrix Person', ${email}, ${TEST_PASSWORD_HASH}) returning id`;
  await sql`insert into memberships (workspace_id, user_id, role) values (${workspaceId}, ${user!.id}, ${role})`;
  return { id: user!.id as string, email };
}

const CASES: Record<string, Case> = {
  "lib/actions/create-api-key.ts#createApiKeyAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async () => ({ name: `created-${randomBytes(4).toString("hex")}` }),
    happened: async ({ sql, workspaceId }, input) =>
      (await sql`select 1 from api_keys where workspace_id = ${workspaceId} and name = ${input.name as string}`).length === 1,
  },
  "lib/actions/set-api-key-status.ts#setApiKeyStatusAction": {
    allowed: ["owner", "admin", "member"],
    prepare: async (world) => ({ keyId: await newKey(world), enabled: false }),
    happened: async ({ sql }, input) => (await sql`select status from api_keys where id = ${input.keyId as string}`)[0]!.status === "disabled",
  },
  "lib/actions/revoke-api-key.ts#revokeApiKeyAction": {
    allowed: ["owner", "admin", "member"],
    prepare: async (world) => ({ keyId: await newKey(world) }),
    happened: async ({ sql }, input) => (await sql`select revoked_at from api_keys where id = ${input.keyId as string}`)[0]!.revoked_at !== null,
  },
  "lib/actions/update-api-key.ts#updateApiKeyAction": {
    allowed: MANAGERS,
    prepare: async (world) => ({ keyId: await newKey(world), type: "private", name: `edited-${randomBytes(4).toString("hex")}`, permissions: "read_only", expiration: "keep" }),
    happened: async ({ sql }, input) => (await sql`select permissions from api_keys where id = ${input.keyId as string}`)[0]!.permissions.calls === "read",
  },
  "lib/actions/roll-api-key.ts#rollApiKeyAction": {
    allowed: MANAGERS,
    prepare: async (world) => ({ keyId: await newKey(world), grace: "3600" }),
    happened: async ({ sql }, input) => (await sql`select rolled_to_id from api_keys where id = ${input.keyId as string}`)[0]!.rolled_to_id !== null,
  },
  "lib/actions/set-key-hygiene.ts#setKeyHygieneAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async () => ({ enabled: "on", days: String(30 + Math.floor(Math.random() * 300)) }),
    happened: async ({ sql, workspaceId }, input) =>
      (await sql`select disable_unused_keys_after_days as days from workspaces where id = ${workspaceId}`)[0]!.days === Number(input.days),
  },
  "lib/actions/create-agent.ts#createAgentAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async () => ({ name: `agent-${randomBytes(4).toString("hex")}`, voice: "aria", firstMessage: "Hello, this is a test call." }),
    happened: async ({ sql, workspaceId }, input) =>
      (await sql`select 1 from agents where workspace_id = ${workspaceId} and name = ${input.name as string} and deleted_at is null`).length === 1,
  },
  "lib/actions/update-agent.ts#updateAgentAction": {
    allowed: MANAGERS,
    prepare: async (world) => ({
      agentId: await newAgent(world),
      name: `renamed-${randomBytes(4).toString("hex")}`,
      voice: "nova",
      firstMessage: "Hello again.",
    }),
    happened: async ({ sql }, input) => (await sql`select name from agents where id = ${input.agentId as string}`)[0]!.name === input.name,
  },
  "lib/actions/delete-agent.ts#deleteAgentAction": {
    allowed: ["owner", "admin", "member"],
    prepare: async (world) => ({ agentId: await newAgent(world) }),
    happened: async ({ sql }, input) => (await sql`select deleted_at from agents where id = ${input.agentId as string}`)[0]!.deleted_at !== null,
  },
  "lib/actions/invite-member.ts#inviteMemberAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async () => ({ email: uniqueEmail("matrix-invitee"), role: "viewer" }),
    happened: async ({ sql, workspaceId }, input) =>
      (await sql`select 1 from invitations where workspace_id = ${workspaceId} and email = ${input.email as string}`).length === 1,
  },
  "lib/actions/revoke-invitation.ts#revokeInvitationAction": {
    allowed: MANAGERS,
    prepare: async ({ sql, workspaceId, users }) => {
      const [row] = await sql`insert into invitations (workspace_id, email, role, token_hash, invited_by_email, expires_at)
        values (${workspaceId}, ${uniqueEmail("matrix-pending")}, 'member', ${randomBytes(32).toString("hex")}, ${users.owner.email}, now() + interval '7 days')
        returning id`;
      return { invitationId: row!.id };
    },
    happened: async ({ sql }, input) => (await sql`select revoked_at from invitations where id = ${input.invitationId as string}`)[0]!.revoked_at !== null,
  },
  "lib/actions/change-member-role.ts#changeMemberRoleAction": {
    allowed: MANAGERS,
    prepare: async (world) => ({ userId: (await newPerson(world, "viewer")).id, role: "member" }),
    happened: async ({ sql, workspaceId }, input) =>
      (await sql`select role from memberships where workspace_id = ${workspaceId} and user_id = ${input.userId as string}`)[0]!.role === "member",
  },
  "lib/actions/remove-member.ts#removeMemberAction": {
    allowed: MANAGERS,
    prepare: async (world) => ({ userId: (await newPerson(world, "member")).id }),
    happened: async ({ sql, workspaceId }, input) =>
      (await sql`select 1 from memberships where workspace_id = ${workspaceId} and user_id = ${input.userId as string}`).length === 0,
  },
  "lib/actions/rename-workspace.ts#renameWorkspaceAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async () => ({ name: `Matrix ${randomBytes(3).toString("hex")}` }),
    happened: async ({ sql, workspaceId }, input) => (await sql`select name from workspaces where id = ${workspaceId}`)[0]!.name === input.name,
  },
  // Nobody may accept an invitation meant for someone else's email.
  "lib/actions/accept-invitation.ts#acceptInvitationAction": {
    allowed: [],
    prepare: async ({ sql, workspaceId, users }) => {
      const token = randomBytes(32).toString("base64url");
      const hash = createHash("sha256").update(token).digest("hex");
      await sql`insert into invitations (workspace_id, email, role, token_hash, invited_by_email, expires_at)
        values (${workspaceId}, ${uniqueEmail("matrix-victim")}, 'admin', ${hash}, ${users.owner.email}, now() + interval '7 days')`;
      return { token };
    },
    happened: async () => true,
  },
  // Only the person themself may end another of their sessions.
  "lib/actions/sign-out-session.ts#signOutSessionAction": {
    allowed: ["owner"],
    prepare: async ({ sql, users }) => {
      const [row] = await sql`insert into sessions (user_id, expires_at) values (${users.owner.id}, now() + interval '30 days') returning id`;
      return { sessionId: row!.id };
    },
    happened: async ({ sql }, input) => (await sql`select 1 from sessions where id = ${input.sessionId as string}`).length === 0,
  },
  // Any signed-in person may test a key they hold: the server sends it to GET /api/v1/me, as curl
  // would. It changes nothing, so "happened" is the allowed answer itself.
  "lib/actions/onboarding.ts#createFirstAgentAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async () => ({}),
    happened: async ({ sql, workspaceId, users }, _input, actor) =>
      (await sql`select 1 from agents where workspace_id = ${workspaceId} and name = 'Support line'
        and created_by_label = ${users[actor as Exclude<Actor, "anonymous">].email}`).length > 0,
  },
  // Closes the checklist for the caller only, in their own active workspace.
  "lib/actions/onboarding.ts#dismissOnboardingAction": {
    allowed: ALL_SIGNED_IN,
    ownWorkspace: true,
    prepare: async () => ({}),
    happened: async ({ sql, users }, _input, actor) =>
      (await sql`select 1 from memberships where user_id = ${users[actor as Exclude<Actor, "anonymous">].id} and onboarding_dismissed_at is not null`).length > 0,
  },
  "lib/actions/test-api-key.ts#testApiKeyAction": {
    allowed: ALL_SIGNED_IN,
    ownWorkspace: true,
    prepare: async () => ({ key: "swb_sk_matrix-not-a-real-key" }),
    happened: async () => true,
  },
  // Before the cases that move people between workspaces: the two-factor cases need them in it.
  // Two-factor sign-in (README "Two-factor sign-in and passkeys"): each acts on the caller's own
// account, so every signed-in person may, and the workspace under test is untouched.
  "lib/actions/begin-totp-setup.ts#beginTotpSetupAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async ({ sql }, actor) => {
      if (actor !== "anonymous") await sql`delete from user_totp where user_id = (select id from users where email = ${actorEmail(actor)})`;
      return {};
    },
    happened: async ({ sql }, _input, actor) =>
      (await sql`select 1 from user_totp t join users u on u.id = t.user_id where u.email = ${actorEmail(actor)} and t.confirmed_at is null`).length === 1,
  },
  "lib/actions/confirm-totp-setup.ts#confirmTotpSetupAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async (world, actor) => {
      if (actor === "anonymous") return { code: "123456", password: TEST_PASSWORD };
      const secret = await giveTotp(world, actor, { confirmed: false });
      return { code: TOTP.generate({ secret: Secret.fromBase32(secret) }), password: TEST_PASSWORD };
    },
    happened: async ({ sql }, _input, actor) =>
      (await sql`select 1 from user_totp t join users u on u.id = t.user_id where u.email = ${actorEmail(actor)} and t.confirmed_at is not null`).length === 1,
  },
  "lib/actions/turn-off-two-factor.ts#turnOffTwoFactorAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async (world, actor) => {
      if (actor !== "anonymous") await giveTotp(world, actor, { confirmed: true });
      return { password: TEST_PASSWORD };
    },
    happened: async ({ sql }, _input, actor) => (await sql`select 1 from user_totp t join users u on u.id = t.user_id where u.email = ${actorEmail(actor)}`).length === 0,
  },
  "lib/actions/regenerate-recovery-codes.ts#regenerateRecoveryCodesAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async (world, actor) => {
      if (actor !== "anonymous") await giveTotp(world, actor, { confirmed: true });
      return { password: TEST_PASSWORD };
    },
    happened: async ({ sql }, _input, actor) =>
      (await sql`select 1 from recovery_codes r join users u on u.id = r.user_id where u.email = ${actorEmail(actor)} and r.used_at is null`).length === 10,
  },
  // After the current password, sends a challenge in the caller's cookie and changes nothing:
  // "happened" is the allowed answer itself.
  "lib/actions/passkey-registration-options.ts#passkeyRegistrationOptionsAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async () => ({ password: TEST_PASSWORD }),
    happened: async () => true,
  },
  // A new passkey needs an authenticator's answer to the challenge in the caller's cookie, which
  // raw HTTP cannot give: every caller here is refused. e2e/anonymous/two-factor.spec.ts adds one
  // with Chromium's virtual authenticator.
  "lib/actions/add-passkey.ts#addPasskeyAction": {
    allowed: [],
    prepare: async () => ({ name: "Matrix passkey", response: JSON.stringify({ id: "bWF0cml4", rawId: "bWF0cml4", type: "public-key", response: {}, clientExtensionResults: {} }) }),
    happened: async () => true,
  },
  // Only the person themself may remove their passkey, even with their own right password.
  "lib/actions/remove-passkey.ts#removePasskeyAction": {
    allowed: ["owner"],
    prepare: async ({ sql, users }) => {
      const [row] = await sql`insert into passkeys (user_id, credential_id, public_key, name)
        values (${users.owner.id}, ${randomBytes(16).toString("base64url")}, 'matrix', 'Matrix passkey') returning id`;
      return { passkeyId: row!.id, password: TEST_PASSWORD };
    },
    happened: async ({ sql }, input) => (await sql`select 1 from passkeys where id = ${input.passkeyId as string}`).length === 0,
  },
  // The same password again: the caller's other sessions end, this one (the context's) stays.
  "lib/actions/change-password.ts#changePasswordAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    happened: async ({ sql }, _input, actor) =>
      (await sql`select 1 from audit_events where action = 'auth.password_changed' and actor_label = ${actorEmail(actor)}`).length > 0,
  },
  "lib/actions/reset-member-second-factor.ts#resetMemberSecondFactorAction": {
    allowed: ["owner"],
    prepare: async (world) => {
      const member = await newPerson(world, "member");
      await world.sql`insert into user_totp (user_id, secret_encrypted, confirmed_at) values (${member.id}, 'v1.sealed.elsewhere.x', now())`;
      return { userId: member.id };
    },
    happened: async ({ sql }, input) => (await sql`select 1 from user_totp where user_id = ${input.userId as string}`).length === 0,
  },
  // Turning the requirement off (the prepare turns it on). Everyone who calls gets a second factor
  // first, so the requirement never locks the later cases' callers out.
  "lib/actions/set-require-two-factor.ts#setRequireTwoFactorAction": {
    allowed: MANAGERS,
    ownWorkspace: true,
    prepare: async (world, actor) => {
      if (actor !== "anonymous") await giveTotp(world, actor, { confirmed: true });
      await world.sql`update workspaces set require_two_factor = true where id = ${world.workspaceId}`;
      return { required: false };
    },
    happened: async ({ sql, workspaceId }) => (await sql`select require_two_factor from workspaces where id = ${workspaceId}`)[0]!.require_two_factor === false,
  },
  // Any signed-in person may create a workspace of their own (the workspace under test is untouched).
  "lib/actions/workspaces.ts#createWorkspaceAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async () => ({ name: `Own ${randomBytes(3).toString("hex")}` }),
    happened: async ({ sql }, input, actor) =>
      (await sql`select 1 from workspaces w join memberships m on m.workspace_id = w.id join users u on u.id = m.user_id
        where w.name = ${input.name as string} and m.role = 'owner' and u.email = ${actorEmail(actor)}`).length === 1,
  },
  // Only members may make the workspace their active one (this also brings them back to it).
  "lib/actions/workspaces.ts#switchWorkspaceAction": {
    allowed: ["owner", "admin", "member", "viewer"],
    prepare: async ({ workspaceId }) => ({ workspaceId }),
    happened: async ({ sql, workspaceId }, _input, actor) =>
      (await sql`select active_workspace_id from users where email = ${actorEmail(actor)}`)[0]!.active_workspace_id === workspaceId,
  },
  // Anyone may leave, except the last owner (the owner here is the only one).
  "lib/actions/leave-workspace.ts#leaveWorkspaceAction": {
    allowed: ["admin", "member", "viewer"],
    prepare: async () => ({}),
    happened: async ({ sql, workspaceId }, _input, actor) =>
      (await sql`select 1 from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId} and u.email = ${actorEmail(actor)}`).length === 0,
  },
    // Ends only the caller's own sessions (run last: it signs the caller out).
  "lib/actions/sign-out-all-sessions.ts#signOutAllSessionsAction": {
    allowed: ALL_SIGNED_IN,
    prepare: async () => ({}),
    happened: async ({ sql }, _input, actor) =>
      (await sql`select 1 from sessions s join users u on u.id = s.user_id where u.email = ${actorEmail(actor)}`).length === 0,
  },
};

/**
 * An authenticator app for the caller, its secret sealed as the server seals it (AES-256-GCM
 * under a key derived from the e2e server's AUTH_SECRET, lib/auth/secret-box.ts).
 */
async function giveTotp({ sql }: World, actor: Actor, { confirmed }: { confirmed: boolean }) {
  const secret = new Secret({ size: 20 }).base32;
  const authSecret = readFileSync(".data/e2e/auth-secret", "utf8").trim();
  const key = Buffer.from(hkdfSync("sha256", authSecret, "switchboard", "switchboard totp-secret v1", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const sealed = ["v1", iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
  await sql`insert into user_totp (user_id, secret_encrypted, confirmed_at)
    select id, ${sealed}, ${confirmed ? sql`now()` : null} from users where email = ${actorEmail(actor)}
    on conflict (user_id) do update set secret_encrypted = excluded.secret_encrypted, confirmed_at = excluded.confirmed_at, last_used_step = null`;
  return secret;
}

let world: World;
const emails = new Map<Actor, string>();
const actorEmail = (actor: Actor) => emails.get(actor)!;

/** The workspace under test as rows: what a denied call must leave exactly as it was. */
async function snapshot({ sql, workspaceId }: World) {
  const [keys, agents, members, invites, workspace, events] = await Promise.all([
    sql`select id, name, status, revoked_at from api_keys where workspace_id = ${workspaceId} order by id`,
    sql`select id, name, description, voice, first_message, updated_at, deleted_at from agents where workspace_id = ${workspaceId} order by id`,
    sql`select user_id, role from memberships where workspace_id = ${workspaceId} order by user_id`,
    sql`select id, accepted_at, revoked_at from invitations where workspace_id = ${workspaceId} order by id`,
    sql`select name from workspaces where id = ${workspaceId}`,
    sql`select count(*)::int as n from audit_events where workspace_id = ${workspaceId}`,
  ]);
  const ownerSessions = await sql`select id from sessions where user_id = ${world.users.owner.id} order by id`;
  return JSON.stringify({ keys, agents, members, invites, workspace, events, ownerSessions });
}

function actionsFromManifest() {
  const manifest = JSON.parse(readFileSync(`${E2E_DIST_DIR}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const page = Object.keys(entry.workers)[0]!;
    // "app/(dashboard)/settings/members/page" → "/settings/members"; dynamic segments get a value.
    const path = page.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, "x") || "/";
    return { id, key: `${entry.filename}#${entry.exportedName}`, path };
  });
}

/** Signs in through Auth.js's own endpoint, as a browser's form would, into a request context. */
async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": testAddress() } });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: TEST_PASSWORD, callbackUrl: "/" },
    headers: { Origin: new URL(baseURL).origin },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  expect((await context.storageState()).cookies.some((c) => c.name === "authjs.session-token")).toBe(true);
  return context;
}

/** Calls a server action the way the browser does, and reads whether it was allowed. */
async function call(context: APIRequestContext, baseURL: string, action: { id: string; path: string }, input: Record<string, unknown>) {
  const response = await context.post(action.path, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(baseURL).origin },
    data: JSON.stringify([null, input]),
    maxRedirects: 0,
  });
  const body = await response.text();
  expect(response.status(), `${action.path}: ${body.slice(0, 300)}`).toBeLessThan(500);
  // Success either redirects (an action header, or a 303) or returns { ok: true }.
  if (response.headers()["x-action-redirect"] || response.status() === 303) return "allowed";
  if (response.status() === 307 && (response.headers().location ?? "").includes("/sign-in")) return "denied"; // the proxy turned a signed-out caller away
  if (body.includes('"ok":true')) return "allowed";
  if (body.includes('"ok":false')) return "denied";
  throw new Error(`unreadable answer from ${action.path} (${response.status()}): ${body.slice(0, 300)}`);
}

test("every server action and permission-checked route, as every role", async ({ baseURL }) => {
  const sql = await e2eDatabase();
  try {
    // The workspace under test, its four roles, and a person from another workspace.
    const [workspace] = await sql`insert into workspaces (name) values ('Matrix Workspace') returning id`;
    const users = {} as World["users"];
    for (const role of ["owner", "admin", "member", "viewer"] as const) {
      const email = uniqueEmail(`matrix-${role}`);
      const [user] = await sql`insert into users (name, email, password_hash, active_workspace_id) values (${`Matrix ${role}`}, ${email}, ${TEST_PASSWORD_HASH}, ${workspace!.id}) returning id`;
      await sql`insert into memberships (workspace_id, user_id, role) values (${workspace!.id}, ${user!.id}, ${role})`;
      users[role] = { id: user!.id, email };
    }
    const [elsewhere] = await sql`insert into workspaces (name) values ('Elsewhere') returning id`;
    const outsiderEmail = uniqueEmail("matrix-outsider");
    const [outsider] = await sql`insert into users (name, email, password_hash, active_workspace_id) values ('Outsider', ${outsiderEmail}, ${TEST_PASSWORD_HASH}, ${elsewhere!.id}) returning id`;
    await sql`insert into memberships (workspace_id, user_id, role) values (${elsewhere!.id}, ${outsider!.id}, 'owner')`;
    users.outsider = { id: outsider!.id, email: outsiderEmail };
    world = { sql, workspaceId: workspace!.id, users };
    for (const [actor, user] of Object.entries(users)) emails.set(actor as Actor, user.email);

    const contexts: Record<Actor, APIRequestContext> = {
      owner: await signedIn(baseURL!, users.owner.email),
      admin: await signedIn(baseURL!, users.admin.email),
      member: await signedIn(baseURL!, users.member.email),
      viewer: await signedIn(baseURL!, users.viewer.email),
      outsider: await signedIn(baseURL!, users.outsider.email),
      anonymous: await playwrightRequest.newContext({ baseURL }),
    };

    // Every action in the build is either covered here or public by design.
    const actions = actionsFromManifest();
    expect(actions.map((a) => a.key).sort()).toEqual([...Object.keys(CASES), ...Object.keys(PUBLIC)].sort());

    const results: string[] = [];
    let cases = 0;

    // The audit log's CSV export: members and up; a viewer is refused; an outsider gets only their own.
    for (const actor of ACTORS) {
      const response = await contexts[actor].get("/settings/audit-log/export", { maxRedirects: 0 });
      const body = await response.text();
      cases++;
      const expected = { owner: 200, admin: 200, member: 200, viewer: 403, outsider: 200, anonymous: 307 }[actor];
      if (response.status() !== expected) results.push(`export as ${actor}: expected ${expected}, got ${response.status()}`);
      if (actor === "outsider" && body.includes(users.owner.email)) results.push("export as outsider: leaked the workspace's events");
    }

    // In the order of CASES: those that move people between workspaces or sign them out come last.
    for (const [key, spec] of Object.entries(CASES)) {
      const action = actions.find((a) => a.key === key)!;
      for (const actor of ACTORS) {
        const input = await spec.prepare(world, actor);
        const before = await snapshot(world);
        const outcome = await call(contexts[actor], baseURL!, action, input);
        const elsewhere = actor === "outsider" && spec.ownWorkspace === true;
        const expected: Expected = spec.allowed.includes(actor) || elsewhere ? "allowed" : "denied";
        cases++;
        if (outcome !== expected) results.push(`${key} as ${actor}: expected ${expected}, got ${outcome}`);
        else if (expected === "denied" || elsewhere) {
          if ((await snapshot(world)) !== before) results.push(`${key} as ${actor}: ${elsewhere ? "acted elsewhere" : "denied"}, yet the workspace changed`);
        } else if (!(await spec.happened(world, input, actor))) results.push(`${key} as ${actor}: allowed but nothing changed`);
      }
    }

    expect(results).toEqual([]);
    expect(cases).toBe(Object.keys(CASES).length * ACTORS.length + ACTORS.length);
    console.log(`role matrix: ${cases} cases (${Object.keys(CASES).length} actions × ${ACTORS.length} callers + the CSV export × ${ACTORS.length}); ${Object.keys(PUBLIC).length} public actions`);
    await Promise.all(Object.values(contexts).map((context) => context.dispose()));
  } finally {
    await sql.end({ timeout: 5 });
  }
});
