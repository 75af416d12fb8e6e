import { describe, expect, it } from "vitest";
import { deviceTokenFrom, isKnownDevice, issueDeviceToken, KNOWN_DEVICE_COOKIE } from "./known-device";

const SECRET = "a-test-secret-of-at-least-32-characters";

describe("known-device tokens", () => {
  it("recognise the email they were issued for, in any case, and nothing else", () => {
    const token = issueDeviceToken("ada@example.com", SECRET);
    expect(isKnownDevice(token, "ada@example.com", SECRET)).toBe(true);
    expect(isKnownDevice(token, "ADA@example.com", SECRET)).toBe(true);
    expect(isKnownDevice(token, "eve@example.com", SECRET)).toBe(false);
    expect(isKnownDevice(token, "ada@example.com", `${SECRET}-rotated`)).toBe(false);
  });

  it.each([undefined, "", "x", "x.y", "a.b.c", `${"x".repeat(22)}.${"y".repeat(43)}`])("refuse the forged token %j", (token) => {
    expect(isKnownDevice(token, "ada@example.com", SECRET)).toBe(false);
  });

  it("are read from a Cookie header among others", () => {
    expect(deviceTokenFrom(`a=1; ${KNOWN_DEVICE_COOKIE}=abc.def; b=2`)).toBe("abc.def");
    expect(deviceTokenFrom("a=1")).toBeUndefined();
    expect(deviceTokenFrom(null)).toBeUndefined();
  });
});
