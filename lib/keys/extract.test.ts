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
