import { describe, expect, it } from "vitest";
import { LastUsedRecorder } from "./last-used";

function recorder() {
  let now = 1_000_000;
  const writes: { id: string; at: Date }[][] = [];
  const r = new LastUsedRecorder(async (batch) => void writes.push(batch), { now: () => now });
  return { r, writes, advance: (ms: number) => (now += ms) };
}

describe("LastUsedRecorder", () => {
  it("writes many uses of many keys as one batch, one row per key, latest time", async () => {
    const { r, writes, advance } = recorder();
    r.record("a");
    advance(10);
    r.record("b");
    r.record("a");
    await r.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.map((w) => w.id).sort()).toEqual(["a", "b"]);
  });

  it("writes a key at most once a minute", async () => {
    const { r, writes, advance } = recorder();
    r.record("a");
    await r.flush();
    advance(30_000);
    r.record("a");
    await r.flush();
    expect(writes).toHaveLength(1);
    advance(31_000);
    r.record("a");
    await r.flush();
    expect(writes).toHaveLength(2);
  });

  it("keeps a batch whose write failed for the next flush", async () => {
    let fail = true;
    const writes: string[][] = [];
    const r = new LastUsedRecorder(async (batch) => {
      if (fail) throw new Error("database down");
      writes.push(batch.map((b) => b.id));
    });
    r.record("a");
    await expect(r.flush()).rejects.toThrow("database down");
    fail = false;
    await r.flush();
    expect(writes).toEqual([["a"]]);
  });

  it("does nothing when no key was used", async () => {
    const { r, writes } = recorder();
    await r.flush();
    expect(writes).toHaveLength(0);
  });
});
