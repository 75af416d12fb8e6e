import { describe, expect, it } from "vitest";
import { compileIpAllowlist } from "./ip-allowlist";
import { excessPowers, loosenedFields, type HolderPowers, type KeyPowerState } from "./power";
import { SCOPE_PRESETS } from "./scopes";

const AGENT_A = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const AGENT_B = "0b8f4f6e-3c55-4a51-9c1e-2f1d3c9a8b7e";
const full: HolderPowers = { permissions: SCOPE_PRESETS.full_access, allowedAgents: [], allowTransientAgents: true, ipRanges: [], expiresAt: null, rateLimit: null, credits: null };
const limited: HolderPowers = {
  permissions: { agents: "read", calls: "write", api_keys: "write" },
  allowedAgents: [AGENT_A],
  allowTransientAgents: false,
  ipRanges: compileIpAllowlist(["198.51.100.0/24", "2001:db8::/32"]),
  expiresAt: new Date("2027-01-01T00:00:00Z"),
  rateLimit: { perSecond: 10, burst: 20 },
  credits: { remaining: 100, refill: { amount: 100, interval: "month" } },
};
const NOW = new Date("2026-12-02T12:00:00Z");
const NO_LIMITS = { rateLimitPerSecond: null, rateLimitBurst: null, creditsRemaining: null, creditsRefillAmount: null, creditsRefillInterval: null, creditsRefilledAt: null };

describe("excessPowers", () => {
  it("lets an unrestricted key grant anything", () => {
    expect(excessPowers(full, { type: "public", permissions: SCOPE_PRESETS.full_access, allowedAgents: [], allowTransientAgents: true, allowedIps: [], expiresAt: null, rateLimit: null, credits: null })).toEqual({});
  });

  it("lets a restricted key grant what it holds, or less", () => {
    expect(
      excessPowers(limited, {
        permissions: { agents: "none", calls: "read", api_keys: "write" },
        allowedAgents: [AGENT_A],
        allowTransientAgents: false,
        allowedIps: ["198.51.100.7", "198.51.100.128/25", "2001:db8:1::/48"],
        expiresAt: new Date("2026-12-31T00:00:00Z"),
        rateLimit: { perSecond: 10, burst: 0 },
        credits: { remaining: 50, refill: { amount: 100, interval: "month" } },
      }),
    ).toEqual({});
  });

  it("names every power beyond the key's own", () => {
    const excess = excessPowers(limited, {
      type: "private",
      permissions: { agents: "write", calls: "write", api_keys: "write" },
      allowedAgents: [AGENT_A, AGENT_B],
      allowTransientAgents: true,
      allowedIps: ["198.51.0.0/16"],
      expiresAt: new Date("2027-06-01T00:00:00Z"),
      rateLimit: { perSecond: 11, burst: 20 },
      credits: { remaining: 100, refill: { amount: 100, interval: "day" } },
    });
    expect(Object.keys(excess).sort()).toEqual(["allow_transient_agents", "allowed_agents", "allowed_ips", "credits", "expires_at", "permissions", "rate_limit"]);
    expect(excess.permissions![0]).toContain("agents:write (this key has agents:read)");
  });

  it("treats an empty agent or IP list, no expiry, no rate limit and unlimited credits as the widest grant", () => {
    expect(Object.keys(excessPowers(limited, { allowedAgents: [], allowedIps: [], expiresAt: null, rateLimit: null, credits: null })).sort()).toEqual([
      "allowed_agents",
      "allowed_ips",
      "credits",
      "expires_at",
      "rate_limit",
    ]);
  });

  it.each<[string, HolderPowers["credits"], boolean]>([
    ["more remaining", { remaining: 101, refill: null }, true],
    ["a refill larger than its own", { remaining: 1, refill: { amount: 101, interval: "month" } }, true],
    ["a daily refill against its monthly one", { remaining: 1, refill: { amount: 1, interval: "day" } }, true],
    ["fewer remaining and no refill", { remaining: 99, refill: null }, false],
    ["the same", { remaining: 100, refill: { amount: 100, interval: "month" } }, false],
  ])("credits: %s → refused %s", (_name, credits, refused) => {
    expect("credits" in excessPowers(limited, { credits })).toBe(refused);
  });

  it("refuses a refill to a key whose own credits never refill", () => {
    expect(Object.keys(excessPowers({ ...limited, credits: { remaining: 100, refill: null } }, { credits: { remaining: 5, refill: { amount: 5, interval: "month" } } }))).toEqual(["credits"]);
  });

  it("refuses a higher burst alone", () => {
    expect(Object.keys(excessPowers(limited, { rateLimit: { perSecond: 5, burst: 21 } }))).toEqual(["rate_limit"]);
  });

  it("refuses a public key to a key bound to IP addresses (a public key cannot be)", () => {
    expect(Object.keys(excessPowers(limited, { type: "public" }))).toEqual(["type"]);
  });

  it("compares only what is granted: fields left out are not checked", () => {
    expect(excessPowers(limited, { allowedAgents: [AGENT_A] })).toEqual({});
  });

  it("keeps IPv4 and IPv6 ranges apart", () => {
    expect(Object.keys(excessPowers(limited, { allowedIps: ["::ffff:198.51.100.7"] }))).toEqual([]);
    expect(Object.keys(excessPowers({ ...limited, ipRanges: compileIpAllowlist(["2001:db8::/32"]) }, { allowedIps: ["198.51.100.7"] }))).toEqual(["allowed_ips"]);
  });
});

describe("loosenedFields", () => {
  const key: KeyPowerState = {
    type: "private",
    status: "active",
    permissions: { agents: "read", calls: "read", api_keys: "none" },
    allowedAgents: [AGENT_A],
    allowTransientAgents: false,
    allowedOrigins: [],
    allowedIps: ["198.51.100.0/24"],
    expiresAt: new Date("2027-01-01T00:00:00Z"),
    ...NO_LIMITS,
    rateLimitPerSecond: 10,
    rateLimitBurst: 20,
    creditsRemaining: 100,
    creditsRefillAmount: 100,
    creditsRefillInterval: "month",
    creditsRefilledAt: new Date("2026-12-01T00:00:00Z"),
  };

  it.each<[string, Partial<KeyPowerState>, string[]]>([
    ["enabling", { status: "active" }, []],
    ["a permission raised", { permissions: { agents: "write", calls: "read", api_keys: "none" } }, ["permissions"]],
    ["an agent added", { allowedAgents: [AGENT_A, AGENT_B] }, ["allowed_agents"]],
    ["the agent list emptied (every agent)", { allowedAgents: [] }, ["allowed_agents"]],
    ["transient agents allowed", { allowTransientAgents: true }, ["allow_transient_agents"]],
    ["an IP range removed (any address)", { allowedIps: [] }, ["allowed_ips"]],
    ["an IP range widened", { allowedIps: ["198.51.0.0/16"] }, ["allowed_ips"]],
    ["no expiry", { expiresAt: null }, ["expires_at"]],
    ["a later expiry", { expiresAt: new Date("2027-06-01T00:00:00Z") }, ["expires_at"]],
    ["an origin added", { allowedOrigins: ["https://a.example.com"] }, ["allowed_origins"]],
    ["narrower permissions, agents and IPs, an earlier expiry", { permissions: { agents: "none", calls: "read", api_keys: "none" }, allowedIps: ["198.51.100.0/28"], expiresAt: new Date("2026-12-31T00:00:00Z") }, []],
    ["disabling", { status: "disabled" }, []],
    ["a higher rate", { rateLimitPerSecond: 11 }, ["rate_limit"]],
    ["a higher burst", { rateLimitBurst: 21 }, ["rate_limit"]],
    ["no rate limit", { rateLimitPerSecond: null, rateLimitBurst: null }, ["rate_limit"]],
    ["a lower rate and burst", { rateLimitPerSecond: 5, rateLimitBurst: 0 }, []],
    ["more credits", { creditsRemaining: 101 }, ["credits"]],
    ["a larger refill", { creditsRefillAmount: 200 }, ["credits"]],
    ["a daily refill", { creditsRefillInterval: "day" }, ["credits"]],
    ["unlimited credits", { creditsRemaining: null, creditsRefillAmount: null, creditsRefillInterval: null }, ["credits"]],
    ["fewer credits and no refill", { creditsRemaining: 10, creditsRefillAmount: null, creditsRefillInterval: null }, []],
  ])("%s → %j", (_name, change, loosened) => {
    expect(loosenedFields(key, { ...key, ...change }, NOW)).toEqual(loosened);
  });

  it("compares credits as they stand, with a due refill counted in", () => {
    // Last refilled in November: December's refill (100) is due, so 100 is not more than it has.
    const due = { ...key, creditsRemaining: 3, creditsRefilledAt: new Date("2026-11-15T00:00:00Z") };
    expect(loosenedFields(due, { ...due, creditsRemaining: 100, creditsRefilledAt: NOW }, NOW)).toEqual([]);
    expect(loosenedFields(due, { ...due, creditsRemaining: 101, creditsRefilledAt: NOW }, NOW)).toEqual(["credits"]);
  });

  it("counts enabling a disabled key as giving power back", () => {
    expect(loosenedFields({ ...key, status: "disabled" }, key)).toEqual(["status"]);
  });
});
