// Real failed writes, logged: the SQLSTATE and the driver's message reach the log, the query's
// parameters (email, argon2id password hash, a key's SHA-256) never do.
import { createHash, randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { captureLogs } from "@/lib/log";
import { logError, logUnexpectedError, newRequestId } from "@/lib/server/error-log";
import { signUp } from "@/lib/services/accounts";
import { createWorkspace, TEST_PASSWORD_HASH, uniqueEmail } from "../support/fixtures";

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

/** What was logged, as a person reads it (`[scope] id what: error` and the frames), and the raw lines. */
const printed = () =>
  logs
    .entries()
    .map((e) => `[${e.scope}] ${e.requestId} ${e.msg}${e.sameStackAs ? ` (same stack as ${e.sameStackAs})` : ""}: ${e.error}${e.stack ? `\n${e.stack}` : ""}`)
    .join("\n") + logs.text();

async function thrownBy(write: Promise<unknown>): Promise<unknown> {
  try {
    await write;
  } catch (error) {
    return error;
  }
  throw new Error("the write was expected to fail");
}

it("a sign-up that fails in PostgreSQL logs 22021, not the email or the password hash", async () => {
  const email = uniqueEmail("nul");
  // A NUL byte is a value PostgreSQL's text refuses: the insert fails with its parameters in hand.
  const error = await thrownBy(
    signUp({ name: "a\u0000b", email, passwordHash: TEST_PASSWORD_HASH, workspaceName: "Acme" }, { ip: "192.0.2.1", userAgent: "vitest" }),
  );
  expect(String((error as Error).message)).toContain(TEST_PASSWORD_HASH); // what used to be logged
  const requestId = newRequestId();
  logUnexpectedError("action", requestId, error, "sign-up failed");

  const output = printed();
  expect(output).toContain(`[action] ${requestId} sign-up failed: DrizzleQueryError, caused by PostgresError 22021: invalid byte sequence`);
  expect(output).toMatch(/\n\s+at .*lib\/services\/accounts\.ts/); // Drizzle's frames: our call site
  expect(output).not.toContain(TEST_PASSWORD_HASH);
  expect(output).not.toContain(TEST_PASSWORD_HASH.split("$").at(-1)); // not even the hash's digest
  expect(output).not.toContain(email);
  expect(output).not.toMatch(/params/i);
});

it("a failed key insert logs 22021, not the key's SHA-256", async () => {
  const owner = await createWorkspace();
  const keyHash = createHash("sha256").update(randomBytes(32)).digest("hex");
  const error = await thrownBy(
    getDb()
      .insert(apiKeys)
      .values({
        workspaceId: owner.workspaceId,
        type: "private",
        name: "a\u0000b",
        hash: keyHash,
        start: "sk_live_abcd",
        end: "wxyz",
        createdByType: "user",
        createdByUserId: owner.userId,
        createdByLabel: owner.email,
      }),
  );
  expect(String((error as Error).message)).toContain(keyHash);
  logError("hygiene", error, "sweep failed");

  const output = printed();
  expect(output).toMatch(/^\[hygiene\] req_[\w-]+ sweep failed: DrizzleQueryError, caused by PostgresError 22021: /);
  expect(output).not.toContain(keyHash);
  expect(output).not.toContain(owner.email);
});

it("a unique violation logs 23505 and the constraint, not the driver's detail with the email", async () => {
  const owner = await createWorkspace();
  const error = await thrownBy(getDb().insert(users).values({ name: "Twin", email: owner.email, passwordHash: TEST_PASSWORD_HASH }));
  expect((error as Error & { cause: { detail: string } }).cause.detail).toContain(owner.email);
  // As an action sees it when a service wraps the failure.
  logUnexpectedError("action", newRequestId(), new Error("could not add the member", { cause: error }));

  const output = printed();
  expect(output).toContain('caused by DrizzleQueryError, caused by PostgresError 23505: duplicate key value violates unique constraint "users_email_key"');
  expect(output).not.toContain(owner.email);
  expect(output).not.toContain(TEST_PASSWORD_HASH);
});
