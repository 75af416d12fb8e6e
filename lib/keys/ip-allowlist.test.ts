import { describe, expect, it } from "vitest";
import { compileIpAllowlist, ipAllowed, parseIpEntry } from "./ip-allowlist";

describe("parseIpEntry", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 198.51.100.0/24 ", "198.51.100.0/24"],
    ["198.51.100.77/24", "198.51.100.0/24"],
    ["2001:db8::/32", "2001:db8::/32"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
  ])("accepts %j as %j", (input, value) => {
    expect(parseIpEntry(input)).toMatchObject({ ok: true, value });
  });

  it.each(["", "localhost", "300.1.1.1", "203.0.113.0/33", "2001:db8::/129", "1.2.3.4/-1", "1.2.3"])("refuses %j", (input) => {
    expect(parseIpEntry(input).ok).toBe(false);
  });
});

describe("ipAllowed", () => {
  const ranges = compileIpAllowlist(["203.0.113.7", "198.51.100.0/24", "2001:db8:aa::/48"]);
  it.each([
    ["203.0.113.7", true],
    ["203.0.113.8", false],
    ["198.51.100.200", true],
    ["198.51.101.1", false],
    ["::ffff:198.51.100.9", true],
    ["2001:db8:aa:1::5", true],
    ["2001:db8:ab::5", false],
    ["unknown", false],
    [null, false],
  ])("%s → %s", (ip, expected) => {
    expect(ipAllowed(ip, ranges)).toBe(expected);
  });
});
