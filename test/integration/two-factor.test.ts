// Two-factor sign-in on a real database (README "Two-factor sign-in and passkeys"): real TOTP
// codes from `otpauth`, recovery codes that work once (even when used twice at the same moment),
// per-account throttling of wrong codes, secrets sealed at rest, an owner's reset, a password
// change that ends the other sessions, the workspace requirement, and an audit event for each.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findTwoFactorStatus, hasSecondFactor, isSecondFactorMissing } from "@/db/queries/two-factor";
import { auditEvents, memberships, passkeys, recoveryCodes, sessions, userTotp, users } from "@/db/schema";
import { readPendingSignIn, pendingSignInToken, readSignInTicket, signInTicket } from "@/lib/auth/pending-sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { MAX_SECOND_FACTOR_FAILURES } from "@/lib/auth/second-factor-throttle";
import { open, seal } from "@/lib/auth/secret-box";
import { setResolvedEnv } from "@/lib/env";
import { resumeSession, startSession } from "@/lib/services/sessions";
import {
  addPasskey,
  beginTotpSetup,
  changePassword,
  checkSecondFactorCode,
  confirmIdentity,
  confirmTotpSetup,
  passkeyUsed,
  regenerateRecoveryCodes,
  resetMemberSecondFactor,
  setRequireTwoFactor,
  turnOffTotp,
} from "@/lib/services/two-factor";
import { actorOf, addMember, createWorkspace, TEST_PASSWORD, type TestUser } from "../support/fixtures";

beforeAll(() => setResolvedEnv({ AUTH_SECRET: randomBytes(32).toString("hex") }));

const codeAt = (secret: string, timestamp = Date.now()) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });
const person = (user: TestUser) => ({ id: user.userId, email: user.email });
const events = async (user: TestUser, action: string) =>
  getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, user.workspaceId), eq(auditEvents.action, action), eq(auditEvents.targetId, user.userId)));

/** A person with an authenticator app on: its secret and the ten recovery codes. */
async function withTotp(user?: TestUser) {
  const owner = user ?? (await createWorkspace());
  const started = await beginTotpSetup(actorOf(owner));
  const codes = await confirmTotpSetup(actorOf(owner), codeAt(started!.secret), { password: TEST_PASSWORD });
  return { owner, secret: started!.secret, codes: codes as string[] };
}

describe("setting up an authenticator app", () => {
  it("is no second factor until a code from the app confirms it, then gives ten recovery codes and an audit event", async () => {
    const owner = await createWorkspace();
    const started = await beginTotpSetup(actorOf(owner));
    expect(started?.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await hasSecondFactor(getDb(), owner.userId)).toBe(false);

    expect(await confirmTotpSetup(actorOf(owner), "000000" === codeAt(started!.secret) ? "111111" : "000000", { password: TEST_PASSWORD })).toBeNull();
    const codes = (await confirmTotpSetup(actorOf(owner), codeAt(started!.secret), { password: TEST_PASSWORD })) as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes!) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await findTwoFactorStatus(getDb(), owner.userId)).toMatchObject({ totp: true, recoveryCodesLeft: 10 });
    expect(await events(owner, "auth.two_factor_enabled")).toHaveLength(1);
    // A second setup cannot replace a confirmed secret.
    expect(await beginTotpSetup(actorOf(owner))).toBeNull();
  });

  it("needs the current password: a session alone cannot add a factor, and wrong passwords count toward the throttle", async () => {
    const owner = await createWorkspace();
    const started = await beginTotpSetup(actorOf(owner));
    expect(await confirmTotpSetup(actorOf(owner), codeAt(started!.secret), {})).toEqual({ ok: false, lockedForMinutes: null });
    for (let i = 1; i < MAX_SECOND_FACTOR_FAILURES; i++) {
      expect(await confirmTotpSetup(actorOf(owner), codeAt(started!.secret), { password: "not the password" })).toMatchObject({ ok: false });
    }
    expect(await hasSecondFactor(getDb(), owner.userId)).toBe(false);
    // The limit is reached: even the right password is refused now.
    expect(await confirmTotpSetup(actorOf(owner), codeAt(started!.secret), { password: TEST_PASSWORD })).toMatchObject({ ok: false, lockedForMinutes: expect.any(Number) });
    expect(await hasSecondFactor(getDb(), owner.userId)).toBe(false);
    expect(await events(owner, "auth.two_factor_enabled")).toHaveLength(0);
  });

  it("keeps the secret sealed and the recovery codes hashed: neither is in the database as text", async () => {
    const { owner, secret, codes } = await withTotp();
    const [row] = await getDb().select().from(userTotp).where(eq(userTotp.userId, owner.userId));
    expect(row!.secretEncrypted).not.toContain(secret);
    expect(open(row!.secretEncrypted)).toBe(secret);
    const stored = await getDb().select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, owner.userId));
    const all = stored.map((r) => r.hash).join(" ");
    for (const code of codes) {
      expect(all).not.toContain(code);
      expect(all).not.toContain(code.replaceAll("-", ""));
    }
  });

  it("cannot open a secret sealed under another AUTH_SECRET, nor a tampered one", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP");
    const [v, iv, ciphertext, tag] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(open([v, iv, flipped.toString("base64url"), tag].join("."))).toBeNull();
    const before = process.env.AUTH_SECRET;
    setResolvedEnv({ AUTH_SECRET: randomBytes(32).toString("hex") });
    expect(open(sealed)).toBeNull();
    setResolvedEnv({ AUTH_SECRET: before });
  });
});

describe("the second step", () => {
  it("accepts a current TOTP code once: the same code again is refused", async () => {
    const { owner, secret } = await withTotp();
    const next = codeAt(secret, Date.now() + 30_000);
    expect(await checkSecondFactorCode(person(owner), next, actorOf(owner))).toEqual({ ok: true, method: "authenticator_app" });
    expect((await checkSecondFactorCode(person(owner), next, actorOf(owner))).ok).toBe(false);
  });

  it("accepts each recovery code once, in any case and grouping, and audits its use with how many are left", async () => {
    const { owner, codes } = await withTotp();
    expect(await checkSecondFactorCode(person(owner), codes[0]!.toUpperCase().replaceAll("-", " "), actorOf(owner))).toEqual({ ok: true, method: "recovery_code" });
    expect(await checkSecondFactorCode(person(owner), codes[0]!, actorOf(owner))).toMatchObject({ ok: false });
    const [used] = await events(owner, "auth.recovery_code_used");
    expect(used!.metadata).toEqual({ left: 9 });
  });

  it("lets only one of two simultaneous uses of the same recovery code through", async () => {
    const { owner, codes } = await withTotp();
    const results = await Promise.all(Array.from({ length: 4 }, () => checkSecondFactorCode(person(owner), codes[1]!, actorOf(owner))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it(`refuses even the right code after ${MAX_SECOND_FACTOR_FAILURES} wrong ones in 15 minutes, and audits each wrong one`, async () => {
    const { owner, secret } = await withTotp();
    const right = codeAt(secret, Date.now() + 30_000);
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < MAX_SECOND_FACTOR_FAILURES; i++) {
      expect(await checkSecondFactorCode(person(owner), wrong, actorOf(owner))).toMatchObject({ ok: false });
    }
    const locked = await checkSecondFactorCode(person(owner), right, actorOf(owner));
    expect(locked).toMatchObject({ ok: false });
    expect(!locked.ok && locked.lockedForMinutes).toBeGreaterThanOrEqual(14);
    expect(await events(owner, "auth.second_factor_failed")).toHaveLength(MAX_SECOND_FACTOR_FAILURES);
    // Another account is not affected.
    const other = await withTotp();
    expect((await checkSecondFactorCode(person(other.owner), codeAt(other.secret, Date.now() + 30_000), actorOf(other.owner))).ok).toBe(true);
  });

  it("a burst of parallel wrong codes cannot get past the limit", async () => {
    const { owner } = await withTotp();
    const results = await Promise.all(Array.from({ length: 12 }, () => checkSecondFactorCode(person(owner), "999999", actorOf(owner))));
    expect(results.every((r) => !r.ok)).toBe(true);
    const failures = await getDb().execute<{ n: number }>(`select count(*)::int as n from second_factor_failures where user_id = '${owner.userId}'`);
    expect(Number(failures[0]!.n)).toBeLessThanOrEqual(MAX_SECOND_FACTOR_FAILURES);
  });

  it("pending sign-ins and tickets are signed, expire, and are not interchangeable", () => {
    const pending = pendingSignInToken("11111111-1111-4111-8111-111111111111");
    expect(readPendingSignIn(pending)).toBe("11111111-1111-4111-8111-111111111111");
    expect(readSignInTicket(pending)).toBeNull();
    const ticket = signInTicket("11111111-1111-4111-8111-111111111111");
    expect(readPendingSignIn(ticket)).toBeNull();
    const [body] = pending.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "22222222-2222-4222-8222-222222222222", exp: 9_999_999_999 })).toString("base64url");
    expect(readPendingSignIn(`${forged}.${pending.split(".")[1]}`)).toBeNull();
    expect(readPendingSignIn(`${body}.x`)).toBeNull();
  });
});

describe("turning off and regenerating", () => {
  it("need the current password or a second factor, and new codes replace the old ones", async () => {
    const { owner, secret, codes } = await withTotp();
    expect(await confirmIdentity(person(owner), { password: "not my password" }, actorOf(owner))).toMatchObject({ ok: false });
    expect(await confirmIdentity(person(owner), { password: TEST_PASSWORD }, actorOf(owner))).toEqual({ ok: true, method: "password" });
    expect(await confirmIdentity(person(owner), { code: codes[2]! }, actorOf(owner))).toEqual({ ok: true, method: "recovery_code" });

    const fresh = await regenerateRecoveryCodes(actorOf(owner));
    expect(fresh).toHaveLength(10);
    // The old codes are gone, the new ones work.
    expect((await checkSecondFactorCode(person(owner), codes[3]!, actorOf(owner))).ok).toBe(false);
    expect((await checkSecondFactorCode(person(owner), fresh![0]!, actorOf(owner))).ok).toBe(true);
    expect(await events(owner, "auth.recovery_codes_regenerated")).toHaveLength(1);

    expect(await confirmIdentity(person(owner), { code: codeAt(secret, Date.now() + 30_000) }, actorOf(owner))).toMatchObject({ ok: true });
    expect(await turnOffTotp(actorOf(owner))).toBe(true);
    expect(await findTwoFactorStatus(getDb(), owner.userId)).toMatchObject({ totp: false, recoveryCodesLeft: 0 });
    expect(await events(owner, "auth.two_factor_disabled")).toHaveLength(1);
    expect(await turnOffTotp(actorOf(owner))).toBe(false);
  });
});

describe("an owner's reset", () => {
  it("removes a member's factors and sessions, only in the owner's own workspace, audited there", async () => {
    const owner = await createWorkspace();
    const member = await addMember(owner.workspaceId, "member");
    await withTotp(member);
    await addPasskey(actorOf(member), { credentialId: randomBytes(16).toString("base64url"), publicKey: "pk", counter: 0, transports: [], name: "Phone" });
    const session = await startSession({ userId: member.userId, ip: null, userAgent: null });

    const stranger = await createWorkspace();
    expect(await resetMemberSecondFactor(actorOf(stranger), { workspaceId: stranger.workspaceId, userId: member.userId })).toBe("not_member");
    expect(await hasSecondFactor(getDb(), member.userId)).toBe(true);
    expect(await resetMemberSecondFactor(actorOf(owner), { workspaceId: owner.workspaceId, userId: owner.userId })).toBe("self");

    expect(await resetMemberSecondFactor(actorOf(owner), { workspaceId: owner.workspaceId, userId: member.userId })).toBe("reset");
    expect(await hasSecondFactor(getDb(), member.userId)).toBe(false);
    expect(await getDb().select().from(passkeys).where(eq(passkeys.userId, member.userId))).toHaveLength(0);
    expect(await resumeSession(session, member.userId, null)).toBe(false);
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "member.two_factor_reset")));
    expect(event).toMatchObject({ actorId: owner.userId, targetId: member.userId, metadata: { authenticatorApp: true, recoveryCodes: 10, passkeys: 1 } });
  });
});

describe("a passkey's signature counter", () => {
  it("must go up (or stay 0 for authenticators without one): a counter going back fails the sign-in", async () => {
    const owner = await createWorkspace();
    const credentialId = randomBytes(16).toString("base64url");
    await addPasskey(actorOf(owner), { credentialId, publicKey: "pk", counter: 0, transports: [], name: "Laptop" });
    expect(await passkeyUsed(credentialId, 0)).toBe(true);
    expect(await passkeyUsed(credentialId, 5)).toBe(true);
    expect(await passkeyUsed(credentialId, 5)).toBe(false);
    expect(await passkeyUsed(credentialId, 3)).toBe(false);
    const [row] = await getDb().select({ counter: passkeys.counter }).from(passkeys).where(eq(passkeys.credentialId, credentialId));
    expect(Number(row!.counter)).toBe(5);
    expect(await passkeyUsed(credentialId, 6)).toBe(true);
  });
});

describe("an owner's reset of a member who belongs to other workspaces", () => {
  it("is refused unless the owner owns every workspace the member belongs to, and is then audited in each", async () => {
    const owner = await createWorkspace();
    const member = await addMember(owner.workspaceId, "member");
    await withTotp(member);
    // The member also belongs to a workspace of someone else, where the owner is only an admin.
    const other = await createWorkspace();
    await getDb().insert(memberships).values({ workspaceId: other.workspaceId, userId: member.userId, role: "member" });
    await getDb().insert(memberships).values({ workspaceId: other.workspaceId, userId: owner.userId, role: "admin" });

    expect(await resetMemberSecondFactor(actorOf(owner), { workspaceId: owner.workspaceId, userId: member.userId })).toBe("not_owner_everywhere");
    expect(await hasSecondFactor(getDb(), member.userId)).toBe(true);
    expect(await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "member.two_factor_reset"), eq(auditEvents.targetId, member.userId)))).toHaveLength(0);

    // Once the owner owns that workspace too, the reset goes through, audited in both.
    await getDb().update(memberships).set({ role: "owner" }).where(and(eq(memberships.workspaceId, other.workspaceId), eq(memberships.userId, owner.userId)));
    expect(await resetMemberSecondFactor(actorOf(owner), { workspaceId: owner.workspaceId, userId: member.userId })).toBe("reset");
    expect(await hasSecondFactor(getDb(), member.userId)).toBe(false);
    const audited = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "member.two_factor_reset"), eq(auditEvents.targetId, member.userId)));
    expect(audited.map((event) => event.workspaceId).sort()).toEqual([owner.workspaceId, other.workspaceId].sort());
  });
});

describe("a password change", () => {
  it("sets the new password and ends every other session, keeping this one", async () => {
    const owner = await createWorkspace();
    const current = await startSession({ userId: owner.userId, ip: null, userAgent: null });
    const other = await startSession({ userId: owner.userId, ip: null, userAgent: null });
    const stranger = await createWorkspace();
    const strangers = await startSession({ userId: stranger.userId, ip: null, userAgent: null });

    const { hashPassword } = await import("@/lib/auth/password");
    expect(await changePassword(actorOf(owner), { passwordHash: await hashPassword("a brand new password"), currentSessionId: current })).toBe(1);
    expect(await resumeSession(current, owner.userId, null)).toBe(true);
    expect(await resumeSession(other, owner.userId, null)).toBe(false);
    expect(await resumeSession(strangers, stranger.userId, null)).toBe(true);
    const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, owner.userId));
    expect(await verifyPassword(row!.hash!, "a brand new password")).toBe(true);
    expect((await events(owner, "auth.password_changed"))[0]!.metadata).toEqual({ sessionsEnded: 1 });
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, owner.userId))).toHaveLength(1);
  });
});

describe("the workspace requirement", () => {
  it("marks members without a second factor until they set one up; each change is audited once", async () => {
    const owner = await createWorkspace();
    const member = await addMember(owner.workspaceId, "member");
    expect(await isSecondFactorMissing(getDb(), owner.workspaceId, member.userId)).toBe(false);
    expect(await setRequireTwoFactor(actorOf(owner), { workspaceId: owner.workspaceId, required: true })).toBe(true);
    expect(await setRequireTwoFactor(actorOf(owner), { workspaceId: owner.workspaceId, required: true })).toBe(true);
    expect(await isSecondFactorMissing(getDb(), owner.workspaceId, member.userId)).toBe(true);
    await withTotp(member);
    expect(await isSecondFactorMissing(getDb(), owner.workspaceId, member.userId)).toBe(false);
    const changes = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "workspace.two_factor_required")));
    expect(changes).toHaveLength(1);
  });
});
