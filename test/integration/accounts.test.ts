// Sign-up's transaction and sign-in throttling, on a real database.
import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findActiveMembership } from "@/db/queries/session";
import { findUserByEmail } from "@/db/queries/users";
import { signInFailures, signUpAttempts, workspaces } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { signUp } from "@/lib/services/accounts";
import {
  beginSignInAttempt,
  beginSignUp,
  LIMITS,
  MAX_SIGN_UPS_PER_HOUR,
  signInFailed,
  signInLockedForMinutes,
  signInSucceeded,
} from "@/lib/auth/throttle";
import { createWorkspace, TEST_PASSWORD } from "../support/fixtures";

const email = () => `throttle-${randomBytes(5).toString("hex")}@example.com`;

describe("sign-up", () => {
  it("creates the user, their workspace and an owner membership", async () => {
    const owner = await createWorkspace({ workspaceName: "Vapi Ops" });
    const context = await findActiveMembership(getDb(), owner.userId);
    expect(context).toEqual({ role: "owner", workspace: { id: owner.workspaceId, name: "Vapi Ops" } });
    const user = await findUserByEmail(getDb(), owner.email);
    expect(await verifyPassword(user!.passwordHash!, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(user!.passwordHash!, "wrong password")).toBe(false);
  });

  it("refuses a taken email and leaves no orphan workspace behind", async () => {
    const owner = await createWorkspace();
    const before = (await getDb().select({ n: count() }).from(workspaces))[0]!.n;
    const again = await signUp({ name: "X", email: owner.email, passwordHash: "x", workspaceName: "Dup" }, { ip: null, userAgent: null });
    expect(again).toEqual({ ok: false, reason: "email_taken" });
    expect((await getDb().select({ n: count() }).from(workspaces))[0]!.n).toBe(before);
  });
});

describe("sign-in throttling", () => {
  const age = (address: string, minutes: number) =>
    getDb().execute(sql`update sign_in_failures set failed_at = failed_at - make_interval(mins => ${minutes}) where email = ${address}`);
  const rowsFor = async (address: string) =>
    (await getDb().select({ n: count() }).from(signInFailures).where(eq(signInFailures.email, address)))[0]!.n;
  /** One wrong password, the way `authorize` handles it. */
  const fail = async (address: string, ip: string | null) => {
    const attempt = await beginSignInAttempt(address, ip);
    if (attempt.allowed) await signInFailed(attempt);
    return attempt.allowed;
  };
  let nextIp = 0;
  /** A fresh address for each use, so that tests never share counts. */
  const newIp = () => `10.${(nextIp >> 8) & 255}.${nextIp++ & 255}.${Math.floor(Math.random() * 250) + 1}`;

  it("allows 10 failures for an account from one address, refuses the 11th for the rest of the 15-minute window", async () => {
    const address = email();
    const ip = newIp();
    for (let i = 0; i < LIMITS.accountFromAddress; i++) expect(await fail(address, ip)).toBe(true);
    expect(await signInLockedForMinutes(address, ip)).toBe(15);
    expect(await fail(address, ip)).toBe(false);
    expect(await rowsFor(address)).toBe(LIMITS.accountFromAddress); // a refused attempt writes nothing
    await age(address, 10);
    expect(await signInLockedForMinutes(address, ip)).toBe(5);
    await age(address, 6);
    expect(await signInLockedForMinutes(address, ip)).toBeNull();
    expect(await fail(address, ip)).toBe(true);
  });

  it("does not let a stranger lock the owner out: the owner's own address may still sign in", async () => {
    const owner = await createWorkspace();
    const stranger = newIp();
    for (let i = 0; i < LIMITS.accountFromAddress; i++) await fail(owner.email, stranger);
    expect(await fail(owner.email, stranger)).toBe(false);
    expect(await signInLockedForMinutes(owner.email, newIp())).toBeNull();
    expect((await beginSignInAttempt(owner.email, newIp())).allowed).toBe(true);
  });

  it("locks an account after 100 failures from many addresses, except for a browser that signed in to it before", async () => {
    const owner = await createWorkspace();
    // Spread over 20 addresses, 5 each: no single address reaches its own limit.
    for (let i = 0; i < LIMITS.account / 5; i++) {
      const ip = newIp();
      for (let j = 0; j < 5; j++) expect(await fail(owner.email, ip)).toBe(true);
    }
    expect(await signInLockedForMinutes(owner.email, newIp())).toBe(15);
    expect((await beginSignInAttempt(owner.email, newIp())).allowed).toBe(false);
    expect(await signInLockedForMinutes(owner.email, newIp(), { knownDevice: true })).toBeNull();
    expect((await beginSignInAttempt(owner.email, newIp(), { knownDevice: true })).allowed).toBe(true);
  });

  it("counts an IPv6 /64 as one address, and an IPv4-mapped IPv6 address as its IPv4 address", async () => {
    const address = email();
    // Ten different addresses of one /64...
    for (let i = 0; i < LIMITS.accountFromAddress; i++) expect(await fail(address, `2001:db8:77:0::${i + 1}`)).toBe(true);
    // ...lock the whole /64, and only it.
    expect(await fail(address, "2001:db8:77:0:ffff::9")).toBe(false);
    expect(await fail(address, "2001:db8:77:1::1")).toBe(true);
    const v4 = email();
    for (let i = 0; i < LIMITS.accountFromAddress; i++) await fail(v4, "192.0.2.77");
    expect(await fail(v4, "::ffff:192.0.2.77")).toBe(false);
  });

  it("locks an address after 50 failures across different accounts", async () => {
    const ip = newIp();
    for (let i = 0; i < LIMITS.address; i++) expect(await fail(email(), ip)).toBe(true);
    expect(await signInLockedForMinutes(email(), ip)).toBe(15);
    expect(await fail(email(), ip)).toBe(false);
    expect(await fail(email(), newIp())).toBe(true);
  });

  it("lets no more than 10 of 30 parallel guesses at one account from one address through", async () => {
    const address = email();
    const ip = newIp();
    const attempts = await Promise.all(Array.from({ length: 30 }, () => beginSignInAttempt(address, ip)));
    const allowed = attempts.filter((a) => a.allowed);
    // Check-then-record would let all 30 through; record-then-count lets at most 10.
    expect(allowed.length).toBeLessThanOrEqual(LIMITS.accountFromAddress);
    expect(await rowsFor(address)).toBe(allowed.length); // refused attempts left no row
    await Promise.all(allowed.map((a) => signInFailed(a)));
    // The next attempt is allowed exactly while fewer than 10 failures stand.
    expect((await beginSignInAttempt(address, ip)).allowed).toBe(allowed.length < LIMITS.accountFromAddress);
  });

  it("does not refuse people signing in at the same moment from one address", async () => {
    const ip = newIp();
    const attempts = await Promise.all(Array.from({ length: 15 }, () => beginSignInAttempt(email(), ip)));
    expect(attempts.every((a) => a.allowed)).toBe(true);
  });

  it("forgets this address's failures for the account after a successful sign-in, not other addresses'", async () => {
    const address = email();
    const [here, elsewhere] = [newIp(), newIp()];
    for (let i = 0; i < LIMITS.accountFromAddress - 1; i++) await fail(address, here);
    await fail(address, elsewhere);
    await signInSucceeded(address, here);
    expect(await rowsFor(address)).toBe(1);
  });
});

describe("sign-up throttling", () => {
  it("lets one address start 20 sign-ups an hour, even in a parallel burst", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    await getDb().delete(signUpAttempts).where(eq(signUpAttempts.ip, ip));
    const burst = await Promise.all(Array.from({ length: 30 }, () => beginSignUp(ip)));
    expect(burst.filter(Boolean).length).toBeLessThanOrEqual(MAX_SIGN_UPS_PER_HOUR);
    const allowedSoFar = burst.filter(Boolean).length;
    for (let i = allowedSoFar; i < MAX_SIGN_UPS_PER_HOUR; i++) expect(await beginSignUp(ip)).toBe(true);
    expect(await beginSignUp(ip)).toBe(false);
    expect(await beginSignUp("192.0.2.251")).toBe(true);
    // An hour later the address may sign up again.
    await getDb().execute(sql`update sign_up_attempts set attempted_at = attempted_at - interval '61 minutes' where ip = ${ip}`);
    expect(await beginSignUp(ip)).toBe(true);
  });
});
