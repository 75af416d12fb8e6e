// Every key policy over real HTTP against the /api/v1 app on a real database: a table of
// policy × request → status and error code, and the clock of the verifier under the test's
// control for expiry and rolling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyPolicy } from "@/lib/keys/policy";
import { SCOPE_PRESETS } from "@/lib/keys/scopes";
import { createAgent } from "@/lib/services/agents";
import { createApiKey, rollApiKey } from "@/lib/services/api-keys";
import { startApiServer, type ApiRequest } from "../support/api-server";
import { actorOf, createWorkspace, type TestUser } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let base: string;
let now = Date.now();
let owner: TestUser;
let agentA: string;
let agentB: string;

beforeAll(async () => {
  api = await startApiServer({ now: () => now });
  base = api.base;
  owner = await createWorkspace({ workspaceName: "Policies" });
  const agent = (name: string) => createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name, description: null, voice: "aria", firstMessage: "Hello" });
  agentA = (await agent("Agent A")).id;
  agentB = (await agent("Agent B")).id;
});

afterAll(() => api.close());

let counter = 0;
async function key(type: "private" | "public", policy: Partial<KeyPolicy> = {}) {
  const result = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type, name: `policy-${counter++}`, description: null, policy });
  if (!result.ok) throw new Error(result.reason);
  return result.created;
}

type Req = ApiRequest;
const send = (secret: string, request: Req) => api.send(secret, request);

const call = (agent_id: string) => ({ method: "POST", path: "/api/v1/calls", body: { agent_id, to_number: "+14155552671" } });
const transient = { method: "POST", path: "/api/v1/calls", body: { agent: { name: "Pop-up", voice: "aria", first_message: "Hi" }, to_number: "+14155552671" } };

describe("policy × request → status, code", () => {
  const ORIGIN = "https://app.example.com";
  it.each<[string, () => Promise<{ secret: string }>, () => Req, number, string | null, RegExp?]>([
    ["public key, POST /calls from its origin", () => key("public", { allowedOrigins: [ORIGIN] }), () => ({ ...call(agentA), origin: ORIGIN }), 201, null],
    ["public key, GET /agents/{id} from its origin", () => key("public", { allowedOrigins: [ORIGIN] }), () => ({ path: `/api/v1/agents/${agentA}`, origin: ORIGIN }), 200, null],
    ["public key, wildcard origin, from a subdomain", () => key("public", { allowedOrigins: ["https://*.example.com"] }), () => ({ ...call(agentA), origin: "https://shop.example.com" }), 201, null],
    ["public key without an Origin", () => key("public", { allowedOrigins: [ORIGIN] }), () => call(agentA), 403, "forbidden", /no Origin/],
    ["public key from another origin", () => key("public", { allowedOrigins: [ORIGIN] }), () => ({ ...call(agentA), origin: "https://evil.test" }), 403, "forbidden", /not allowed from this page's origin/],
    ["public key on another route (GET /agents)", () => key("public", { allowedOrigins: [ORIGIN] }), () => ({ path: "/api/v1/agents", origin: ORIGIN }), 403, "forbidden", /only start calls/],
    ["public key on GET /calls", () => key("public", { allowedOrigins: [ORIGIN] }), () => ({ path: "/api/v1/calls", origin: ORIGIN }), 403, "forbidden", /only start calls/],
    ["private key sent by a browser", () => key("private"), () => ({ path: "/api/v1/agents", origin: ORIGIN }), 403, "forbidden", /public key/],
    ["private key from an allowed IP", () => key("private", { allowedIps: ["198.51.100.0/24"] }), () => ({ path: "/api/v1/agents", ip: "198.51.100.20" }), 200, null],
    ["private key from another IP", () => key("private", { allowedIps: ["198.51.100.0/24"] }), () => ({ path: "/api/v1/agents", ip: "203.0.113.5" }), 403, "forbidden", /IP addresses/],
    ["read-only key starting a call", () => key("private", { permissions: SCOPE_PRESETS.read_only }), () => call(agentA), 403, "forbidden"],
    ["read-only key listing calls", () => key("private", { permissions: SCOPE_PRESETS.read_only }), () => ({ path: "/api/v1/calls" }), 200, null],
    ["key without agents access reading agents", () => key("private", { permissions: { agents: "none", calls: "write", api_keys: "none" } }), () => ({ path: "/api/v1/agents" }), 403, "forbidden"],
    ["key limited to agent A, calling with A", () => key("private", { allowedAgents: [agentA] }), () => call(agentA), 201, null],
    ["key limited to agent A, calling with B", () => key("private", { allowedAgents: [agentA] }), () => call(agentB), 403, "forbidden", /certain agents/],
    ["key limited to agent A, reading B", () => key("private", { allowedAgents: [agentA] }), () => ({ path: `/api/v1/agents/${agentB}` }), 403, "forbidden"],
    ["transient agent, not allowed", () => key("private"), () => transient, 403, "forbidden", /transient/],
    ["transient agent, allowed", () => key("private", { allowTransientAgents: true }), () => transient, 201, null],
    ["expired key", () => key("private", { expiresAt: new Date(now - 1000) }), () => ({ path: "/api/v1/me" }), 401, "unauthorized", /expired/],
  ])("%s → %i %s", async (_name, makeKey, request, status, code, hint) => {
    const { secret } = await makeKey();
    const response = await send(secret, request());
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    if (code) {
      expect(response.body.error.code).toBe(code);
      if (hint) expect(`${response.body.error.message} ${response.body.error.hint}`).toMatch(hint);
    }
  });

  it("names the permission a refusal needs", async () => {
    const { secret } = await key("private", { permissions: SCOPE_PRESETS.read_only });
    const response = await send(secret, call(agentA));
    expect(response.body.error).toMatchObject({ code: "forbidden", message: "This key lacks the permission calls:write." });
  });

  it("lists only the agents a restricted key may use", async () => {
    const { secret } = await key("private", { allowedAgents: [agentA] });
    const response = await send(secret, { path: "/api/v1/agents" });
    expect(response.body.data.map((agent: { id: string }) => agent.id)).toEqual([agentA]);
  });
});

describe("request bodies", () => {
  it.each<[string, unknown, string]>([
    ["a number that is not E.164", { agent_id: "00000000-0000-4000-8000-000000000000", to_number: "4155552671" }, "to_number"],
    ["an impossible number", { agent_id: "00000000-0000-4000-8000-000000000000", to_number: "+1000" }, "to_number"],
    ["nested metadata", { agent_id: "00000000-0000-4000-8000-000000000000", to_number: "+14155552671", metadata: { a: { b: 1 } } }, "metadata.a"],
    ["metadata over 4 KiB", { agent_id: "00000000-0000-4000-8000-000000000000", to_number: "+14155552671", metadata: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, "x".repeat(600)])) }, "metadata"],
    ["both agent_id and agent", { agent_id: "00000000-0000-4000-8000-000000000000", agent: { name: "a", voice: "b", first_message: "c" }, to_number: "+14155552671" }, "agent_id"],
    ["neither", { to_number: "+14155552671" }, "agent_id"],
  ])("%s → 400 with details.%s", async (_name, body, field) => {
    const { secret } = await key("private");
    const response = await send(secret, { method: "POST", path: "/api/v1/calls", body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(Object.keys(response.body.error.details)).toContain(field);
  });

  it("answers malformed JSON with the envelope", async () => {
    const { secret } = await key("private");
    const response = await fetch(`${base}/api/v1/agents`, { method: "POST", headers: { "X-API-Key": secret, "Content-Type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_request");
  });

  it("answers an unknown agent with 404", async () => {
    const { secret } = await key("private");
    const response = await send(secret, call("00000000-0000-4000-8000-000000000000"));
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

describe("CORS for public keys", () => {
  it("answers a preflight for an allowed origin on a public-key route, and refuses the rest", async () => {
    await key("public", { allowedOrigins: ["http://localhost:5555"] });
    const preflight = (origin: string, method: string, path: string) =>
      fetch(`${base}${path}`, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": "x-api-key, content-type" } });
    const allowed = await preflight("http://localhost:5555", "POST", "/api/v1/calls");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5555");
    expect(allowed.headers.get("vary")).toContain("Origin");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/X-API-Key.*Idempotency-Key/);
    const otherOrigin = await preflight("http://localhost:5556", "POST", "/api/v1/calls");
    expect(otherOrigin.status).toBe(403);
    expect(otherOrigin.headers.get("access-control-allow-origin")).toBeNull();
    const otherRoute = await preflight("http://localhost:5555", "GET", "/api/v1/agents");
    expect(otherRoute.status).toBe(403);
  });

  it("lets the page read the request id, the replay marker and the rate-limit fields of the real request", async () => {
    const origin = "https://widget.example.com";
    const { secret } = await key("public", { allowedOrigins: [origin] });
    const response = await send(secret, { ...call(agentA), origin });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-expose-headers")).toBe("X-Request-Id, Idempotent-Replayed, RateLimit, RateLimit-Policy, Retry-After");
    expect(response.headers.get("ratelimit-policy")).toMatch(/^"key";q=50;w=1;/);
  });
});

describe("rolling, with the clock in the test's hands", () => {
  it("keeps the old key working through its grace period, and only the new one after it", async () => {
    const old = await key("private");
    const rolled = await rollApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: old.apiKey.id, graceSeconds: 3600 });
    if (!rolled.ok) throw new Error(rolled.reason);
    now = Date.now();
    expect((await send(old.secret, { path: "/api/v1/me" })).status).toBe(200);
    expect((await send(rolled.created.secret, { path: "/api/v1/me" })).status).toBe(200);
    now = Date.now() + 3601 * 1000;
    const after = await send(old.secret, { path: "/api/v1/me" });
    expect(after.status).toBe(401);
    expect(after.body.error.hint).toMatch(/rolled/);
    expect((await send(rolled.created.secret, { path: "/api/v1/me" })).status).toBe(200);
    now = Date.now();
  });
});
