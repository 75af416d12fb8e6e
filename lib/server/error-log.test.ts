// The error logger writes what went wrong (class, code, message, frames, request id) and never
// a failed query's parameters: a sign-up's password hash, a key's SHA-256, an email.
import { DrizzleQueryError } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLogs } from "@/lib/log";
import { describeError, logError, logUnexpectedError, newRequestId } from "./error-log";

const EMAIL = "victim@example.com";
const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";
const KEY_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const SECRETS = [EMAIL, PASSWORD_HASH, KEY_HASH];

// postgres-js builds its errors from the server's fields (its types declare no constructor).
const PostgresError = postgres.PostgresError as unknown as new (fields: Record<string, string>) => Error;

function failedInsert(params: unknown[] = [EMAIL, PASSWORD_HASH, KEY_HASH]) {
  const cause = new PostgresError({
    message: 'duplicate key value violates unique constraint "users_email_key"',
    code: "23505",
    detail: `Key (email)=(${EMAIL}) already exists.`,
  });
  return new DrizzleQueryError('insert into "users" ("email", "password_hash", "hash") values ($1, $2, $3)', params, cause);
}

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

/** The error lines logged since the test began, as a person reads them: `[scope] id what: error` and the frames. */
const printed = () =>
  logs.entries().map((e) => `[${e.scope}] ${e.requestId} ${e.msg}${e.sameStackAs ? ` (same stack as ${e.sameStackAs})` : ""}: ${e.error}${e.stack ? `\n${e.stack}` : ""}`);

describe("a failed query (DrizzleQueryError)", () => {
  it("is logged by its cause's class, SQLSTATE and message, with the request id and our frames", () => {
    const requestId = newRequestId();
    logUnexpectedError("action", requestId, failedInsert(), "sign-up failed");
    const [line] = printed();
    expect(line).toContain(`[action] ${requestId} sign-up failed: DrizzleQueryError, caused by PostgresError 23505: `);
    expect(line).toContain('duplicate key value violates unique constraint "users_email_key"');
    expect(line).toMatch(/\n\s+at .*error-log\.test\.ts/);
  });

  it("never prints its parameters, query text or the driver's detail", () => {
    const error = failedInsert();
    expect(error.message).toContain(PASSWORD_HASH); // what would have leaked
    logUnexpectedError("action", newRequestId(), error, "sign-up failed");
    const output = printed().join("\n");
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/params|already exists|insert into/i);
  });

  it("logs the error as text in one line, never the object (whose serialization shows params and cause)", () => {
    logUnexpectedError("api", newRequestId(), failedInsert());
    expect(logs.lines).toHaveLength(1);
    const [entry] = logs.entries();
    expect(entry).toMatchObject({ level: "error", scope: "api", error: expect.any(String), stack: expect.any(String) });
    expect(entry).not.toHaveProperty("err");
    for (const secret of SECRETS) expect(logs.text()).not.toContain(secret);
  });

  it("keeps a parameter that looks like a stack frame out of the frames", () => {
    logUnexpectedError("action", newRequestId(), failedInsert([`x\n    at ${PASSWORD_HASH}`, KEY_HASH]));
    const output = printed().join("\n");
    expect(output).not.toContain(PASSWORD_HASH);
    expect(output).not.toContain(KEY_HASH);
  });

  it("is found under a wrapping error's cause, and under Auth.js's { err } cause", () => {
    const wrapped = new Error("could not create the account", { cause: failedInsert() });
    logUnexpectedError("action", newRequestId(), wrapped);
    const authJs = new Error("Read more at https://errors.authjs.dev#callbackrouteerror", { cause: { err: failedInsert(), provider: "credentials" } });
    logError("auth", authJs);
    const [first, second] = printed();
    expect(first).toContain("Error: could not create the account, caused by DrizzleQueryError, caused by PostgresError 23505: duplicate key");
    expect(second).toContain("caused by DrizzleQueryError, caused by PostgresError 23505");
    for (const secret of SECRETS) expect(printed().join("\n")).not.toContain(secret);
  });
});

describe("other errors", () => {
  it("print class, code and message with the frames", () => {
    const requestId = newRequestId();
    logUnexpectedError("server", requestId, Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    logUnexpectedError("server", requestId, new TypeError("boom"));
    const [refused, boom] = printed();
    expect(refused).toMatch(new RegExp(`^\\[server\\] ${requestId} unexpected error: Error ECONNREFUSED: connect ECONNREFUSED 127\\.0\\.0\\.1:5432\\n\\s+at `));
    expect(boom).toMatch(/unexpected error: TypeError: boom\n\s+at .*error-log\.test\.ts/);
  });

  it("are cut at 'params:' and after 500 characters, on one line", () => {
    logError("job", new Error(`Failed query: select $1\nparams: ${PASSWORD_HASH}`));
    logError("job", new Error("x".repeat(5_000)));
    const [params, long] = printed();
    expect(params).toContain("Error: Failed query: select $1 params: (not logged)");
    expect(params).not.toContain(PASSWORD_HASH);
    expect(long!.split("\n")[0]!.length).toBeLessThan(600);
  });

  it("get an id of their own when there is no request (background jobs)", () => {
    logError("hygiene", new Error("sweep query timed out"), "sweep failed");
    expect(printed()[0]).toMatch(/^\[hygiene\] req_[\w-]+ sweep failed: Error: sweep query timed out\n/);
  });

  it("thrown as non-Errors are described without inspecting them", () => {
    logError("job", "plain string");
    logError("job", { passwordHash: PASSWORD_HASH });
    const [text, object] = printed();
    expect(text).toMatch(/unexpected error: plain string$/);
    expect(object).toMatch(/unexpected error: Object \(not an Error\)$/);
  });
});

describe("a repeated stack", () => {
  it("is printed whole once, then as one line pointing to the first request id", () => {
    // One call site, other values each time: still the same stack.
    const fail = (email: string) => new DrizzleQueryError("select 1", [email], new PostgresError({ message: "canceling statement due to statement timeout", code: "57014" }));
    const ids = [newRequestId(), newRequestId(), newRequestId()];
    ids.forEach((id, i) => logUnexpectedError("api GET /api/v1/me", id, fail(`user${i}@example.com`)));
    const [first, second, third] = printed();
    expect(first).toMatch(/\n\s+at /);
    for (const repeat of [second, third]) {
      expect(repeat).not.toContain("\n");
      expect(repeat).toContain(`(same stack as ${ids[0]}): DrizzleQueryError, caused by PostgresError 57014: canceling statement`);
    }
    expect(second).toContain(ids[1]);
    expect(printed().join("\n")).not.toMatch(/user\d@example\.com/);
  });
});

describe("describeError", () => {
  it("is one line without a stack or parameters", () => {
    expect(describeError(failedInsert())).toBe('DrizzleQueryError, caused by PostgresError 23505: duplicate key value violates unique constraint "users_email_key"');
  });
});
