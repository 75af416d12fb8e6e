import { describe, expect, it, vi } from "vitest";
import { generateKey } from "./format";
import { hashKey } from "./hash";
import { compileIpAllowlist } from "./ip-allowlist";
import { compileOrigins } from "./origins";
import { SCOPE_PRESETS } from "./scopes";
import { createKeyVerifier, FAILURE_STATUS, KeyStoreUnavailable, type KeyRecord, type RequestFacts, type VerifyFailure } from "./verify";

const NOW = Date.parse("2026-11-22T12:00:00Z");

function record(overrides: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: "key-1",
    workspaceId: "ws-1",
    workspaceName: "Acme",
    name: "production",
    type: "private",
    status: "active",
    expiresAt: null,
    revokedAt: null,
    rolledToId: null,
    permissions: SCOPE_PRESETS.full_access,
    allowedAgents: [],
    allowTransientAgents: false,
    origins: [],
    ipRanges: [],
    ...overrides,
  } as KeyRecord;
}

function setup(stored: Record<string, KeyRecord>) {
  const byHash = new Map(Object.entries(stored).map(([key, r]) => [hashKey(key), r]));
  const lookup = vi.fn(async (hash: string) => byHash.get(hash) ?? null);
  const verify = createKeyVerifier({ lookup, now: () => NOW });
  const send = (key: string, facts: RequestFacts = {}) => verify((name) => (name === "x-api-key" ? key : null), facts);
  return { lookup, send };
}

describe("createKeyVerifier", () => {
  it("answers unavailable (503) when the key store cannot be asked, and lets other failures through", async () => {
    const key = generateKey("private");
    const failWith = (error: Error) => createKeyVerifier({ lookup: async () => Promise.reject(error) })((name) => (name === "x-api-key" ? key : null));
    expect(await failWith(new KeyStoreUnavailable(new Error("ECONNREFUSED")))).toEqual({ ok: false, reason: "unavailable" });
    expect(FAILURE_STATUS.unavailable).toBe(503);
    await expect(failWith(new Error("bug"))).rejects.toThrow("bug");
  });

  it("accepts a live key", async () => {
    const key = generateKey("private");
    const { send } = setup({ [key]: record() });
    expect(await send(key)).toEqual({ ok: true, key: record() });
  });

  it.each<[string, Partial<KeyRecord>, VerifyFailure]>([
    ["revoked", { revokedAt: new Date(NOW - 1000) }, "revoked"],
    ["revoked even if active", { revokedAt: new Date(NOW - 1000), status: "active" }, "revoked"],
    ["disabled", { status: "disabled" }, "disabled"],
    ["expired", { expiresAt: new Date(NOW - 1) }, "expired"],
    ["expiring this very moment", { expiresAt: new Date(NOW) }, "expired"],
  ])("refuses a %s key, naming it so that its usage counts the refusal", async (_name, overrides, reason) => {
    const key = generateKey("private");
    const { send } = setup({ [key]: record(overrides) });
    expect(await send(key)).toEqual({ ok: false, reason, key: record(overrides) });
  });

  it("accepts a key that expires in the future", async () => {
    const key = generateKey("private");
    const { send } = setup({ [key]: record({ expiresAt: new Date(NOW + 60_000) }) });
    expect((await send(key)).ok).toBe(true);
  });

  it("answers unknown but well-formed keys with not_found", async () => {
    const { send, lookup } = setup({});
    expect(await send(generateKey("private"))).toEqual({ ok: false, reason: "not_found" });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it("turns away malformed keys before any lookup", async () => {
    const { send, lookup } = setup({});
    const key = generateKey("private");
    expect(await send(key.slice(0, -1))).toEqual({ ok: false, reason: "bad_length" });
    expect(await send(key.slice(0, -1) + (key.endsWith("a") ? "b" : "a"))).toEqual({ ok: false, reason: "checksum_mismatch" });
    expect(await send("sk_" + key)).toEqual({ ok: false, reason: "bad_prefix" });
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe("key policies in the verification path", () => {
  const publicKey = (origins: string[]) => record({ type: "public", origins: compileOrigins(origins) });

  it.each<[string, KeyRecord, RequestFacts, VerifyFailure | null]>([
    ["a public key from an allowed origin", publicKey(["https://app.example.com"]), { origin: "https://app.example.com" }, null],
    ["a public key from a subdomain under a wildcard", publicKey(["https://*.example.com"]), { origin: "https://a.example.com" }, null],
    ["a public key without an Origin", publicKey(["https://app.example.com"]), {}, "origin_required"],
    ["a public key from another origin", publicKey(["https://app.example.com"]), { origin: "https://evil.test" }, "origin_not_allowed"],
    ["a public key from another port", publicKey(["http://localhost:3000"]), { origin: "http://localhost:3001" }, "origin_not_allowed"],
    ["a private key sent by a browser", record(), { origin: "https://app.example.com" }, "private_key_in_browser"],
    ["a private key from an allowed address", record({ ipRanges: compileIpAllowlist(["198.51.100.0/24"]) }), { ip: "198.51.100.7" }, null],
    ["a private key from another address", record({ ipRanges: compileIpAllowlist(["198.51.100.0/24"]) }), { ip: "203.0.113.1" }, "ip_not_allowed"],
    ["a private key with an allowlist and no known address", record({ ipRanges: compileIpAllowlist(["198.51.100.0/24"]) }), {}, "ip_not_allowed"],
    ["a rolled key within its grace period", record({ rolledToId: "key-2", expiresAt: new Date(NOW + 1000) }), {}, null],
    ["a rolled key after its grace period", record({ rolledToId: "key-2", expiresAt: new Date(NOW - 1) }), {}, "rolled"],
  ])("%s", async (_name, stored, facts, reason) => {
    const key = generateKey(stored.type);
    const { send } = setup({ [key]: stored });
    const outcome = await send(key, facts);
    expect(outcome.ok ? null : outcome.reason).toBe(reason);
  });

  it("checks expiry against the clock on every request, also for a record already cached", async () => {
    const key = generateKey("private");
    let now = NOW;
    const stored = record({ expiresAt: new Date(NOW + 5_000) });
    const verify = createKeyVerifier({ lookup: async () => stored, now: () => now });
    const send = () => verify((name) => (name === "x-api-key" ? key : null));
    expect((await send()).ok).toBe(true);
    now += 5_000;
    expect(await send()).toMatchObject({ ok: false, reason: "expired" });
  });
});
