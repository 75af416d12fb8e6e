import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractKey } from "./extract";

const KEY = "swb_sk_abc";
const headers = (h: Record<string, string>) => (name: string) => new Headers(h).get(name);

describe("extractKey", () => {
  it.each([
    ["X-API-Key", { "X-API-Key": KEY }],
    ["x-api-key in any case", { "x-ApI-kEy": KEY }],
    ["Authorization: Bearer", { Authorization: `Bearer ${KEY}` }],
    ["bearer in lower case, extra spaces", { authorization: `bearer   ${KEY}` }],
    ["both headers with the same key", { "X-API-Key": KEY, Authorization: `Bearer ${KEY}` }],
    ["X-API-Key next to an empty Bearer", { "X-API-Key": KEY, Authorization: "Bearer " }],
    ["Bearer next to an empty X-API-Key", { "X-API-Key": "", Authorization: `Bearer ${KEY}` }],
  ])("finds the key in %s", (_name, h) => {
    expect(extractKey(headers(h))).toEqual({ ok: true, key: KEY });
  });

  it.each([
    ["no header", {}, "missing"],
    ["empty X-API-Key", { "X-API-Key": "" }, "missing"],
    ["Bearer without a key", { Authorization: "Bearer " }, "missing"],
    ["a bare key in Authorization", { Authorization: KEY }, "bearer_missing"],
    ["a bare key in Authorization next to an empty X-API-Key", { "X-API-Key": "", Authorization: KEY }, "bearer_missing"],
    ["Basic authorization", { Authorization: "Basic dXNlcjpwYXNz" }, "unsupported_scheme"],
    ["whitespace inside the key", { "X-API-Key": "swb_sk_ab c" }, "whitespace"],
    ["a quoted key", { "X-API-Key": `"${KEY}"` }, "quoted"],
    ["an angle-bracketed key", { Authorization: `Bearer <${KEY}>` }, "quoted"],
    ["two different keys", { "X-API-Key": KEY, Authorization: "Bearer swb_sk_other" }, "conflict"],
  ])("reports %s", (_name, h, problem) => {
    expect(extractKey(headers(h))).toEqual({ ok: false, problem });
  });

  it("reports whitespace around a key when a client sends it untrimmed", () => {
    expect(extractKey((name) => (name === "x-api-key" ? ` ${KEY}\t` : null))).toEqual({ ok: false, problem: "whitespace" });
  });
});

// ---- Property test (issue 20): header extraction on 10,000 generated header pairs ----

// Header values as they reach us: Node refuses NUL, CR and LF in a value but passes any other
// byte, and trims the value's ends (the getter below does not, to cover a client's own trimming).
const headerChar = fc.oneof(
  fc.constantFrom(" ", "\t", '"', "'", "<", ">", "\u00a0", "\u00ff", "é"),
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }).filter((c) => c !== "\r" && c !== "\n" && c !== "\u0000"),
);
const token = fc.oneof(fc.constantFrom("swb_sk_abc", "swb_pk_xyz", KEY, ""), fc.string({ unit: headerChar, maxLength: 20 }));
const headerValue = fc.option(
  fc.oneof(
    token,
    fc.tuple(fc.constantFrom("Bearer", "bearer", "BEARER", "Basic", "Token", "Bearer:"), fc.constantFrom("", " ", "  ", "\t"), token).map((parts) => parts.join("")),
    fc.tuple(fc.constantFrom(" ", "\t", '"', "<"), token, fc.constantFrom(" ", "\t", '"', ">")).map((parts) => parts.join("")),
  ),
  { nil: undefined },
);

describe("extractKey (property)", () => {
  it("never throws; a key it finds is non-blank, without whitespace or quotes, and is what was sent", () => {
    fc.assert(
      fc.property(headerValue, headerValue, (apiKey, authorization) => {
        const result = extractKey((name) => (name === "x-api-key" ? apiKey : name === "authorization" ? authorization : null));
        if (!result.ok) return;
        expect(result.key).not.toMatch(/\s/);
        expect(result.key).not.toMatch(/^["'<].*["'>]$/);
        const bearer = /^Bearer[ \t]+(.*)$/i.exec(authorization ?? "")?.[1];
        expect([apiKey, bearer]).toContain(result.key);
        // Two different keys are never resolved by picking one.
        if (apiKey?.trim() && bearer?.trim()) expect(apiKey).toBe(bearer);
      }),
      { numRuns: 10_000, seed: 2020 },
    );
  });
});
