// Sign-up's transaction and sign-in throttling, on a real database.
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadSessionContext } from "@/db/queries/session";
import { createUserWithWorkspace, findUserByEmail } from "@/db/queries/users";
import { signInFailures, workspaces } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { MAX_FAILURES, recordSignInFailure, signInLockedForMinutes, WINDOW_MS } from "@/lib/auth/throttle";
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
  it("locks an email after 10 failures for the rest of the 15-minute window", async () => {
    const address = email();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInFailure(address, null);
    expect(await signInLockedForMinutes(address, null)).toBeNull();
    await recordSignInFailure(address, null);
    expect(await signInLockedForMinutes(address, null)).toBe(15);
    // 15 minutes later the window has moved past every failure.
    expect(await signInLockedForMinutes(address, null, new Date(Date.now() + WINDOW_MS + 1000))).toBeNull();
  });

  it("locks an IP after 10 failures across different emails", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    await getDb().delete(signInFailures).where(eq(signInFailures.ip, ip));
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(email(), ip);
    expect(await signInLockedForMinutes(email(), ip)).toBe(15);
    expect(await signInLockedForMinutes(email(), "198.51.100.1")).toBeNull();
  });
});
