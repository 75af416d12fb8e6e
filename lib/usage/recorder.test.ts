import { describe, expect, it } from "vitest";
import { REJECTED_REQUESTS_PER_KEY, UsageRecorder } from "./recorder";
import type { UsageBatch } from "./store";

const T0 = Date.UTC(2026, 11, 2, 10, 59, 58);
const A = { id: "key-a", workspaceId: "ws-1" };
const B = { id: "key-b", workspaceId: "ws-2" };
const request = { path: "/api/v1/me", ip: "203.0.113.7", origin: null, userAgent: "curl/8" };

function recorder(options: { fail?: () => boolean } = {}) {
  let now = T0;
  const batches: UsageBatch[] = [];
  const r = new UsageRecorder(
    {
      record: async (batch) => {
        if (options.fail?.()) throw new Error("database down");
        batches.push(batch);
      },
    },
    { now: () => now },
  );
  return { r, batches, advance: (ms: number) => (now += ms) };
}

const counts = (batch: UsageBatch) =>
  batch.counts.map((c) => `${c.workspaceId}/${c.keyId} ${c.bucketStart.toISOString()} ${c.outcome} ${c.count}`).sort();

describe("UsageRecorder", () => {
  it("adds up many requests of many keys into one row per key, UTC hour and outcome", async () => {
    const { r, batches } = recorder();
    for (let i = 0; i < 5; i++) r.count(A, "valid");
    r.count(B, "valid");
    r.reject(A, "disabled", request);
    r.reject(A, "disabled", request);
    await r.flush();
    expect(batches).toHaveLength(1);
    expect(counts(batches[0]!)).toEqual([
      "ws-1/key-a 2026-12-02T10:00:00.000Z disabled 2",
      "ws-1/key-a 2026-12-02T10:00:00.000Z valid 5",
      "ws-2/key-b 2026-12-02T10:00:00.000Z valid 1",
    ]);
  });

  it("splits counts at the hour boundary into two buckets", async () => {
    const { r, batches, advance } = recorder();
    r.count(A, "valid");
    advance(3_000); // 11:00:01
    r.count(A, "valid");
    r.count(A, "valid");
    await r.flush();
    expect(counts(batches[0]!)).toEqual(["ws-1/key-a 2026-12-02T10:00:00.000Z valid 1", "ws-1/key-a 2026-12-02T11:00:00.000Z valid 2"]);
  });

  it("writes nothing when nothing was counted, and never the same count twice", async () => {
    const { r, batches } = recorder();
    await r.flush();
    r.count(A, "valid");
    await Promise.all([r.flush(), r.flush()]);
    await r.flush();
    expect(batches.map(counts)).toEqual([["ws-1/key-a 2026-12-02T10:00:00.000Z valid 1"]]);
  });

  it("keeps a failed flush's counts and adds them to the next one", async () => {
    let down = true;
    const { r, batches } = recorder({ fail: () => down });
    r.count(A, "valid");
    await expect(r.flush()).rejects.toThrow("database down");
    r.count(A, "valid");
    r.reject(B, "ip_not_allowed", request);
    down = false;
    await r.flush();
    expect(counts(batches[0]!)).toEqual(["ws-1/key-a 2026-12-02T10:00:00.000Z valid 2", "ws-2/key-b 2026-12-02T10:00:00.000Z ip_not_allowed 1"]);
    expect(batches[0]!.lastUsed).toEqual([{ keyId: "key-a", at: new Date(T0) }]);
  });

  it("moves last used at most once a minute per key, to the latest valid use", async () => {
    const { r, batches, advance } = recorder();
    r.count(A, "valid");
    advance(1_000);
    r.count(A, "valid");
    r.reject(B, "disabled", request);
    await r.flush();
    expect(batches[0]!.lastUsed).toEqual([{ keyId: "key-a", at: new Date(T0 + 1_000) }]);
    advance(30_000);
    r.count(A, "valid");
    await r.flush();
    expect(batches[1]!.lastUsed).toEqual([]);
    advance(31_000);
    r.count(A, "valid");
    await r.flush();
    expect(batches[2]!.lastUsed).toEqual([{ keyId: "key-a", at: new Date(T0 + 62_000) }]);
  });

  it("keeps the latest 100 refused requests per key, even across failed flushes", async () => {
    let down = true;
    const { r, batches, advance } = recorder({ fail: () => down });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 250; i++) {
        advance(1);
        r.reject(A, "rate_limited", { ...request, path: `/api/v1/calls/${round}-${i}` });
      }
      await r.flush().catch(() => {});
    }
    down = false;
    await r.flush();
    const rejected = batches[0]!.rejected;
    expect(rejected).toHaveLength(REJECTED_REQUESTS_PER_KEY);
    expect(rejected.at(-1)!.path).toBe("/api/v1/calls/2-249");
    expect(rejected[0]!.path).toBe("/api/v1/calls/2-150");
    expect(counts(batches[0]!)).toEqual(["ws-1/key-a 2026-12-02T10:00:00.000Z rate_limited 750"]);
  });

  it("keeps no key material, query string or control characters of a refused request", async () => {
    const { r, batches } = recorder();
    const key = "swb_sk_4eC39HqLyjWDarjtT1zdp7dcAbCdEf123456";
    r.reject(A, "disabled", {
      path: `/api/v1/agents/${key}?api_key=${key}`,
      ip: "203.0.113.7",
      origin: `https://${key}.example`,
      userAgent: `bot\u0000/1 ${key.slice(0, 20)}\r\n`,
    });
    await r.flush();
    const [kept] = batches[0]!.rejected;
    expect(kept).toMatchObject({ path: "/api/v1/agents/swb_sk_[redacted]", origin: "https://swb_sk_[redacted].example", userAgent: "bot/1 swb_sk_[redacted]" });
    expect(JSON.stringify(batches[0])).not.toMatch(/4eC39|api_key=/);
  });
});
