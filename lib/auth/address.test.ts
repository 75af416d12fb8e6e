import { describe, expect, it } from "vitest";
import { throttleKey } from "./address";

describe("throttleKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::ffff", "2001:db8:1:2::/64"],
    ["2001:DB8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["::1", "0:0:0:0::/64"],
    ["unknown", "unknown"],
    [null, null],
  ])("%s counts as %s", (ip, key) => {
    expect(throttleKey(ip)).toBe(key);
  });

  it("puts every address of one /64 under one key, and the next /64 under another", () => {
    expect(throttleKey("2001:db8:0:1::1")).toBe(throttleKey("2001:db8:0:1:ffff:ffff:ffff:ffff"));
    expect(throttleKey("2001:db8:0:1::1")).not.toBe(throttleKey("2001:db8:0:2::1"));
  });
});
