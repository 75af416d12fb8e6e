// 400 invalid_request over real HTTP (issue 20, hostile input): every field of every /api/v1 body
// says, when it is missing, of the wrong type or a bad value, which field it is and what it takes,
// with an example; and an unknown field is refused under its own name, with the right name when it
// is another platform's (contact_number → to_number) or a camelCase spelling (firstMessage).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/services/agents";
import { createApiKey } from "@/lib/services/api-keys";
import { startApiServer, type ApiRequest } from "../support/api-server";
import { actorOf, createWorkspace } from "../support/fixtures";

let api: Awaited<ReturnType<typeof startApiServer>>;
let secret: string;
let agentId: string;
let keyId: string;

beforeAll(async () => {
  api = await startApiServer();
  const owner = await createWorkspace({ workspaceName: "Validation messages" });
  const admin = await createApiKey(actorOf(owner), {
    workspaceId: owner.workspaceId,
    type: "private",
    name: "admin",
    description: null,
    policy: { allowTransientAgents: true, rateLimit: null },
  });
  if (!admin.ok) throw new Error(admin.reason);
  secret = admin.created.secret;
  keyId = admin.created.apiKey.id;
  agentId = (await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Fixture", description: null, voice: "aria", firstMessage: "Hello" })).id;
});

afterAll(() => api.close());

const send = (request: ApiRequest) => api.send(secret, { ...request, headers: { "Idempotency-Key": randomUUID(), ...request.headers } });
const post = (path: string, body: unknown) => send({ method: "POST", path, body });
const CALL = { to_number: "+14155552671" };

// zod's own wording, which names neither the field nor what it takes.
const ZOD_DEFAULT = /Invalid input|Too (small|big)|expected \w+, received|Unrecognized key|Invalid (option|UUID|string)/;

describe("400 invalid_request: messages a person can act on", () => {
  it.each<[string, () => ApiRequest, string, string]>([
    ["a missing voice", () => ({ method: "POST", path: "/api/v1/agents", body: { name: "A", first_message: "Hi" } }), "voice", "voice is required: a voice name such as aria."],
    ["a voice that is a number", () => ({ method: "POST", path: "/api/v1/agents", body: { name: "A", voice: 7, first_message: "Hi" } }), "voice", "voice must be a voice name such as aria, not a number."],
    ["an empty voice", () => ({ method: "POST", path: "/api/v1/agents", body: { name: "A", voice: " ", first_message: "Hi" } }), "voice", "voice must not be empty: a voice name such as aria."],
    ["a missing first message", () => ({ method: "POST", path: "/api/v1/agents", body: { name: "A", voice: "aria" } }), "first_message", 'first_message is required: what the agent says when the call is answered, such as "Hi, this is Aria from Acme.".'],
    ["a missing to_number", () => ({ method: "POST", path: "/api/v1/calls", body: { agent_id: agentId } }), "to_number", "to_number is required: a phone number in E.164 such as +14155552671."],
    ["a to_number without +", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, agent_id: agentId, to_number: "4155552671" } }), "to_number", "to_number: use E.164, a + and the full number with country code, such as +14155552671."],
    ["an agent_id that is no UUID", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, agent_id: "aria" } }), "agent_id", "agent_id must be a saved agent's id (a UUID) from GET /api/v1/agents."],
    ["an inline agent without a voice", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, agent: { name: "A", first_message: "Hi" } } }), "agent.voice", "agent.voice is required: a voice name such as aria."],
    ["an inline agent that is a string", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, agent: "aria" } }), "agent", 'agent must be an inline agent such as {"name": "Pop-up survey", "voice": "aria", "first_message": "Hi, this is Acme."}, not a string.'],
    ["metadata holding an object", () => ({ method: "POST", path: "/api/v1/calls", body: { ...CALL, agent_id: agentId, metadata: { crm: { id: 1 } } } }), "metadata.crm", 'A metadata value is a string, a number, a boolean or null, such as "lead_4411": not an object or an array.'],
    ["a missing key name", () => ({ method: "POST", path: "/api/v1/api-keys", body: {} }), "name", "name is required: a name for the key, such as production or zapier-integration."],
    ["a key type that is neither", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "x", type: "secret" } }), "type", "type must be private or public."],
    ["a permission level that is a number", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "x", permissions: { agents: 2, calls: "read", api_keys: "none" } } }), "permissions.agents", "permissions.agents must be none, read or write, not a number."],
    ["a missing permission", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "x", permissions: { agents: "read", calls: "read" } } }), "permissions.api_keys", "permissions.api_keys is required: none, read or write."],
    ["allowed_ips that is a string", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "x", allowed_ips: "203.0.113.7" } }), "allowed_ips", 'allowed_ips must be a list of IP addresses or ranges such as ["203.0.113.0/24"], not a string.'],
    ["a rate limit without burst", () => ({ method: "POST", path: "/api/v1/api-keys", body: { name: "x", rate_limit: { requests_per_second: 5 } } }), "rate_limit.burst", "rate_limit.burst is required: a whole number from 0 to 1,000,000, such as 100."],
    ["a grace period in words", () => ({ method: "POST", path: `/api/v1/api-keys/${keyId}/roll`, body: { grace_period_seconds: "1h" } }), "grace_period_seconds", "grace_period_seconds must be a whole number of seconds from 0 to 604800 (7 days), such as 3600, not a string."],
    ["a body that is an array", () => ({ method: "POST", path: "/api/v1/agents", body: [] }), "body", 'The body must be a JSON object such as {"name": "Renewals assistant", "voice": "aria", "first_message": "Hi, this is Aria from Acme."}, not an array.'],
    ["a list limit in words", () => ({ path: "/api/v1/agents?limit=ten" }), "limit", "limit must be a whole number from 1 to 100, such as 20."],
    ["a status filter twice", () => ({ path: "/api/v1/api-keys?status=active&status=disabled" }), "status", "status must be active or disabled, not an array."],
  ])("%s: names the field and what it takes", async (_, request, field, message) => {
    const response = await send(request());
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.details[field]).toEqual([message]);
  });

  it("never answers in zod's own words, for any field missing or of any wrong type", async () => {
    const wrong = [undefined, null, 12, true, [], {}, "x"];
    const bodies: [string, string, Record<string, unknown>][] = [
      ["POST", "/api/v1/agents", { name: "A", voice: "aria", first_message: "Hi", description: "d" }],
      ["PATCH", `/api/v1/agents/${agentId}`, { name: "A", voice: "aria", first_message: "Hi", description: "d" }],
      ["POST", "/api/v1/calls", { agent_id: agentId, to_number: "+14155552671", from_number: "+14155552671", metadata: { a: 1 } }],
      ["POST", "/api/v1/calls", { agent: { name: "A", voice: "aria", first_message: "Hi" }, to_number: "+14155552671" }],
      [
        "POST",
        "/api/v1/api-keys",
        {
          type: "private",
          name: "n",
          description: "d",
          allowed_agents: [agentId],
          allow_transient_agents: true,
          permissions: { agents: "read", calls: "read", api_keys: "none" },
          allowed_ips: ["203.0.113.7"],
          expires_at: "2030-01-01T00:00:00Z",
          rate_limit: { requests_per_second: 5, burst: 5 },
          credits: { remaining: 5, refill: { amount: 5, interval: "day" } },
        },
      ],
      ["PATCH", `/api/v1/api-keys/${keyId}`, { status: "active", allowed_origins: ["https://a.example.com"] }],
      ["POST", `/api/v1/api-keys/${keyId}/roll`, { grace_period_seconds: 60 }],
    ];
    const nested = (body: Record<string, unknown>): [string[], Record<string, unknown>][] =>
      Object.entries(body).flatMap(([field, value]) =>
        value && typeof value === "object" && !Array.isArray(value) ? [[[field], body] as [string[], Record<string, unknown>], ...nested(value as Record<string, unknown>).map(([path]) => [[field, ...path], body] as [string[], Record<string, unknown>])] : [[[field], body] as [string[], Record<string, unknown>]],
      );
    const withValue = (body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
      const [head, ...rest] = path;
      const copy = { ...body };
      if (rest.length === 0) {
        if (value === undefined) delete copy[head!];
        else copy[head!] = value;
      } else copy[head!] = withValue(body[head!] as Record<string, unknown>, rest, value);
      return copy;
    };
    let refusals = 0;
    for (const [method, path, valid] of bodies) {
      for (const [fieldPath] of nested(valid)) {
        for (const value of wrong) {
          const response = await send({ method, path, body: withValue(valid, fieldPath, value) });
          expect(response.status, `${method} ${path} ${fieldPath.join(".")}=${JSON.stringify(value)}`).toBeLessThan(500);
          if (response.status !== 400) continue;
          refusals++;
          for (const [field, messages] of Object.entries(response.body.error.details as Record<string, string[]>)) {
            for (const message of messages) expect(message, `${method} ${path} ${field}`).not.toMatch(ZOD_DEFAULT);
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(100);
  });
});

describe("400 invalid_request: unknown fields are refused, not ignored", () => {
  it("refuses contact_number on POST /api/v1/calls and names to_number", async () => {
    const response = await post("/api/v1/calls", { agent_id: agentId, contact_number: "+14155552671" });
    expect(response.status).toBe(400);
    expect(response.body.error.details.contact_number).toEqual(["Unknown field: this API calls it to_number. Send to_number instead."]);
    expect(response.body.error.details.to_number).toEqual(["to_number is required: a phone number in E.164 such as +14155552671."]);
    expect(response.body.error.hint).toBe("Unknown fields are refused, not ignored. Rename contact_number → to_number.");
  });

  it.each([
    ["/api/v1/calls", { ...CALL, phone_number: "+14155552671" }, "phone_number", "to_number"],
    ["/api/v1/calls", { ...CALL, to: "+14155552671" }, "to", "to_number"],
    ["/api/v1/calls", { ...CALL, assistant_id: "x" }, "assistant_id", "agent_id"],
    ["/api/v1/calls", { ...CALL, assistantId: "x" }, "assistantId", "agent_id"],
    ["/api/v1/calls", { ...CALL, toNumber: "+14155552671" }, "toNumber", "to_number"],
    ["/api/v1/calls", { ...CALL, agent: { name: "A", voice: "aria", firstMessage: "Hi" } }, "agent.firstMessage", "first_message"],
    ["/api/v1/agents", { name: "A", voice: "aria", firstMessage: "Hi" }, "firstMessage", "first_message"],
    ["/api/v1/api-keys", { name: "x", allowedIps: [] }, "allowedIps", "allowed_ips"],
    ["/api/v1/api-keys", { name: "x", rate_limit: { requestsPerSecond: 5, burst: 1 } }, "rate_limit.requestsPerSecond", "requests_per_second"],
  ])("POST %s with %j: %s names %s", async (path, body, field, suggestion) => {
    const response = await post(path, body);
    expect(response.status).toBe(400);
    expect(response.body.error.details[field]).toEqual([`Unknown field: this API calls it ${suggestion}. Send ${suggestion} instead.`]);
  });

  it("names every unknown field, even one called __proto__ or constructor", async () => {
    const response = await send({ method: "PATCH", path: `/api/v1/agents/${agentId}`, body: JSON.parse('{"name":"A","colour":"red","__proto__":{"x":1},"constructor":1}') });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.details).sort()).toEqual(["__proto__", "colour", "constructor"]);
    expect(response.body.error.hint).toBeUndefined();
  });

  it("refuses an unknown field on every body: agents, calls, keys, roll", async () => {
    for (const [method, path] of [
      ["POST", "/api/v1/agents"],
      ["PATCH", `/api/v1/agents/${agentId}`],
      ["POST", "/api/v1/calls"],
      ["POST", "/api/v1/api-keys"],
      ["PATCH", `/api/v1/api-keys/${keyId}`],
      ["POST", `/api/v1/api-keys/${keyId}/roll`],
    ] as const) {
      const response = await send({ method, path, body: { extra_field: 1 } });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.body.error.details.extra_field, `${method} ${path}`).toHaveLength(1);
    }
  });

  it("ignores unknown query parameters (a cache-buster, a tracking parameter)", async () => {
    const response = await send({ path: "/api/v1/agents?limit=1&_=123&utm_source=x" });
    expect(response.status).toBe(200);
  });
});
