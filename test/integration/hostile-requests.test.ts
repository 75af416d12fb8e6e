// The whole /api/v1 surface against generated hostile requests over real HTTP (issue 20): methods,
// paths and query strings, headers (keys in every wrong form, content types, origins) and bodies
// (any JSON, our fields with any values, aliases, malformed text). Whatever arrives, the answer is
// never a 5xx, carries a request id, and is JSON; every refusal is the envelope with a known code,
// and no field message is in zod's own words. fast-check with a fixed seed (printed with any
// counterexample, to replay it) and an explicit number of runs.
import { randomUUID } from "node:crypto";
import { Agent, request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { isApiPath, parseRequestTarget } from "@/lib/server/request-target";
import { startApiServer } from "../support/api-server";
import { actorOf, createWorkspace } from "../support/fixtures";
import { log } from "@/lib/log";

// Fixed, so every run sends the same requests; HOSTILE_SEED=<n> explores others.
const SEED = Number(process.env.HOSTILE_SEED) || 2020;
const RUNS = 2_600;
/** Requests per run, sent at once: 4 × 2,600 = 10,400 requests a run. */
const BATCH = 4;

const CODES = ["unauthorized", "forbidden", "invalid_request", "not_found", "conflict", "rate_limited", "usage_exceeded", "internal_error", "service_unavailable"];
const ENVELOPE_FIELDS = ["code", "message", "hint", "details", "requestId"];
// zod's own wording, which names neither the field nor what it takes.
const ZOD_DEFAULT = /Invalid input|Too (small|big)|expected \w+, received|Unrecognized key|Invalid (option|UUID|string)/;

let api: Awaited<ReturnType<typeof startApiServer>>;
let base: URL;
const agent = new Agent({ keepAlive: true, maxSockets: BATCH });
// Ids the generators put in paths; never the admin key's own, which a DELETE would revoke.
const ids = { agent: "", key: "", publicKey: "" };
const secrets = { admin: "", public: "" };

beforeAll(async () => {
  // The listener logs one line per malformed target it refuses: thousands here, all expected.
  // Unexpected errors are logged at level error, which stays.
  log.level = "error";
  api = await startApiServer();
  base = new URL(api.base);
  const owner = await createWorkspace({ workspaceName: "Hostile requests" });
  // An admin key without a rate limit (it sends thousands of requests) that may use inline agents.
  const admin = await createApiKey(actorOf(owner), {
    workspaceId: owner.workspaceId,
    type: "private",
    name: "admin",
    description: null,
    policy: { allowTransientAgents: true, rateLimit: null },
  });
  const target = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: "target", description: null });
  const publicKey = await createApiKey(actorOf(owner), {
    workspaceId: owner.workspaceId,
    type: "public",
    name: "widget",
    description: null,
    policy: { allowedOrigins: ["https://shop.example.com"], allowTransientAgents: true },
  });
  if (!admin.ok || !target.ok || !publicKey.ok) throw new Error("fixture keys");
  secrets.admin = admin.created.secret;
  secrets.public = publicKey.created.secret;
  ids.key = target.created.apiKey.id;
  ids.publicKey = publicKey.created.apiKey.id;
  ids.agent = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Fixture", description: null, voice: "aria", firstMessage: "Hello" })).id;
});

afterAll(async () => {
  log.level = "info";
  agent.destroy();
  await api.close();
});

// ---- Generators ----

/** Characters Node's client lets into a request target (it refuses spaces and controls). */
const pathChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."abcXYZ019-._~/%?&=#+;:@!$'()*,[]{}|\\^`\"<>") },
  { weight: 2, arbitrary: fc.constantFrom("%00", "%2e", "%2E%2e", "%2f", "%5c", "%ff", "%zz", "%", "%c3%a9", "%ed%a0%80", "%7f", "%0a", "..", "//") },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((code) => String.fromCharCode(code)) },
);
const junk = fc.string({ unit: pathChar, maxLength: 24 });

/** An id segment: a real one, a random UUID, or anything at all. */
const idSegment = fc.oneof(
  fc.constantFrom(() => ids.agent, () => ids.key, () => ids.publicKey).map((id) => id()),
  fc.uuid().map(String),
  fc.constantFrom("", "null", "0", "-1", "..", "%2e%2e", "%00", "a".repeat(300), "3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1", "{id}"),
  junk,
);

const TEMPLATES = [
  "/me",
  "/agents",
  "/agents/{id}",
  "/calls",
  "/calls/{id}",
  "/api-keys",
  "/api-keys/{id}",
  "/api-keys/{id}/roll",
  "/api-keys/{id}/usage",
  "/usage",
  "/openapi.json",
  "",
  "/{id}",
  "/agents/{id}/{id}",
] as const;

const QUERY_NAMES = ["limit", "cursor", "status", "type", "search", "agent_id", "key_id", "from", "to", "granularity", "utm_source", "_", "__proto__", "constructor"];
const queryValue = fc.oneof(
  fc.constantFrom("1", "20", "100", "101", "0", "-1", "1e3", "NaN", "Infinity", "abc", "", "active", "disabled", "private", "public", "queued", "hour", "day", "2026-12-01T00:00:00Z", "2020-01-01", "%00", "%ff", "%", "a%2", "%E2%80%AE"),
  fc.uuid().map(String),
  junk,
);
const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), queryValue), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([name, value]) => `${name}=${value}`).join("&")}` : ""));

/** Mostly /api/v1 routes with ids and queries; some with dot segments, slashes or junk around them. */
const target = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    idSegment,
    query,
    fc.constantFrom("/api/v1", "/api/v1", "/api/v1", "//api//v1", "/api/v1/.", "/api/v1/x/..", "/api/%761", "/api/v1/../v1", "http://evil.example/api/v1"),
    fc.constantFrom("", "", "", "/", "//", "/..", "#x"),
    fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: junk }),
  )
  .map(([template, id, search, prefix, suffix, extra]) => `${prefix}${template.replaceAll("{id}", id)}${suffix}${extra ? `/${extra}` : ""}${search}`);

const METHODS = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "get", "Post", "M-SEARCH", "FOO"];

// Our fields and other platforms' names for them, so bodies reach the schemas' every branch.
const FIELDS = [
  "name", "description", "voice", "first_message", "agent_id", "agent", "to_number", "from_number", "metadata", "type", "status",
  "allowed_origins", "allowed_agents", "allow_transient_agents", "permissions", "allowed_ips", "expires_at", "rate_limit", "credits",
  "grace_period_seconds", "contact_number", "phone_number", "assistantId", "firstMessage", "to", "__proto__", "constructor", "toString",
];

const scalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, "", " ", "aria", "+14155552671", "+1", "active", "private", "public", "read", "none", "write", "month", "day", "2030-01-01T00:00:00Z", "https://a.example.com", "203.0.113.0/24", "\u0000", "\ud800", "x".repeat(5000)),
  fc.uuid().map(String),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
  fc.double(),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELDS, "agents", "calls", "api_keys", "requests_per_second", "burst", "remaining", "refill", "amount", "interval"), tie("value"), { maxKeys: 4 })),
})).value;

const VALID_BODIES: (() => Record<string, unknown>)[] = [
  () => ({ name: "Agent", voice: "aria", first_message: "Hi" }),
  () => ({ agent_id: ids.agent, to_number: "+14155552671" }),
  () => ({ agent: { name: "Pop-up", voice: "aria", first_message: "Hi" }, to_number: "+14155552671", metadata: { crm_id: "x" } }),
  () => ({ name: `key-${randomUUID()}`, permissions: { agents: "read", calls: "read", api_keys: "none" } }),
  () => ({ status: "active" }),
  () => ({ grace_period_seconds: 0 }),
];

/** A body: any JSON, an object of our fields with any values, a valid body with one field changed, or not JSON at all. */
const body = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 5 }).map((object) => JSON.stringify(object)) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...VALID_BODIES), fc.constantFrom(...FIELDS), fc.option(value, { freq: 4 })).map(([valid, field, changed]) => {
      const object: Record<string, unknown> = valid();
      if (changed === null) delete object[field];
      else object[field] = changed;
      return JSON.stringify(object);
    }),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)) },
  { weight: 1, arbitrary: fc.constantFrom("", "{", "nul", "{\"a\":1,}", "[1,2", "\ufeff{}", "{\"__proto__\":{\"x\":1}}", "1".repeat(400), "[".repeat(5000)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
);

/** Header values Node's client sends (it refuses CR, LF and NUL): bytes, quotes, Latin-1. */
const headerValue = fc.string({ unit: fc.oneof(fc.constantFrom(..." \t\"'<>,;=é\u00ff"), fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }).filter((c) => /[\t\x20-\x7e]/.test(c))), maxLength: 40 });

/** How the key is sent: right, in every wrong way, a public key, none. */
const credentials = fc.oneof(
  { weight: 8, arbitrary: fc.constant<OutgoingHttpHeaders>({}).map(() => ({ "x-api-key": secrets.admin })) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<() => OutgoingHttpHeaders>(
      () => ({ authorization: `Bearer ${secrets.admin}` }),
      () => ({ authorization: `bearer   ${secrets.admin}` }),
      () => ({ authorization: secrets.admin }),
      () => ({ authorization: `Basic ${Buffer.from(`a:${secrets.admin}`).toString("base64")}` }),
      () => ({ "x-api-key": `"${secrets.admin}"` }),
      () => ({ "x-api-key": `${secrets.admin}x` }),
      () => ({ "x-api-key": secrets.admin.slice(0, -1) + (secrets.admin.endsWith("a") ? "b" : "a") }),
      () => ({ "x-api-key": secrets.admin, authorization: `Bearer ${secrets.public}` }),
      () => ({ "x-api-key": secrets.public, origin: "https://shop.example.com" }),
      () => ({ "x-api-key": secrets.public, origin: "https://evil.example" }),
      () => ({ "x-api-key": secrets.public }),
      () => ({}),
    ).map((make) => make()),
  },
  { weight: 2, arbitrary: fc.record({ "x-api-key": headerValue, authorization: headerValue }, { requiredKeys: [] }) },
);

const CONTENT_TYPES = ["application/json", "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/merge-patch+json", "*/*", ";", "json"];

const otherHeaders = fc.record(
  {
    "content-type": fc.constantFrom(...CONTENT_TYPES),
    "idempotency-key": fc.oneof(fc.uuid().map(String), headerValue),
    origin: fc.oneof(fc.constantFrom("https://shop.example.com", "null", "https://evil.example", "http://[::1]", "*"), headerValue),
    "x-forwarded-for": fc.oneof(fc.constantFrom("203.0.113.7", "::1", "999.1.1.1", "unknown", "1.2.3.4, 5.6.7.8"), headerValue),
    "access-control-request-method": fc.constantFrom("POST", "GET", "DELETE", "x"),
    accept: fc.constantFrom("application/json", "text/html", "*/*", ""),
    "x-request-id": headerValue,
    "x-whatever": headerValue,
  },
  { requiredKeys: [] },
);

type Generated = { method: string; path: string; headers: OutgoingHttpHeaders; body: string | undefined };

const hostileRequest: fc.Arbitrary<Generated> = fc
  .tuple(fc.constantFrom(...METHODS), target, credentials, otherHeaders, fc.option(body, { freq: 6 }))
  .map(([method, path, keyHeaders, headers, sent]) => ({
    method,
    path,
    headers: { ...headers, ...keyHeaders },
    // GET and HEAD carry no body, as clients send them; every other method may.
    body: /^(GET|HEAD)$/i.test(method) ? undefined : (sent ?? undefined),
  }));

/** A request each route would take, sent right, as is or with one field changed, removed or added. */
const ROUTE_BODIES: [method: string, path: () => string, body: () => Record<string, unknown> | undefined][] = [
  ["POST", () => "/api/v1/agents", () => ({ name: "Agent", voice: "aria", first_message: "Hi" })],
  ["PATCH", () => `/api/v1/agents/${ids.agent}`, () => ({ voice: "nova" })],
  ["POST", () => "/api/v1/calls", () => ({ agent_id: ids.agent, to_number: "+14155552671" })],
  ["POST", () => "/api/v1/calls", () => ({ agent: { name: "Pop-up", voice: "aria", first_message: "Hi" }, to_number: "+14155552671", metadata: { crm_id: "x" } })],
  ["POST", () => "/api/v1/api-keys", () => ({ name: `key-${randomUUID()}`, permissions: { agents: "read", calls: "read", api_keys: "none" }, rate_limit: { requests_per_second: 5, burst: 5 } })],
  ["PATCH", () => `/api/v1/api-keys/${ids.key}`, () => ({ description: "rotated nightly" })],
  ["GET", () => "/api/v1/api-keys?limit=5&status=active", () => undefined],
  ["GET", () => `/api/v1/calls?agent_id=${ids.agent}`, () => undefined],
  ["GET", () => `/api/v1/agents/${ids.agent}`, () => undefined],
  ["GET", () => "/api/v1/me", () => undefined],
];

const nearValidRequest: fc.Arbitrary<Generated> = fc
  .tuple(fc.constantFrom(...ROUTE_BODIES), fc.constantFrom(...FIELDS), fc.option(fc.option(value, { freq: 4 }), { freq: 2 }))
  .map(([[method, path, valid], field, change]) => {
    const object = valid();
    // change: null (outer) leaves the body as it is; null inside removes `field`; a value replaces it.
    if (object && change !== null) {
      if (change === null || change === undefined) delete object[field];
      else object[field] = change;
    }
    return {
      method,
      path: path(),
      headers: { "x-api-key": secrets.admin, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: object && JSON.stringify(object),
    };
  });

const request = fc.oneof({ weight: 3, arbitrary: hostileRequest }, { weight: 1, arbitrary: nearValidRequest });

// ---- Sending and checking ----

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

function send(generated: Generated): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: base.hostname, port: base.port, agent, method: generated.method, path: generated.path, headers: generated.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    outgoing.on("error", (error) => reject(new Error(`${generated.method} ${generated.path} (${JSON.stringify(generated.headers)}, body ${JSON.stringify(generated.body?.slice(0, 200))}): ${error.message}`)));
    outgoing.end(generated.body);
  });
}

const figures = { sent: 0, api: 0, byStatus: new Map<number, number>() };

/** What the listener does with the target: answer it itself (400), route it to the API, or to Next. */
function routedTo(path: string): "listener" | "api" | "next" {
  const parsed = parseRequestTarget(path);
  if (!parsed.ok) return "listener";
  return isApiPath(parsed.path) ? "api" : "next";
}

function check(generated: Generated, answer: Answer) {
  figures.sent++;
  figures.byStatus.set(answer.status, (figures.byStatus.get(answer.status) ?? 0) + 1);
  const where = `${generated.method} ${generated.path} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  // Next's pages are not this test's: the test server answers them with a bare 404.
  if (routedTo(generated.path) === "next") return;
  figures.api++;
  expect(answer.headers["x-request-id"], where).toBeTruthy();
  if (generated.method.toUpperCase() === "HEAD" || answer.status === 204) return;
  expect(answer.headers["content-type"], where).toMatch(/^application\/json/);
  const json = JSON.parse(answer.text);
  if (answer.status < 400) return;
  expect(Object.keys(json), where).toEqual(["error"]);
  const { error } = json;
  for (const field of Object.keys(error)) expect(ENVELOPE_FIELDS, where).toContain(field);
  expect(CODES, where).toContain(error.code);
  expect(typeof error.message === "string" && error.message.length > 0, where).toBe(true);
  if ("hint" in error) expect(typeof error.hint, where).toBe("string");
  if ("requestId" in error) expect(typeof error.requestId, where).toBe("string");
  if ("details" in error) {
    expect(error.details !== null && typeof error.details === "object" && !Array.isArray(error.details), where).toBe(true);
    for (const messages of Object.values(error.details)) {
      expect(Array.isArray(messages), where).toBe(true);
      for (const message of messages as unknown[]) {
        expect(typeof message, where).toBe("string");
        expect(message, where).not.toMatch(ZOD_DEFAULT);
      }
    }
  }
}

describe("the /api/v1 surface under generated hostile requests (property)", () => {
  it(`answers ${RUNS * BATCH} requests without a 5xx, always in JSON, every refusal in the envelope`, { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await Promise.all(batch.map(send));
        batch.forEach((generated, i) => check(generated, answers[i]!));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.info(`hostile requests: ${figures.sent} sent (seed ${SEED}), ${figures.api} to /api/v1; by status ${JSON.stringify(Object.fromEntries(figures.byStatus))}`);
    // Most requests must reach the API (not the listener's own refusal, nor Next), and the
    // generators must reach past the key check and validation into the routes.
    expect(figures.sent).toBeGreaterThanOrEqual(10_000);
    expect(figures.api).toBeGreaterThan(figures.sent * 0.8);
    for (const status of [200, 201, 400, 401, 403, 404]) expect(figures.byStatus.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(20);
  });
});
