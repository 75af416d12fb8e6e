// Where a leaked key was found, as it is kept and shown: anyone may write it, so it is cleaned.
import { describe, expect, it } from "vitest";
import { generateKey } from "@/lib/keys/format";
import { cleanWhere } from "./leaked-keys";

describe("cleanWhere", () => {
  it("keeps a URL as it is", () => {
    expect(cleanWhere("https://github.com/o/r/blob/1/a.js#L3")).toBe("https://github.com/o/r/blob/1/a.js#L3");
  });

  it("redacts keys and pieces of keys, drops control characters and bounds the length", () => {
    const key = generateKey("private");
    expect(cleanWhere(`pasted ${key} and ${generateKey("public").slice(0, 12)}`)).toBe("pasted swb_sk_[redacted] and swb_pk_[redacted]");
    expect(cleanWhere("line one\nline\u0000two\u007f")).toBe("line one line two");
    expect(cleanWhere("x".repeat(5000))).toHaveLength(2048);
  });

  it("is null for nothing at all", () => {
    expect(cleanWhere(undefined)).toBeNull();
    expect(cleanWhere("  \n ")).toBeNull();
  });
});
