// A person's second factors: plain data access (changes are in lib/services/two-factor.ts).
import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { passkeys, recoveryCodes, userTotp, users, workspaces } from "@/db/schema";

export type TwoFactorStatus = {
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
};

export async function findTwoFactorStatus(db: Database | Transaction, userId: string): Promise<TwoFactorStatus> {
  const [[totp], [codes], keys] = await Promise.all([
    db.select({ on: sql<number>`1` }).from(userTotp).where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt))),
    db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
    db
      .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.userId, userId))
      .orderBy(asc(passkeys.createdAt)),
  ]);
  return { totp: !!totp, recoveryCodesLeft: codes?.n ?? 0, passkeys: keys };
}

/** Whether the person has a second factor: a confirmed authenticator app or a passkey. */
export function hasSecondFactorSql(userId: string) {
  return sql<boolean>`(exists (select 1 from ${userTotp} where ${userTotp.userId} = ${userId} and ${userTotp.confirmedAt} is not null)
    or exists (select 1 from ${passkeys} where ${passkeys.userId} = ${userId}))`;
}

export async function hasSecondFactor(db: Database | Transaction, userId: string): Promise<boolean> {
  const [row] = await db.select({ has: hasSecondFactorSql(userId).mapWith(Boolean) }).from(users).where(eq(users.id, userId));
  return row?.has ?? false;
}

/** True when `workspaceId` requires two-factor sign-in and the person has no second factor yet. */
export async function isSecondFactorMissing(db: Database | Transaction, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ missing: sql<boolean>`${workspaces.requireTwoFactor} and not ${hasSecondFactorSql(userId)}`.mapWith(Boolean) })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.missing ?? false;
}

export async function findUserTotp(db: Database | Transaction, userId: string) {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row ?? null;
}

export async function findPasskeyByCredentialId(db: Database | Transaction, credentialId: string) {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

export async function listPasskeyCredentials(db: Database | Transaction, userId: string) {
  return db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId));
}
