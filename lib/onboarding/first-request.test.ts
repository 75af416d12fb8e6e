// The hot path's part of step 3: one write per workspace and server, and after a failed write
// (the database away) one more try a few seconds later, not one per request.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FirstRequestRecorder } from "./first-request";

describe("FirstRequestRecorder", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes each workspace once, however many requests it answers", async () => {
    const written: string[] = [];
    const recorder = new FirstRequestRecorder(async (id) => void written.push(id));
    for (let i = 0; i < 1000; i++) recorder.answered(i % 2 ? "a" : "b");
    await vi.runAllTimersAsync();
    expect(written.sort()).toEqual(["a", "b"]);
  });

  it("after a failed write, tries again only once the retry delay has passed", async () => {
    let attempts = 0;
    const recorder = new FirstRequestRecorder(async () => {
      attempts++;
      if (attempts === 1) throw new Error("connection refused");
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    recorder.answered("a");
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 100; i++) recorder.answered("a");
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    recorder.answered("a");
    recorder.answered("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(2);
    quiet.mockRestore();
  });
});
