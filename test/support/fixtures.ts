// Builders for integration tests: real rows through the app's own queries.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createApiKey } from "@/db/queries/api-keys";
import { createUserWithWorkspace } from "@/db/queries/users";
import { getDb } from "@/db/client";
import { memberships, type Role } from "@/db/schema";

// A real argon2id hash of "correct horse battery", computed once; hashing it anew per test
// would only slow the suite.
export const TEST_PASSWORD = "correct horse battery";
export const TEST_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$9vsuJsIX2b5IuxFTr8UaAg$AFEmd+wZ2p0UtOwmTWWAjYc8SvVg4ivQXbKRGhaGx8M";

export async function createWorkspace(options: { role?: Role; workspaceName?: string } = {}) {
  const email = `user-${randomBytes(5).toString("hex")}@example.com`;
  const created = await createUserWithWorkspace({
    name: "Test User",
    email,
    passwordHash: TEST_PASSWORD_HASH,
    workspaceName: options.workspaceName ?? "Acme Voice",
  });
  if (!created.ok) throw new Error("fixture: could not create user");
  if (options.role && options.role !== "owner") {
    await getDb().update(memberships).set({ role: options.role }).where(eq(memberships.userId, created.userId));
  }
  return { userId: created.userId, workspaceId: created.workspaceId, email };
}

export async function createKey(
  owner: { userId: string; workspaceId: string; email: string },
  name = `key-${randomBytes(4).toString("hex")}`,
) {
  const result = await createApiKey({
    workspaceId: owner.workspaceId,
    type: "private",
    name,
    description: null,
    createdBy: { id: owner.userId, email: owner.email },
  });
  if (!result.ok) throw new Error(`fixture: could not create key ${name}`);
  return result.created;
}
