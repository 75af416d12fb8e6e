import { describe, expect, it } from "vitest";
import { formatCount } from "./format-count";

describe("formatCount", () => {
  it("writes small whole numbers as they are", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(-42)).toBe("-42");
  });

  it("groups thousands as English does, with one formatter for every call", () => {
    expect(formatCount(1000)).toBe("1,000");
    expect(formatCount(10_000)).toBe("10,000");
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount(-1500)).toBe("-1,500");
  });

  it("keeps fractions as toLocaleString would", () => {
    expect(formatCount(2.5)).toBe((2.5).toLocaleString("en"));
    expect(formatCount(1234.5)).toBe("1,234.5");
  });
});
