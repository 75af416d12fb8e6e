import { describe, expect, it } from "vitest";
import { compileOrigins, originAllowed, parseAllowedOrigin } from "./origins";

describe("parseAllowedOrigin", () => {
  it.each([
    ["https://app.example.com", "https://app.example.com"],
    ["  HTTPS://App.Example.com  ", "https://app.example.com"],
    ["http://localhost:5173", "http://localhost:5173"],
    ["https://app.example.com:443", "https://app.example.com"],
    ["https://*.example.com", "https://*.example.com"],
    ["http://[::1]:3000", "http://[::1]:3000"],
    ["https://app.example.com/", "https://app.example.com"],
  ])("accepts %j as %j", (input, value) => {
    expect(parseAllowedOrigin(input)).toMatchObject({ ok: true, value });
  });

  it.each(["example.com", "ftp://example.com", "https://app.example.com/path", "https://user@app.example.com", "https://app.example.com?x=1", "https://*", "https://*.com", "*", ""])(
    "refuses %j with a message",
    (input) => {
      const parsed = parseAllowedOrigin(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(10);
    },
  );
});

describe("originAllowed", () => {
  const allowed = compileOrigins(["https://app.example.com", "http://localhost:5173", "https://*.voice.example"]);
  it.each([
    ["https://app.example.com", true],
    ["https://app.example.com:443", true],
    ["http://app.example.com", false], // scheme
    ["https://app.example.com:8443", false], // port
    ["https://evil-app.example.com", false],
    ["https://app.example.com.evil.test", false],
    ["http://localhost:5173", true],
    ["http://localhost:5174", false],
    ["https://a.voice.example", true],
    ["https://a.b.voice.example", true],
    ["https://voice.example", false], // the wildcard is for subdomains only
    ["https://evilvoice.example", false],
    ["null", false],
    ["not a url", false],
  ])("%s → %s", (origin, expected) => {
    expect(originAllowed(origin, allowed)).toBe(expected);
  });

  it("allows nothing with no patterns", () => {
    expect(originAllowed("https://app.example.com", [])).toBe(false);
  });
});
