// Builders for integration tests: real rows through the app's own services.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import type { UserActor } from "@/lib/services/actor";
import { signUp } from "@/lib/services/accounts";
import { createApiKey } from "@/lib/services/api-keys";

// A real argon2id hash of "correct horse battery", computed once; hashing it anew per test
// would only slow the suite.
export const TEST_PASSWORD = "correct horse battery";
export const TEST_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$9vsuJsIX2b5IuxFTr8UaAg$AFEmd+wZ2p0UtOwmTWWAjYc8SvVg4ivQXbKRGhaGx8M";

export type TestUser = { userId: string; workspaceId: string; email: string };

export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@example.com`;

/** A person who signed up, owner of a new workspace (or with another role in it). */
export async function createWorkspace(options: { role?: Role; workspaceName?: string } = {}): Promise<TestUser> {
  const email = uniqueEmail();
  const created = await signUp(
    { name: "Test User", email, passwordHash: TEST_PASSWORD_HASH, workspaceName: options.workspaceName ?? "Acme Voice" },
    { ip: "192.0.2.1", userAgent: "vitest" },
  );
  if (!created.ok || !created.workspaceId) throw new Error("fixture: could not create user");
  if (options.role && options.role !== "owner") {
    await getDb().update(memberships).set({ role: options.role }).where(eq(memberships.userId, created.userId));
  }
  return { userId: created.userId, workspaceId: created.workspaceId, email };
}

/** A new person added to `workspaceId` with `role` (as an accepted invitation would). */
export async function addMember(workspaceId: string, role: Role, label = role): Promise<TestUser> {
  const email = uniqueEmail(label);
  const [user] = await getDb()
    .insert(users)
    .values({ name: `Test ${label}`, email, passwordHash: TEST_PASSWORD_HASH, activeWorkspaceId: workspaceId })
    .returning({ id: users.id });
  await getDb().insert(memberships).values({ workspaceId, userId: user!.id, role });
  return { userId: user!.id, workspaceId, email };
}

export function actorOf(user: { userId: string; email: string }): UserActor {
  return { type: "user", id: user.userId, email: user.email, ip: "192.0.2.1", userAgent: "vitest" };
}

export async function createKey(owner: TestUser, name = `key-${randomBytes(4).toString("hex")}`) {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name, description: null });
  if (!result.ok) throw new Error(`fixture: could not create key ${name}`);
  return result.created;
}
