import { describe, expect, it } from "vitest";
import { compileIpAllowlist } from "./ip-allowlist";
import { excessPowers, loosenedFields, type HolderPowers, type KeyPowerState } from "./power";
import { SCOPE_PRESETS } from "./scopes";

const AGENT_A = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const AGENT_B = "0b8f4f6e-3c55-4a51-9c1e-2f1d3c9a8b7e";
const full: HolderPowers = { permissions: SCOPE_PRESETS.full_access, allowedAgents: [], allowTransientAgents: true, ipRanges: [], expiresAt: null };
const limited: HolderPowers = {
  permissions: { agents: "read", calls: "write", api_keys: "write" },
  allowedAgents: [AGENT_A],
  allowTransientAgents: false,
  ipRanges: compileIpAllowlist(["198.51.100.0/24", "2001:db8::/32"]),
  expiresAt: new Date("2027-01-01T00:00:00Z"),
};

describe("excessPowers", () => {
  it("lets an unrestricted key grant anything", () => {
    expect(excessPowers(full, { type: "public", permissions: SCOPE_PRESETS.full_access, allowedAgents: [], allowTransientAgents: true, allowedIps: [], expiresAt: null })).toEqual({});
  });

  it("lets a restricted key grant what it holds, or less", () => {
    expect(
      excessPowers(limited, {
        permissions: { agents: "none", calls: "read", api_keys: "write" },
        allowedAgents: [AGENT_A],
        allowTransientAgents: false,
        allowedIps: ["198.51.100.7", "198.51.100.128/25", "2001:db8:1::/48"],
        expiresAt: new Date("2026-12-31T00:00:00Z"),
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
    });
    expect(Object.keys(excess).sort()).toEqual(["allow_transient_agents", "allowed_agents", "allowed_ips", "expires_at", "permissions"]);
    expect(excess.permissions![0]).toContain("agents:write (this key has agents:read)");
  });

  it("treats an empty agent or IP list and no expiry as the widest grant", () => {
    expect(Object.keys(excessPowers(limited, { allowedAgents: [], allowedIps: [], expiresAt: null })).sort()).toEqual(["allowed_agents", "allowed_ips", "expires_at"]);
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
  ])("%s → %j", (_name, change, loosened) => {
    expect(loosenedFields(key, { ...key, ...change })).toEqual(loosened);
  });

  it("counts enabling a disabled key as giving power back", () => {
    expect(loosenedFields({ ...key, status: "disabled" }, key)).toEqual(["status"]);
  });
});
