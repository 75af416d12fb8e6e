import { describe, expect, it, vi } from "vitest";
import { generateKey } from "./format";
import { hashKey } from "./hash";
import { createKeyVerifier, type KeyRecord, type VerifyFailure } from "./verify";

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
    ...overrides,
  };
}

function setup(stored: Record<string, KeyRecord>) {
  const byHash = new Map(Object.entries(stored).map(([key, r]) => [hashKey(key), r]));
  const lookup = vi.fn(async (hash: string) => byHash.get(hash) ?? null);
  const onVerified = vi.fn();
  const verify = createKeyVerifier({ lookup, onVerified, now: () => NOW });
  const send = (key: string) => verify((name) => (name === "x-api-key" ? key : null));
  return { lookup, onVerified, send };
}

describe("createKeyVerifier", () => {
  it("accepts a live key and reports it as used", async () => {
    const key = generateKey("private");
    const { send, onVerified } = setup({ [key]: record() });
    expect(await send(key)).toEqual({ ok: true, key: record() });
    expect(onVerified).toHaveBeenCalledWith(record());
  });

  it.each<[string, Partial<KeyRecord>, VerifyFailure]>([
    ["revoked", { revokedAt: new Date(NOW - 1000) }, "revoked"],
    ["revoked even if active", { revokedAt: new Date(NOW - 1000), status: "active" }, "revoked"],
    ["disabled", { status: "disabled" }, "disabled"],
    ["expired", { expiresAt: new Date(NOW - 1) }, "expired"],
    ["expiring this very moment", { expiresAt: new Date(NOW) }, "expired"],
  ])("refuses a %s key", async (_name, overrides, reason) => {
    const key = generateKey("private");
    const { send, onVerified } = setup({ [key]: record(overrides) });
    expect(await send(key)).toEqual({ ok: false, reason });
    expect(onVerified).not.toHaveBeenCalled();
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
