// Every change to a person's second factors and password (README "Two-factor sign-in and
// passkeys"): authenticator app (TOTP) setup and removal, recovery codes, passkeys, an owner's
// reset of a member's factors, and password change. Each change and its audit events (one in
// every workspace the person belongs to, as for sessions) commit together.
import { and, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { findUserTotp } from "@/db/queries/two-factor";
import { memberships, passkeys, recoveryCodes, sessions, userTotp, users, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/events";
import { verifyPassword } from "@/lib/auth/password";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";
import { open, seal } from "@/lib/auth/secret-box";
import { beginSecondFactorAttempt, secondFactorAttemptPassed, secondFactorFailed, secondFactorLockedForMinutes, secondFactorSucceeded } from "@/lib/auth/second-factor-throttle";
import { newTotpSecret, normalizeTotpCode, totpStep } from "@/lib/auth/totp";
import type { Actor, UserActor } from "./actor";

type Person = { id: string; email: string };

async function auditForPerson(tx: Transaction, actor: Actor, person: Person, action: AuditAction, metadata: Record<string, unknown> = {}) {
  const rows = await tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, person.id));
  await recordAudit(
    tx,
    rows.map(({ workspaceId }) => ({ workspaceId, actor, action, target: { type: "user" as const, id: person.id, label: person.email }, metadata })),
  );
}

// ---- Authenticator app ----

/**
 * Starts (or restarts) setting up an authenticator app: a new secret, kept sealed and
 * unconfirmed until a code from the app proves it was saved. Null when one is already on.
 */
export async function beginTotpSetup(actor: UserActor): Promise<{ secret: string } | null> {
  const secret = newTotpSecret();
  const [row] = await getDb()
    .insert(userTotp)
    .values({ userId: actor.id, secretEncrypted: seal(secret) })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secretEncrypted: seal(secret), createdAt: sql`now()` }, setWhere: isNull(userTotp.confirmedAt) })
    .returning({ userId: userTotp.userId });
  return row ? { secret } : null;
}

/** "The current password or a second factor" (README "Two-factor sign-in and passkeys"). */
export type IdentityProof = { password?: string; code?: string };
export type ProofRefused = { ok: false; lockedForMinutes: number | null };

/**
 * Confirms the setup with a code from the app, after the current password (a stolen session
 * alone cannot add a factor): the ten new recovery codes, null for a wrong code, or the refusal
 * of the proof (checked first, counted by the same throttle as every other proof).
 */
export async function confirmTotpSetup(actor: UserActor, code: string, proof: IdentityProof): Promise<string[] | null | ProofRefused> {
  const check = await confirmIdentity(actor, proof, actor);
  if (!check.ok) return check;
  const row = await findUserTotp(getDb(), actor.id);
  const secret = row && !row.confirmedAt ? open(row.secretEncrypted) : null;
  const step = secret ? totpStep(secret, normalizeTotpCode(code)) : null;
  if (step === null) return null;
  return getDb().transaction(async (tx) => {
    const [confirmed] = await tx
      .update(userTotp)
      .set({ confirmedAt: sql`now()`, lastUsedStep: step })
      // Only the secret the code was checked against: one replaced meanwhile (a setup restarted in another tab) is not confirmed.
      .where(and(eq(userTotp.userId, actor.id), isNull(userTotp.confirmedAt), eq(userTotp.secretEncrypted, row!.secretEncrypted)))
      .returning({ userId: userTotp.userId });
    if (!confirmed) return null;
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await auditForPerson(tx, actor, actor, "auth.two_factor_enabled", { method: "authenticator_app" });
    return codes;
  });
}

/** Turns the authenticator app off, with the recovery codes that came with it. Passkeys stay. */
export async function turnOffTotp(actor: UserActor): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const removed = await tx.delete(userTotp).where(and(eq(userTotp.userId, actor.id), isNotNull(userTotp.confirmedAt))).returning({ userId: userTotp.userId });
    if (removed.length === 0) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    await auditForPerson(tx, actor, actor, "auth.two_factor_disabled", { method: "authenticator_app" });
    return true;
  });
}

/** Ten new recovery codes; the old ones stop working. Null when the person has no authenticator app. */
export async function regenerateRecoveryCodes(actor: UserActor): Promise<string[] | null> {
  return getDb().transaction(async (tx) => {
    const [on] = await tx.select({ userId: userTotp.userId }).from(userTotp).where(and(eq(userTotp.userId, actor.id), isNotNull(userTotp.confirmedAt))).for("update");
    if (!on) return null;
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await auditForPerson(tx, actor, actor, "auth.recovery_codes_regenerated");
    return codes;
  });
}

async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

// ---- Checking a second factor ----

export type CodeCheck = { ok: true; method: "authenticator_app" | "recovery_code" } | { ok: false; lockedForMinutes: number | null };

/**
 * Checks a code from the authenticator app (six digits) or a recovery code, throttled per
 * account (lib/auth/second-factor-throttle.ts). A TOTP code is good once: its time step must be
 * later than the last one used. A recovery code is spent by the same statement that finds it,
 * so two uses at once cannot both pass. `actor` is who is audited when a recovery code is spent.
 */
export async function checkSecondFactorCode(person: Person, code: string, actor: Actor): Promise<CodeCheck> {
  const attempt = await beginSecondFactorAttempt(person.id);
  if (!attempt.allowed) return { ok: false, lockedForMinutes: (await secondFactorLockedForMinutes(person.id)) ?? 1 };
  const method = await verifyCode(person, code, actor);
  if (method) {
    await secondFactorSucceeded(person.id);
    return { ok: true, method };
  }
  await secondFactorFailed(attempt);
  await getDb().transaction((tx) => auditForPerson(tx, actor, person, "auth.second_factor_failed"));
  return { ok: false, lockedForMinutes: await secondFactorLockedForMinutes(person.id) };
}

async function verifyCode(person: Person, code: string, actor: Actor): Promise<"authenticator_app" | "recovery_code" | null> {
  const digits = normalizeTotpCode(code);
  if (/^\d{6}$/.test(digits)) {
    const row = await findUserTotp(getDb(), person.id);
    const secret = row?.confirmedAt ? open(row.secretEncrypted) : null;
    const step = secret ? totpStep(secret, digits) : null;
    if (step === null) return null;
    const [used] = await getDb()
      .update(userTotp)
      .set({ lastUsedStep: step })
      .where(and(eq(userTotp.userId, person.id), isNotNull(userTotp.confirmedAt), or(isNull(userTotp.lastUsedStep), sql`${userTotp.lastUsedStep} < ${step}`)))
      .returning({ userId: userTotp.userId });
    return used ? "authenticator_app" : null;
  }
  const normalized = normalizeRecoveryCode(code);
  if (!/^[a-z0-9]{16}$/.test(normalized)) return null;
  return getDb().transaction(async (tx) => {
    const [spent] = await tx
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(recoveryCodes.userId, person.id), eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!spent) return null;
    const [left] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, person.id), isNull(recoveryCodes.usedAt)));
    await auditForPerson(tx, actor, person, "auth.recovery_code_used", { left: left!.n });
    return "recovery_code" as const;
  });
}

/**
 * "Each needs the current password or a second factor": checks whichever was given. Wrong
 * answers count towards the second-step limit, so a borrowed session cannot guess either.
 */
export async function confirmIdentity(person: Person, proof: { password?: string; code?: string }, actor: Actor): Promise<CodeCheck | { ok: true; method: "password" }> {
  if (proof.code) return checkSecondFactorCode(person, proof.code, actor);
  const attempt = await beginSecondFactorAttempt(person.id);
  if (!attempt.allowed) return { ok: false, lockedForMinutes: (await secondFactorLockedForMinutes(person.id)) ?? 1 };
  const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, person.id));
  if (user?.passwordHash && proof.password && (await verifyPassword(user.passwordHash, proof.password))) {
    await secondFactorAttemptPassed(attempt);
    return { ok: true, method: "password" };
  }
  await secondFactorFailed(attempt);
  return { ok: false, lockedForMinutes: await secondFactorLockedForMinutes(person.id) };
}

// ---- Passkeys ----

export type NewPasskey = { credentialId: string; publicKey: string; counter: number; transports: string[]; name: string };

export async function addPasskey(actor: UserActor, passkey: NewPasskey): Promise<{ id: string } | null> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({ userId: actor.id, ...passkey })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning({ id: passkeys.id });
    if (!row) return null;
    await auditForPerson(tx, actor, actor, "auth.passkey_added", { name: passkey.name });
    return row;
  });
}

export async function removePasskey(actor: UserActor, passkeyId: string): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [removed] = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, actor.id)))
      .returning({ name: passkeys.name });
    if (!removed) return false;
    await auditForPerson(tx, actor, actor, "auth.passkey_removed", { name: removed.name });
    return true;
  });
}

/**
 * A passkey was used: keep its signature counter (a clone shows as a counter going back) and
 * when. The counter must go up (or stay 0, for authenticators that keep none), checked by the
 * same UPDATE, so two sign-ins with one signature at once cannot both pass. False: refuse.
 */
export async function passkeyUsed(credentialId: string, newCounter: number): Promise<boolean> {
  const updated = await getDb()
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: sql`now()` })
    .where(and(eq(passkeys.credentialId, credentialId), or(sql`${passkeys.counter} < ${newCounter}`, sql`${newCounter} = 0`)))
    .returning({ id: passkeys.id });
  return updated.length > 0;
}

// ---- An owner's reset ----

/**
 * An owner resets a member who lost their second factor: the authenticator app, recovery codes
 * and passkeys go, and so do the member's sessions, so whoever holds the lost device is out
 * too. The member signs in with their password and sets a factor up again. Factors belong to
 * the person, not to one workspace: only someone who owns every workspace the member belongs
 * to may reset them ("not_owner_everywhere" otherwise), and the reset is audited in each. The
 * caller checks that the actor owns `workspaceId`, where it is done.
 */
export async function resetMemberSecondFactor(
  actor: UserActor,
  input: { workspaceId: string; userId: string },
): Promise<"reset" | "not_member" | "self" | "not_owner_everywhere"> {
  if (input.userId === actor.id) return "self";
  return getDb().transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
    if (!member) return "not_member";
    // Locked, so a workspace the member joins meanwhile cannot escape the check.
    const theirs = await tx.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, member.id)).for("update");
    const owned = new Set(
      (
        await tx
          .select({ workspaceId: memberships.workspaceId })
          .from(memberships)
          .where(and(eq(memberships.userId, actor.id), eq(memberships.role, "owner")))
      ).map((row) => row.workspaceId),
    );
    if (theirs.some((row) => !owned.has(row.workspaceId))) return "not_owner_everywhere";
    const [totp, codes, keys] = await Promise.all([
      tx.delete(userTotp).where(eq(userTotp.userId, member.id)).returning({ userId: userTotp.userId }),
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, member.id)).returning({ id: recoveryCodes.id }),
      tx.delete(passkeys).where(eq(passkeys.userId, member.id)).returning({ id: passkeys.id }),
    ]);
    await tx.delete(sessions).where(eq(sessions.userId, member.id));
    await recordAudit(
      tx,
      theirs.map(({ workspaceId }) => ({
        workspaceId,
        actor,
        action: "member.two_factor_reset" as const,
        target: { type: "member" as const, id: member.id, label: member.email },
        metadata: { authenticatorApp: totp.length > 0, recoveryCodes: codes.length, passkeys: keys.length },
      })),
    );
    return "reset";
  });
}

// ---- Password ----

/** Sets a new password and ends every other session of the person; this one stays. */
export async function changePassword(actor: UserActor, input: { passwordHash: string; currentSessionId: string }): Promise<number> {
  return getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: input.passwordHash }).where(eq(users.id, actor.id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.id), ne(sessions.id, input.currentSessionId)))
      .returning({ id: sessions.id });
    await auditForPerson(tx, actor, actor, "auth.password_changed", { sessionsEnded: ended.length });
    return ended.length;
  });
}

// ---- The workspace setting ----

/** Settings → General → "Require two-factor sign-in". False when the workspace is gone. */
export async function setRequireTwoFactor(actor: UserActor, input: { workspaceId: string; required: boolean }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ required: workspaces.requireTwoFactor })
      .from(workspaces)
      .where(eq(workspaces.id, input.workspaceId))
      .for("update");
    if (!before) return false;
    // No change, no event.
    if (before.required === input.required) return true;
    await tx.update(workspaces).set({ requireTwoFactor: input.required }).where(eq(workspaces.id, input.workspaceId));
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor,
      action: "workspace.two_factor_required",
      target: { type: "workspace", id: input.workspaceId, label: null },
      metadata: { before: { requireTwoFactor: before.required }, after: { requireTwoFactor: input.required } },
    });
    return true;
  });
}
