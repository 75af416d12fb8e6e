// Sign-up's transaction and sign-in throttling, on a real database.
import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadSessionContext } from "@/db/queries/session";
import { createUserWithWorkspace, findUserByEmail } from "@/db/queries/users";
import { signInFailures, signUpAttempts, workspaces } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import {
  beginSignInAttempt,
  beginSignUp,
  MAX_FAILURES,
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
    const context = await loadSessionContext(owner.userId);
    expect(context).toMatchObject({ role: "owner", workspace: { id: owner.workspaceId, name: "Vapi Ops" }, user: { email: owner.email } });
    const user = await findUserByEmail(owner.email);
    expect(await verifyPassword(user!.passwordHash!, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(user!.passwordHash!, "wrong password")).toBe(false);
  });

  it("refuses a taken email and leaves no orphan workspace behind", async () => {
    const owner = await createWorkspace();
    const before = (await getDb().select({ n: count() }).from(workspaces))[0]!.n;
    const again = await createUserWithWorkspace({ name: "X", email: owner.email, passwordHash: "x", workspaceName: "Dup" });
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

  it("allows 10 failures for an email, refuses the 11th attempt for the rest of the 15-minute window", async () => {
    const address = email();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await fail(address, null)).toBe(true);
    expect(await signInLockedForMinutes(address, null)).toBe(15);
    expect(await fail(address, null)).toBe(false);
    expect(await rowsFor(address)).toBe(MAX_FAILURES); // a refused attempt writes nothing
    await age(address, 10);
    expect(await signInLockedForMinutes(address, null)).toBe(5);
    await age(address, 6);
    expect(await signInLockedForMinutes(address, null)).toBeNull();
    expect(await fail(address, null)).toBe(true);
  });

  it("locks an IP after 10 failures across different emails", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    await getDb().delete(signInFailures).where(eq(signInFailures.ip, ip));
    for (let i = 0; i < MAX_FAILURES; i++) expect(await fail(email(), ip)).toBe(true);
    expect(await signInLockedForMinutes(email(), ip)).toBe(15);
    expect(await fail(email(), ip)).toBe(false);
    expect(await fail(email(), "198.51.100.1")).toBe(true);
  });

  it("lets no more than 10 of 30 parallel guesses at one account through", async () => {
    const address = email();
    const attempts = await Promise.all(Array.from({ length: 30 }, () => beginSignInAttempt(address, null)));
    const allowed = attempts.filter((a) => a.allowed);
    // Check-then-record would let all 30 through; record-then-count lets at most 10.
    expect(allowed.length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(await rowsFor(address)).toBe(allowed.length); // refused attempts left no row
    await Promise.all(allowed.map((a) => signInFailed(a)));
    // The next attempt is allowed exactly while fewer than 10 failures stand.
    expect((await beginSignInAttempt(address, null)).allowed).toBe(allowed.length < MAX_FAILURES);
  });

  it("does not refuse people signing in at the same moment from one address", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const attempts = await Promise.all(Array.from({ length: 15 }, () => beginSignInAttempt(email(), ip)));
    expect(attempts.every((a) => a.allowed)).toBe(true);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const address = email();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await fail(address, null);
    expect((await beginSignInAttempt(address, null)).allowed).toBe(true);
    await signInSucceeded(address);
    expect(await rowsFor(address)).toBe(0);
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
