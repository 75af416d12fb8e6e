import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isApiPath, parseRequestTarget } from "./request-target";

describe("parseRequestTarget", () => {
  it.each([
    ["/api/v1/me", "/api/v1/me"],
    ["/api/v1/me?x=1&y=%2F", "/api/v1/me?x=1&y=%2F"],
    ["//api/v1/me", "/api/v1/me"],
    ["/api//v1/me", "/api/v1/me"],
    ["/api/v1//me", "/api/v1/me"],
    ["/api/%761/me", "/api/v1/me"],
    ["/api/v1/../v1/me", "/api/v1/me"],
    ["/api/v1/%2e%2e/v1/me", "/api/v1/me"],
    ["/api/v1/./me", "/api/v1/me"],
    ["/api\\v1\\me", "/api/v1/me"],
    ["http://evil.example/api/v1/me", "/api/v1/me"],
    ["HTTPS://evil.example:8443/api/v1/me?a=b", "/api/v1/me?a=b"],
    ["/settings/..//evil.example/x", "/evil.example/x"],
    ["/settings/%2e%2e//evil.example", "/evil.example"],
    ["/../../etc/passwd", "/etc/passwd"],
    ["/sign-in?next=//evil.example", "/sign-in?next=//evil.example"],
    ["/a%2fb", "/a%2Fb"],
    ["/a/.x/../../settings/api-keys", "/settings/api-keys"],
    ["/api/.x/../v1/me", "/api/v1/me"],
    ["/v1v1//.api//.", "/v1v1/.api"],
    ["/api/v1/me/", "/api/v1/me"],
    ["/sign-in/", "/sign-in"],
    ["/", "/"],
    ["/..", "/"],
    ["/.%2E/%2e/x", "/x"],
    ['/a"b<c', "/a%22b%3Cc"],
    ["/caf%C3%A9", "/caf%C3%A9"],
  ])("serves %j as %j", (raw, url) => {
    const target = parseRequestTarget(raw);
    expect(target).toMatchObject({ ok: true, url });
  });

  it.each([
    ["*", /asterisk/],
    ["", /empty/],
    ["evil.example:443", /not a path/],
    ["abc", /not a path/],
    ["/%zz", /percent-encoding/],
    ["/a%", /percent-encoding/],
    ["/%00", /control/],
    ["/a%0d%0aSet-Cookie:x", /control/],
    ["/a%7f", /control/],
    ["/a#b", /fragment/],
    ["http://[::1", /absolute-form/],
    ["/" + "a".repeat(9000), /too long/],
  ])("refuses %j", (raw, reason) => {
    const target = parseRequestTarget(raw);
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.reason).toMatch(reason);
  });

  it("never throws and always yields one path on our own origin (20,000 hostile targets)", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc
        .array(fc.constantFrom("/", "\\", "//", ".", "..", ".x", "/.", "/..", "%2e", "%2E", "%2f", "%5c", "%", "%0", "?", "#", "@", ":", "http:", "https://", "evil.example", "api", "v1", "me", "\t", "\n", "\u0000", "é"), { maxLength: 14 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const target = parseRequestTarget(raw);
        if (!target.ok) return;
        expect(target.path.startsWith("/")).toBe(true);
        expect(target.path).not.toMatch(/^\/\/|\\|\/\.\.?(\/|$)/);
        // Normalizing is idempotent: the result is already canonical.
        expect(parseRequestTarget(target.url)).toEqual(target);
        // Read as a browser or Next would read a relative URL, it stays on our origin.
        expect(new URL(target.url, "http://ours.example").origin).toBe("http://ours.example");
      }),
      { numRuns: 20_000 },
    );
  }, 60_000); // 20,000 generated targets: seconds on a busy 2-core machine
});

describe("isApiPath", () => {
  it.each([
    ["/api/v1", true],
    ["/api/v1/me", true],
    ["/api/v10", false],
    ["/api/v1me", false],
    ["/api", false],
  ])("%s → %s", (path, expected) => {
    expect(isApiPath(path)).toBe(expected);
  });
});
