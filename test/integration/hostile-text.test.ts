// Hostile text over real HTTP into every text field of every POST and PATCH of /api/v1 (issue 16
// rows 4 and 5): a NUL, another control character or a lone surrogate is a 400 naming its field,
// never a 500 from PostgreSQL, and nothing is written. Then 10,000 generated strings (fast-check):
// never a 5xx, every refusal in the envelope, every bad string refused at its field.
import { randomUUID } from "node:crypto";
import { count, eq, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agents, apiKeys, auditEvents, calls } from "@/db/schema";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer, type ApiRequest, type ApiResponse } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;

beforeAll(async () => {
  api = await startApiServer();
});

afterAll(() => api.close());

/**
 * A workspace with an admin key that may also start calls with inline (transient) agents. It has
 * no rate limit: the property tests send it thousands of requests.
 */
async function workspaceWithAdminKey(name: string) {
  const owner = await createWorkspace({ workspaceName: name });
  const admin = await createApiKey(actorOf(owner), {
    workspaceId: owner.workspaceId,
    type: "private",
    name: "admin",
    description: null,
    policy: { allowTransientAgents: true, rateLimit: null },
  });
  if (!admin.ok) throw new Error(admin.reason);
  const target = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: "target", description: null });
  if (!target.ok) throw new Error(target.reason);
  const agent = await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Fixture", description: null, voice: "aria", firstMessage: "Hello" });
  return { owner, secret: admin.created.secret, targetKeyId: target.created.apiKey.id, agentId: agent.id };
}

/** Rows of the workspace in every table a POST or PATCH writes to. */
async function rowCounts(owner: TestUser) {
  const rows = (table: PgTable, where: SQL) => getDb().select({ n: count() }).from(table).where(where).then((result) => result[0]!.n);
  return {
    agents: await rows(agents, eq(agents.workspaceId, owner.workspaceId)),
    apiKeys: await rows(apiKeys, eq(apiKeys.workspaceId, owner.workspaceId)),
    calls: await rows(calls, eq(calls.workspaceId, owner.workspaceId)),
    auditEvents: await rows(auditEvents, eq(auditEvents.workspaceId, owner.workspaceId)),
  };
}

const TRANSIENT = { name: "Pop-up", voice: "aria", first_message: "Hi" };
const CALL = { agent: TRANSIENT, to_number: "+14155552671" };

describe("hostile text: examples (issue 16 rows 4 and 5)", () => {
  let fixture: Awaited<ReturnType<typeof workspaceWithAdminKey>>;
  beforeAll(async () => {
    fixture = await workspaceWithAdminKey("Hostile examples");
  });

  const post = (path: string, body: unknown, headers?: Record<string, string>) => api.send(fixture.secret, { method: "POST", path, body, headers });
  const patch = (path: string, body: unknown) => api.send(fixture.secret, { method: "PATCH", path, body });

  it.each<[string, () => ApiRequest, string]>([
    ["NUL in an agent's name (POST)", () => ({ method: "POST", path: "/api/v1/agents", body: { name: "a\u0000b", voice: "aria", first_message: "Hi" } }), "name"],
    ["NUL in an agent's name (PATCH)", () => ({ method: "PATCH", path: `/api/v1/agents/${fixture.agentId}`, body: { name: "a\u0000b" } }), "name"],
    ["NUL in an agent's first message", () => ({ method: "POST", path: "/api/v1/agents", body: { name: "A", voice: "aria", first_message: "Hi\u0000" } }), "first_message"],
    ["NUL in a key's name", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "a\u0000b" } }), "name"],
    ["NUL in a key's description", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "described", description: "a\u0000b" } }), "description"],
    ["NUL in a key's description (PATCH)", () => ({ method: "PATCH", path: `/api/v1/api-keys/${fixture.targetKeyId}`, body: { description: "a\u0000b" } }), "description"],
    ["a lone surrogate in a key's description", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "surrogate", description: "a\ud800b" } }), "description"],
    ["a lone surrogate in a key's description (PATCH)", () => ({ method: "PATCH", path: `/api/v1/api-keys/${fixture.targetKeyId}`, body: { description: "\udfff" } }), "description"],
    ["NUL in a call's metadata key", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, metadata: { "a\u0000b": "x" } } }), "metadata"],
    ["NUL in a call's metadata value", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, metadata: { crm_id: "a\u0000b" } } }), "metadata.crm_id"],
    ["a lone surrogate in a call's metadata key", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, metadata: { "\ud800": "x" } } }), "metadata"],
    ["a lone surrogate in a call's metadata value", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, metadata: { crm_id: "\ud800" } } }), "metadata.crm_id"],
    ["NUL in an inline agent's name", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, agent: { ...TRANSIENT, name: "a\u0000b" } } }), "agent.name"],
    ["a tab in a key's name (one line)", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "a\tb" } }), "name"],
  ])("%s: 400 invalid_request naming the field, nothing written", async (_, request, field) => {
    const before = await rowCounts(fixture.owner);
    const response = await api.send(fixture.secret, request());
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(Object.keys(response.body.error.details)).toEqual([field]);
    expect(await rowCounts(fixture.owner)).toEqual(before);
  });

  it("shows a bad metadata key escaped in the message, never raw", async () => {
    const nul = await post("/api/v1/calls", { ...CALL, metadata: { "a\u0000b": "x" } });
    expect(nul.body.error.details.metadata).toEqual(['The key "a\\u0000b" holds control characters (such as NUL, tabs or line breaks): remove them.']);
    const surrogate = await post("/api/v1/calls", { ...CALL, metadata: { "\ud800": "x" } });
    expect(surrogate.body.error.details.metadata).toEqual(['The key "\\ud800" is not valid Unicode (a lone surrogate).']);
  });

  it("reports a bad key at metadata, even when its value is bad too", async () => {
    const response = await post("/api/v1/calls", { ...CALL, metadata: { "a\u007fb": "\u0000" } });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details)).toEqual(["metadata"]);
  });

  it("escapes an unknown field's name in the refusal (strict bodies list them)", async () => {
    const response = await patch(`/api/v1/api-keys/${fixture.targetKeyId}`, { name: "renamed", "x\u0000y": 1, "\ud800": 2 });
    expect(response.status).toBe(400);
    const unknown = "Unknown field: remove it, or check its spelling against the API reference (/docs/api).";
    expect(response.body.error.details).toEqual({ '"x\\u0000y"': [unknown], '"\\ud800"': [unknown] });
  });

  it("keeps tabs and line breaks in multi-line fields (a description, a first message)", async () => {
    const created = await post("/api/v1/api-keys", { name: `multi-${randomUUID()}`, description: "line one\r\nline two\tend" });
    expect(created.status).toBe(201);
    expect(created.body.description).toBe("line one\r\nline two\tend");
    const agent = await post("/api/v1/agents", { name: "Lines", voice: "aria", first_message: "Hello!\nHow are you?" });
    expect(agent.status).toBe(201);
    expect(agent.body.first_message).toBe("Hello!\nHow are you?");
  });

  it("accepts emoji, combining marks, right-to-left text and joiners", async () => {
    const name = "Ünïcödé 😀 مرحبا 👩‍👩‍👧 e\u0301";
    const response = await post("/api/v1/agents", { name, voice: "aria", first_message: "שלום" });
    expect(response.status).toBe(201);
    expect(response.body.name).toBe(name);
  });

  it("keeps the escaped refusal for an Idempotency-Key retry and replays it unchanged", async () => {
    const key = randomUUID();
    const body = { ...CALL, metadata: { "a\u0000b": "\ud800" } };
    const first = await post("/api/v1/calls", body, { "Idempotency-Key": key });
    expect(first.status).toBe(400);
    const retry = await post("/api/v1/calls", body, { "Idempotency-Key": key });
    expect(retry.status).toBe(400);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
  });

  it("refuses NUL in the list search (ILIKE) instead of failing", async () => {
    const response = await api.send(fixture.secret, { path: `/api/v1/api-keys?search=${encodeURIComponent("a\u0000")}` });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details)).toEqual(["search"]);
  });
});

// ---- Property test ----

/** What the server must refuse: C0 controls and DEL (bar tab, LF, CR on multiple lines), lone surrogates. */
function isHostile(value: string, multiline: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return true;
    if (unit < 0x20 || unit === 0x7f) {
      if (multiline && (unit === 0x09 || unit === 0x0a || unit === 0x0d)) continue;
      return true;
    }
  }
  return false;
}

const SPECIALS = [
  "\u0000", "\u0001", "\u0007", "\u001b", "\u001f", "\u007f", "\t", "\n", "\r", "\r\n",
  "\ud800", "\udbff", "\udc00", "\udfff", "\u202e", "\u200f", "\ufeff", "\u200d", "\u2028", "\u0085",
  "😀", "👩‍👩‍👧", "e\u0301", "مرحبا", "\\", '"', "%00", "\\u0000", "' OR 1=1 --", "{}",
];
const special = fc.constantFrom(...SPECIALS);
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const short = { maxLength: 40 };

/** Strings with control characters, lone surrogates and unusual Unicode; some plain, some long. */
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(codeUnit, special, fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), ...short }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", ...short }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", ...short }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", ...short }) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ unit: "grapheme-ascii", maxLength: 20 }), special, fc.string({ unit: "grapheme-ascii", maxLength: 20 })).map((parts) => parts.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 20_000 }), special, fc.boolean())
      .map(([length, inserted, atEnd]) => (atEnd ? "x".repeat(length) + inserted : inserted + "x".repeat(length))),
  },
);

type Field = {
  /** Where the string goes: the route and field, as the test's name. */
  name: string;
  request: (value: string, ids: { agentId: string; targetKeyId: string }) => ApiRequest;
  /** The entry of `details` that must name a bad string. */
  details: string;
  multiline?: boolean;
};

const unique = () => `p-${randomUUID()}`;

const FIELDS: Field[] = [
  // POST /api/v1/agents and PATCH /api/v1/agents/{id}
  ...(["name", "description", "voice", "first_message"] as const).flatMap((field): Field[] => {
    const multiline = field === "description" || field === "first_message";
    return [
      {
        name: `POST /agents ${field}`,
        request: (value) => ({ method: "POST", path: "/api/v1/agents", body: { name: "Agent", voice: "aria", first_message: "Hi", [field]: value }, headers: { "Idempotency-Key": randomUUID() } }),
        details: field,
        multiline,
      },
      { name: `PATCH /agents/{id} ${field}`, request: (value, ids) => ({ method: "PATCH", path: `/api/v1/agents/${ids.agentId}`, body: { [field]: value } }), details: field, multiline },
    ];
  }),
  // POST /api/v1/calls
  ...(
    [
      ["to_number", (value: string) => ({ ...CALL, to_number: value }), "to_number", false],
      ["from_number", (value: string) => ({ ...CALL, from_number: value }), "from_number", false],
      ["metadata key", (value: string) => ({ ...CALL, metadata: { [value]: "x" } }), "metadata", false],
      ["metadata value", (value: string) => ({ ...CALL, metadata: { crm_id: value } }), "metadata.crm_id", true],
      ["agent.name", (value: string) => ({ ...CALL, agent: { ...TRANSIENT, name: value } }), "agent.name", false],
      ["agent.voice", (value: string) => ({ ...CALL, agent: { ...TRANSIENT, voice: value } }), "agent.voice", false],
      ["agent.first_message", (value: string) => ({ ...CALL, agent: { ...TRANSIENT, first_message: value } }), "agent.first_message", true],
    ] as const
  ).map(
    ([name, body, details, multiline]): Field => ({
      name: `POST /calls ${name}`,
      request: (value) => ({ method: "POST", path: "/api/v1/calls", body: body(value), headers: { "Idempotency-Key": randomUUID() } }),
      details,
      multiline,
    }),
  ),
  // POST /api/v1/api-keys and PATCH /api/v1/api-keys/{id}: the same fields, and status on PATCH
  ...(
    [
      ["name", (value: string) => ({ name: value }), "name", false],
      ["description", (value: string) => ({ description: value }), "description", true],
      ["allowed_origins[]", (value: string) => ({ allowed_origins: [value] }), "allowed_origins.0", false],
      ["allowed_ips[]", (value: string) => ({ allowed_ips: [value] }), "allowed_ips.0", false],
      ["allowed_agents[]", (value: string) => ({ allowed_agents: [value] }), "allowed_agents.0", false],
      ["expires_at", (value: string) => ({ expires_at: value }), "expires_at", false],
      ["type", (value: string) => ({ type: value }), "type", false],
      ["permissions.agents", (value: string) => ({ permissions: { agents: value, calls: "read", api_keys: "read" } }), "permissions.agents", false],
    ] as const
  ).flatMap(([name, body, details, multiline]): Field[] => [
    {
      name: `POST /api-keys ${name}`,
      request: (value) => ({ method: "POST", path: "/api/v1/api-keys", body: { name: unique(), ...body(value) }, headers: { "Idempotency-Key": randomUUID() } }),
      details,
      multiline,
    },
    // A key's type cannot change: `type` on PATCH is an unknown field, refused for the body.
    {
      name: `PATCH /api-keys/{id} ${name}`,
      request: (value, ids) => ({ method: "PATCH", path: `/api/v1/api-keys/${ids.targetKeyId}`, body: body(value) }),
      details: name === "type" ? "body" : details,
      multiline,
    },
  ]),
  { name: "PATCH /api-keys/{id} status", request: (value, ids) => ({ method: "PATCH", path: `/api/v1/api-keys/${ids.targetKeyId}`, body: { status: value } }), details: "status" },
  {
    name: "POST /api-keys/{id}/roll grace_period_seconds",
    request: (value, ids) => ({ method: "POST", path: `/api/v1/api-keys/${ids.targetKeyId}/roll`, body: { grace_period_seconds: value }, headers: { "Idempotency-Key": randomUUID() } }),
    details: "grace_period_seconds",
  },
];

const TOTAL_STRINGS = 10_000;
const RUNS_PER_FIELD = Math.ceil(TOTAL_STRINGS / FIELDS.length);
const ERROR_CODES = ["unauthorized", "forbidden", "invalid_request", "not_found", "conflict", "rate_limited", "internal_error"];

/** Every string of a refusal (message, hint, detail names and messages) is storable text. */
function refusalStrings(error: { message: string; hint?: string; details?: Record<string, string[]> }): string[] {
  return [error.message, error.hint ?? "", ...Object.entries(error.details ?? {}).flat(2)];
}

function checkAnswer(field: Field, value: string, response: ApiResponse) {
  expect(response.status, `${field.name}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
  if (response.status >= 300) {
    expect(response.body, field.name).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(ERROR_CODES).toContain(response.body.error.code);
    for (const text of refusalStrings(response.body.error)) expect(isHostile(text, false), `${field.name}: ${JSON.stringify(text)}`).toBe(false);
  }
  if (isHostile(value, field.multiline ?? false)) {
    expect(response.status, `${field.name} took ${JSON.stringify(value)}`).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(Object.keys(response.body.error.details ?? {}), `${field.name}: ${JSON.stringify(response.body.error.details)}`).toContain(field.details);
  }
}

describe(`hostile text: ${TOTAL_STRINGS.toLocaleString("en")} generated strings into every text field`, () => {
  let fixture: Awaited<ReturnType<typeof workspaceWithAdminKey>>;
  let sent = 0;
  beforeAll(async () => {
    fixture = await workspaceWithAdminKey("Hostile properties");
  });
  afterAll(() => {
    expect(sent).toBeGreaterThanOrEqual(TOTAL_STRINGS);
  });

  it.each(FIELDS.map((field) => [field.name, field] as const))(
    "%s: never a 5xx, refusals in the envelope, bad text a 400 naming the field",
    async (_, field) => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (value) => {
          sent++;
          checkAnswer(field, value, await api.send(fixture.secret, field.request(value, fixture)));
        }),
        { numRuns: RUNS_PER_FIELD },
      );
    },
    60_000,
  );
});
