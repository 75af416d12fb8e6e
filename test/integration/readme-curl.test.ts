// The README's curl script, run as written (bash and curl, over real HTTP) against the API: it
// creates a key, uses it, rolls it and revokes it. If the README and the API disagree, this fails.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

/** Runs a bash script with stdin closed (a socket there would make bash read ~/.bashrc). */
function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", script], { env: { PATH: process.env.PATH, NODE_ENV: "test", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function readmeScript(): string {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const block = /<!-- readme-curl:start -->\s*```sh\n([\s\S]*?)```\s*<!-- readme-curl:end -->/.exec(readme);
  if (!block) throw new Error("README.md has no readme-curl block");
  return block[1]!;
}

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let adminSecret: string;
let adminId: string;

beforeAll(async () => {
  api = await startApiServer();
  owner = await createWorkspace({ workspaceName: "Curl" });
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: "admin", description: null, policy: {} });
  if (!result.ok) throw new Error(result.reason);
  adminSecret = result.created.secret;
  adminId = result.created.apiKey.id;
});

afterAll(() => api.close());

describe("the README's curl script", () => {
  it("creates a key, uses it, rolls it and revokes it", async () => {
    const { code, stdout, stderr } = await runScript(readmeScript(), { SWITCHBOARD_URL: api.base, SWITCHBOARD_API_KEY: adminSecret });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    const createdId = /^created ([0-9a-f-]{36})$/.exec(lines[0]!)?.[1];
    expect(createdId).toBeDefined();
    expect(JSON.parse(lines[1]!)).toEqual({ data: [], next_cursor: null });
    const rolledId = /^rolled to ([0-9a-f-]{36})$/.exec(lines[2]!)?.[1];
    expect(rolledId).toBeDefined();
    expect(lines[3]).toBe("revoked: the new key now gets 401");
    // No secret is printed by the script.
    expect(stdout).not.toMatch(/swb_sk_/);

    const made = await getDb().select().from(apiKeys).where(eq(apiKeys.workspaceId, owner.workspaceId));
    const byId = new Map(made.map((key) => [key.id, key]));
    // Rolling hands the name to the successor and marks the old key.
    expect(byId.get(createdId!)).toMatchObject({ name: "ci-reader (rolled)", createdByType: "api_key", createdByKeyId: adminId, rolledToId: rolledId });
    expect(byId.get(rolledId!)).toMatchObject({ name: "ci-reader", permissions: { agents: "read", calls: "none", api_keys: "none" } });
    expect(byId.get(createdId!)!.revokedAt).not.toBeNull();
    expect(byId.get(rolledId!)!.revokedAt).not.toBeNull();
    expect(byId.get(adminId)!.revokedAt).toBeNull();

    const events = await getDb()
      .select({ action: auditEvents.action, targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.actorType, "api_key"), eq(auditEvents.actorId, adminId)));
    expect(events.map((event) => event.action).sort()).toEqual(["api_key.created", "api_key.revoked", "api_key.revoked", "api_key.rolled"]);
  });

  it("stops at the first refusal, with the API's error on stderr", async () => {
    const refused = await runScript(readmeScript(), { SWITCHBOARD_URL: api.base, SWITCHBOARD_API_KEY: "swb_sk_not-a-key" });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^HTTP 401 \{"error":\{"code":"unauthorized"/);
    expect(refused.stdout).not.toContain("created");
  });
});
