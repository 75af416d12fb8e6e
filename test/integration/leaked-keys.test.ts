// Leaked keys (README "Leaked keys") across two API servers on one PostgreSQL, each a process with
// its own key cache and LISTEN connection (test/support/cluster.ts): GitHub's signed reports (a
// real ECDSA P-256 key pair made here, its public key in a keys file in GitHub's format), the
// public report, and the email to owners and admins through a real SMTP server in this process.
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { generateKey } from "@/lib/keys/format";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";
import { startCluster, type Cluster } from "../support/cluster";
import { actorOf, addMember, createWorkspace, type TestUser } from "../support/fixtures";
import { startSmtpServer } from "../support/smtp";

const github = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const stranger = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const KEY_ID = "bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c";
const TOKEN_TYPE = "switchboard_api_key";

let cluster: Cluster;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let dir: string;
let owner: TestUser;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "switchboard-leaks-"));
  const keysFile = path.join(dir, "github-keys.json");
  await writeFile(keysFile, JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: github.publicKey.export({ type: "spki", format: "pem" }), is_current: true }] }));
  smtp = await startSmtpServer();
  cluster = await startCluster({
    size: 2,
    databaseUrl: inject("databaseUrl"),
    env: { SECRET_SCANNING_KEYS_FILE: keysFile, SMTP_URL: smtp.url, APP_URL: "https://switchboard.example.com" },
  });
  owner = await createWorkspace({ workspaceName: "Leaks" });
  admin = await addMember(owner.workspaceId, "admin");
  member = await addMember(owner.workspaceId, "member");
}, 60_000);

afterAll(async () => {
  await cluster.stop();
  await smtp.close();
  await rm(dir, { recursive: true, force: true });
});

async function makeKey(type: "private" | "public" = "private") {
  const result = await createApiKey(actorOf(owner), {
    workspaceId: owner.workspaceId,
    type,
    name: `${type}-${Math.random().toString(36).slice(2, 10)}`,
    description: null,
    policy: type === "public" ? { allowedOrigins: ["https://shop.example.com"] } : {},
  });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** POSTs `items` to server `server` as GitHub does: the raw body signed with `signer`'s key. */
function reportToGithubEndpoint(items: unknown, options: { server?: number; signer?: typeof github; keyId?: string; tamper?: boolean } = {}) {
  const body = JSON.stringify(items);
  const signature = sign("sha256", Buffer.from(body), (options.signer ?? github).privateKey).toString("base64");
  const sent = options.tamper ? body.replace("content", "commit_") : body;
  const node = cluster.nodes[options.server ?? 0]!;
  return fetch(`http://127.0.0.1:${node.port}/api/v1/secret-scanning/github`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Github-Public-Key-Identifier": options.keyId ?? KEY_ID, "Github-Public-Key-Signature": signature },
    body: sent,
  });
}

const status = async (secret: string, server: number) => (await cluster.send({ path: "/api/v1/me", key: secret, server })).status;

/** Polls server `server` until it refuses `secret`, for at most `ms` after `since`; the refusal. */
async function refusedBy(server: number, secret: string, since: number, ms = 1_000) {
  let response = await cluster.send({ path: "/api/v1/me", key: secret, server });
  while (response.status === 200 && Date.now() - since < ms) response = await cluster.send({ path: "/api/v1/me", key: secret, server });
  return { response, ms: Date.now() - since };
}

const row = async (id: string) => (await getDb().select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;
const leakEvents = (id: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.action, "api_key.leaked"), eq(auditEvents.targetId, id)));

describe("POST /api/v1/secret-scanning/github", () => {
  it("disables a live key on the second server within one second, answers the labels, and tells owners and admins", async () => {
    const live = await makeKey();
    const published = await makeKey("public");
    const revoked = await makeKey();
    await revokeApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: revoked.apiKey.id });
    const unknown = generateKey("private");
    // Server 1 holds the key in its cache: only the NOTIFY can make it refuse the key.
    expect(await status(live.secret, 1)).toBe(200);

    const url = "https://github.com/octo-org/app/blob/4f1c2e/config.js";
    const tokens = [live.secret, published.secret, revoked.secret, unknown, "not a key at all"];
    const started = Date.now();
    const response = await reportToGithubEndpoint(tokens.map((token) => ({ token, type: TOKEN_TYPE, url, source: "content" })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(
      tokens.map((token, index) => ({ token_hash: sha256(token), token_type: TOKEN_TYPE, label: index === 0 ? "true_positive" : "false_positive" })),
    );
    // The answer waited for the receipts: both servers confirmed.
    expect(response.headers.get("switchboard-propagation")).toMatch(/^servers=2, confirmed=2, ms=\d+$/);

    const refused = await refusedBy(1, live.secret, started);
    expect(refused.response.status).toBe(401);
    expect(refused.ms).toBeLessThan(1_000);
    expect(refused.response.body.error.hint).toMatch(/disabled because it was found in public/);
    expect(await status(live.secret, 0)).toBe(401);

    expect(await row(live.apiKey.id)).toMatchObject({ status: "disabled", leakedWhere: url, leakedSource: "github", leakedAt: expect.any(Date) });
    const [event, ...more] = await leakEvents(live.apiKey.id);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ actorType: "system", actorLabel: "GitHub secret scanning", targetLabel: live.apiKey.name });
    expect(event!.metadata).toEqual({ where: url, source: "github", githubSource: "content", before: { status: "active" }, after: { status: "disabled" } });
    // The public key is made to be public: untouched.
    expect(await row(published.apiKey.id)).toMatchObject({ status: "active", leakedAt: null });
    expect(await leakEvents(published.apiKey.id)).toHaveLength(0);

    // Owners and admins are emailed; members are not.
    for (const person of [owner, admin]) {
      const [mail] = await smtp.waitFor(person.email);
      expect(mail!.raw).toMatch(/^Subject: .*found_in_public_and_disabled/m);
      expect(mail!.raw).toContain(`The API key "${live.apiKey.name}" of the workspace "Leaks" was found in public, so Switchboard disabled it`);
      expect(mail!.raw).toContain(url);
      expect(mail!.raw).toContain("https://switchboard.example.com/settings/api-keys");
      expect(mail!.raw).not.toContain(live.secret);
    }
    expect(await smtp.waitFor(member.email, 1, 300)).toHaveLength(0);

    // GitHub reports the same key found elsewhere: still a true positive, recorded once.
    const again = await reportToGithubEndpoint([{ token: live.secret, type: TOKEN_TYPE, url: `${url}#L2`, source: "commit" }], { server: 1 });
    expect(await again.json()).toEqual([{ token_hash: sha256(live.secret), token_type: TOKEN_TYPE, label: "true_positive" }]);
    expect(await leakEvents(live.apiKey.id)).toHaveLength(1);
  });

  it("refuses a bad signature with 401 and changes nothing", async () => {
    const live = await makeKey();
    const items = [{ token: live.secret, type: TOKEN_TYPE, url: "https://github.com/o/r/blob/1/a.js", source: "content" }];
    const refusals = [
      await reportToGithubEndpoint(items, { signer: stranger }),
      await reportToGithubEndpoint(items, { tamper: true }),
      await reportToGithubEndpoint(items, { keyId: "unknown-key-id" }),
      await fetch(`http://127.0.0.1:${cluster.nodes[0]!.port}/api/v1/secret-scanning/github`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(items),
      }),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: "unauthorized", message: "Invalid signature." });
    }
    expect(await row(live.apiKey.id)).toMatchObject({ status: "active", leakedAt: null, leakedWhere: null });
    expect(await leakEvents(live.apiKey.id)).toHaveLength(0);
    for (const server of [0, 1]) expect(await status(live.secret, server)).toBe(200);
  });

  it("answers 400 to a signed body that is not GitHub's format, before touching any key", async () => {
    const response = await reportToGithubEndpoint({ token: "swb_sk_x" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_request");
  });
});

describe("POST /api/v1/leaked-keys", () => {
  const report = (body: unknown, ip: string, server = 0) => cluster.send({ method: "POST", path: "/api/v1/leaked-keys", body, ip, server });

  it("answers identically for a live, an unknown, a public and a malformed key, and disables the live one", async () => {
    const live = await makeKey();
    const published = await makeKey("public");
    expect(await status(live.secret, 1)).toBe(200);
    const where = `pasted in https://forum.example.com/t/123 with ${live.secret}`;
    const started = Date.now();
    const answers = [
      await report({ key: live.secret, where }, "198.51.100.20"),
      await report({ key: generateKey("private") }, "198.51.100.20"),
      await report({ key: published.secret }, "198.51.100.20"),
      await report({ key: "swb_sk_not-even-close" }, "198.51.100.20"),
      await report({ key: "" }, "198.51.100.20"),
    ];
    const shape = (answer: (typeof answers)[number]) => ({
      status: answer.status,
      body: answer.body,
      headers: [...answer.headers.keys()].filter((name) => !["date", "x-request-id"].includes(name)).sort(),
    });
    for (const answer of answers) expect(shape(answer)).toEqual(shape(answers[0]!));
    expect(answers[0]!.status).toBe(202);

    const refused = await refusedBy(1, live.secret, started, 2_000);
    expect(refused.response.status).toBe(401);
    expect(refused.response.body.error.hint).toMatch(/found in public/);
    // Where it was found is kept without the key in it.
    const stored = await row(live.apiKey.id);
    expect(stored).toMatchObject({ status: "disabled", leakedSource: "report" });
    expect(stored.leakedWhere).toBe("pasted in https://forum.example.com/t/123 with swb_sk_[redacted]");
    const [event] = await leakEvents(live.apiKey.id);
    expect(event).toMatchObject({ actorType: "system", actorLabel: "Public leak report" });
    expect(await row(published.apiKey.id)).toMatchObject({ status: "active", leakedAt: null });
  });

  it("takes at most 10 reports an hour from one address, whatever they hold", async () => {
    const ip = "203.0.113.77";
    for (let n = 0; n < 10; n++) expect((await report({ key: generateKey("private") }, ip, 1)).status).toBe(202);
    const refused = await report({ key: generateKey("private") }, ip, 1);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    // A malformed body counts too, and another address has its own 10.
    expect((await report({ nope: true }, ip, 1)).status).toBe(429);
    expect((await report({ key: "x" }, "203.0.113.78", 1)).status).toBe(202);
  });

  it("refuses a body that is no report with 400, naming the field", async () => {
    const refused = await report({ key: 42, contact: "me" }, "192.0.2.200");
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.details).sort()).toEqual(["contact", "key"]);
  });
});
