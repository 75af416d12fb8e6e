import { describe, expect, it } from "vitest";
import { describeCredits, describeExpiry, describeRateLimit, describeRestrictions, durationInWords, hygieneBadges } from "./describe";
import { SCOPE_PRESETS } from "./scopes";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const DAY = 86_400_000;
const base = {
  type: "private" as const,
  permissions: SCOPE_PRESETS.full_access,
  allowedAgents: [] as string[],
  allowedOrigins: [] as string[],
  allowedIps: [] as string[],
  allowTransientAgents: false,
  expiresAt: null,
  rolledToId: null,
  createdAt: new Date(NOW - DAY),
  lastUsedAt: null,
};

describe("describeRestrictions", () => {
  it("says Full access for an open key", () => expect(describeRestrictions(base)).toBe("Full access"));
  it("lists what restricts a key", () => {
    expect(
      describeRestrictions({
        ...base,
        type: "public",
        permissions: { agents: "read", calls: "write", api_keys: "none" },
        allowedAgents: ["a", "b"],
        allowedOrigins: ["https://app.example.com"],
      }),
    ).toBe("agents:read · calls:write · 2 agents · 1 origin");
    expect(describeRestrictions({ ...base, permissions: SCOPE_PRESETS.read_only, allowedIps: ["10.0.0.0/8"], allowTransientAgents: true })).toBe(
      "Read only · 1 IP range · transient agents",
    );
  });
});

describe("describeExpiry", () => {
  it.each([
    [null, null, null],
    [NOW + 3 * DAY, null, "Expires in 3 days"],
    [NOW + 5 * 3600_000, null, "Expires in 5 hours"],
    [NOW - 1, null, "Expired"],
    [NOW + 3600_000, "next-key", "Rolled: stops in 1 hour"],
    [NOW - 1, "next-key", "Rolled: stopped"],
  ])("expires %s, rolled to %s → %s", (expires, rolledToId, text) => {
    const described = describeExpiry({ expiresAt: expires === null ? null : new Date(expires), rolledToId }, NOW);
    expect(described?.text ?? null).toBe(text);
  });
});

describe("hygieneBadges", () => {
  it.each([
    ["a new key", { createdAt: new Date(NOW - DAY), lastUsedAt: null }, []],
    ["an old, unused key", { createdAt: new Date(NOW - 100 * DAY), lastUsedAt: null }, ["Rotate", "Unused 30+ days"]],
    ["an old key in use", { createdAt: new Date(NOW - 100 * DAY), lastUsedAt: new Date(NOW - DAY) }, ["Rotate"]],
    ["a dormant key", { createdAt: new Date(NOW - 40 * DAY), lastUsedAt: new Date(NOW - 31 * DAY) }, ["Unused 30+ days"]],
  ])("%s", (_name, dates, badges) => {
    expect(hygieneBadges({ ...dates, rolledToId: null }, NOW)).toEqual(badges);
  });
  it("spares rolled keys (they are on their way out)", () => {
    expect(hygieneBadges({ createdAt: new Date(NOW - 100 * DAY), lastUsedAt: null, rolledToId: "x" }, NOW)).toEqual([]);
  });
  it("says durations in the largest whole unit", () => {
    expect([durationInWords(30_000), durationInWords(90 * 60_000), durationInWords(3 * DAY)]).toEqual(["1 minute", "2 hours", "3 days"]);
  });
});

describe("describeRateLimit and describeCredits", () => {
  const none = { creditsRemaining: null, creditsRefillAmount: null, creditsRefillInterval: null, creditsRefilledAt: null };
  it("says the rate limit, or that there is none", () => {
    expect(describeRateLimit({ rateLimitPerSecond: 1000, rateLimitBurst: 100 })).toBe("1,000 requests/s, bursts of 100");
    expect(describeRateLimit({ rateLimitPerSecond: null, rateLimitBurst: null })).toBe("No rate limit");
  });
  it("says what remains in credits, with the refill, and nothing for unlimited keys", () => {
    const refilledToday = new Date(NOW);
    expect(describeCredits({ creditsRemaining: 1200, creditsRefillAmount: 1000, creditsRefillInterval: "month", creditsRefilledAt: refilledToday }, new Date(NOW))).toEqual({
      text: "1,200 credits",
      refill: "refill 1,000 each month",
    });
    expect(describeCredits({ ...none, creditsRemaining: 1, creditsRefilledAt: refilledToday }, new Date(NOW))).toEqual({ text: "1 credit", refill: null });
    expect(describeCredits(none)).toBeNull();
  });
});
