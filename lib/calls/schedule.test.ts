import { describe, expect, it } from "vitest";
import { callStatus, planCall } from "./schedule";

describe("a call's schedule", () => {
  const created = new Date("2026-11-23T12:00:00Z");
  const schedule = planCall(created, () => 0.5);
  it.each([
    [0, "queued"],
    [1.9, "queued"],
    [2, "ringing"],
    [5.9, "ringing"],
    [6, "in_progress"],
    [6 + 39.9, "in_progress"],
    [6 + 40, "completed"],
    [3600, "completed"],
  ] as const)("%s s after creation: %s", (seconds, status) => {
    expect(callStatus(schedule, new Date(created.getTime() + seconds * 1000))).toBe(status);
  });

  it("talks for 20 to 60 seconds", () => {
    expect(planCall(created, () => 0).endedAt.getTime() - created.getTime()).toBe(26_000);
    expect(planCall(created, () => 0.999).endedAt.getTime() - created.getTime()).toBe(66_000);
  });
});
