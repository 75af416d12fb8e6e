import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checksum, displayParts, generateKey, KEY_LENGTH, KEY_PATTERN_SOURCE, parseKey, SECRET_SCANNING_PATTERN_SOURCE } from "./format";
import { hashKey } from "./hash";
import { maskKey } from "./mask";

const validPrivate = generateKey("private");
const body = validPrivate.slice(0, -6);
const lastRandom = body.at(-1)!;

describe("generateKey", () => {
  it("produces swb_sk_ / swb_pk_ + 30 base62 + a 6-character checksum", () => {
    for (const [type, prefix] of [["private", "swb_sk_"], ["public", "swb_pk_"]] as const) {
      const key = generateKey(type);
      expect(key).toMatch(new RegExp(`^${prefix}[0-9A-Za-z]{36}$`));
      expect(key).toHaveLength(KEY_LENGTH);
      expect(key.slice(-6)).toBe(checksum(key.slice(0, -6)));
      expect(parseKey(key)).toEqual({ ok: true, type });
    }
  });

  it("never repeats and uses the whole base62 alphabet evenly enough", () => {
    const keys = Array.from({ length: 2000 }, () => generateKey("private"));
    expect(new Set(keys).size).toBe(keys.length);
    const counts = new Map<string, number>();
    for (const key of keys) for (const c of key.slice(7, 37)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 60,000 characters over 62 symbols: ~968 each; a modulo bias or a missing range would show.
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
  });
});

describe("checksum", () => {
  it("is 6 base62 characters, left-padded, and stable", () => {
    expect(checksum("swb_sk_")).toMatch(/^[0-9A-Za-z]{6}$/);
    expect(checksum("abc")).toBe(checksum("abc"));
    expect(checksum("abc")).not.toBe(checksum("abd"));
    // crc32("") is 0: padding must keep the length.
    expect(checksum("")).toBe("000000");
  });
});

describe("parseKey rejects malformed keys without a database", () => {
  const swapped = lastRandom === "a" ? "b" : "a";
  const cases: [string, string, string][] = [
    ["empty", "", "bad_prefix"],
    ["unknown prefix", "sk_live_" + validPrivate.slice(7), "bad_prefix"],
    ["upper-case prefix", validPrivate.replace("swb_sk_", "SWB_SK_"), "bad_prefix"],
    ["other product's key", "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789", "bad_prefix"],
    ["truncated by one", validPrivate.slice(0, -1), "bad_length"],
    ["one extra character", validPrivate + "x", "bad_length"],
    ["prefix only", "swb_sk_", "bad_length"],
    ["symbol inside", validPrivate.slice(0, 10) + "-" + validPrivate.slice(11), "bad_characters"],
    ["non-ASCII inside", validPrivate.slice(0, 10) + "é" + validPrivate.slice(11), "bad_characters"],
    ["one character changed", body.slice(0, -1) + swapped + validPrivate.slice(-6), "checksum_mismatch"],
    ["checksum changed", body + "000000", "checksum_mismatch"],
    ["type prefix switched", validPrivate.replace("swb_sk_", "swb_pk_"), "checksum_mismatch"],
  ];
  it.each(cases)("%s", (_name, candidate, reason) => {
    expect(parseKey(candidate)).toEqual({ ok: false, reason });
  });
});

describe("display and hashing", () => {
  it("keeps the prefix + 4 characters and the last 4, and masks the rest", () => {
    const parts = displayParts(validPrivate);
    expect(parts.start).toBe(validPrivate.slice(0, 11));
    expect(parts.end).toBe(validPrivate.slice(-4));
    expect(maskKey(parts)).toBe(`${parts.start}••••••••${parts.end}`);
    expect(maskKey(parts)).not.toContain(validPrivate.slice(11, -4));
  });

  it("hashes with SHA-256 (hex), deterministically", () => {
    expect(hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashKey(validPrivate)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(validPrivate)).not.toBe(hashKey(generateKey("private")));
  });
});

describe("KEY_PATTERN_SOURCE, published for secret scanners", () => {
  const find = (text: string) => text.match(new RegExp(KEY_PATTERN_SOURCE, "g")) ?? [];

  it("finds every generated key in the places keys leak to", () => {
    for (let i = 0; i < 200; i++) {
      const key = generateKey(i % 2 ? "private" : "public");
      expect(find(`SWITCHBOARD_API_KEY=${key}\n`)).toEqual([key]);
      expect(find(`{"apiKey":"${key}"}`)).toEqual([key]);
      expect(find(`curl -H "Authorization: Bearer ${key}" https://example.com`)).toEqual([key]);
    }
  });

  it("skips what is not a whole key", () => {
    const key = generateKey("private");
    expect(find(key.slice(0, -1))).toEqual([]);
    expect(find(`${key}x`)).toEqual([]);
    expect(find(`swb_xk_${key.slice(7)}`)).toEqual([]);
  });
});

describe("SECRET_SCANNING_PATTERN_SOURCE, published for secret scanners", () => {
  const find = (text: string) => text.match(new RegExp(SECRET_SCANNING_PATTERN_SOURCE, "g")) ?? [];

  it("finds private keys and leaves public keys alone, since those are made to sit in web pages", () => {
    for (let i = 0; i < 100; i++) {
      const key = generateKey("private");
      expect(find(`SWITCHBOARD_API_KEY=${key}\n`)).toEqual([key]);
      expect(find(`<script>init("${generateKey("public")}")</script>`)).toEqual([]);
    }
  });
});

// ---- Property tests (issue 20): parseKey is the first check every API request meets ----

// A fixed seed, so a run is repeatable; fast-check prints it with any counterexample.
const KEY_SEED = 2020;
const PREFIXES = ["swb_sk_", "swb_pk_"] as const;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const base62 = (length: number) => fc.string({ unit: fc.constantFrom(...BASE62), minLength: length, maxLength: length });
const WELL_FORMED = /^swb_(sk|pk)_[0-9A-Za-z]{36}$/;

/** Strings near a key: the right prefix and length with any characters, or a real key cut, padded or doubled. */
const nearKey = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.tuple(fc.constantFrom(...PREFIXES, "swb_", "SWB_SK_", "swb_sk", ""), fc.string({ unit: "binary", maxLength: 45 })).map(([prefix, rest]) => prefix + rest),
  fc.tuple(fc.constantFrom(...PREFIXES), base62(36)).map(([prefix, rest]) => prefix + rest),
  fc.tuple(fc.constantFrom("private", "public") as fc.Arbitrary<"private" | "public">, fc.integer({ min: -3, max: 3 }), fc.constantFrom("", " ", "\t", "\u0000", "é", "😀")).map(([type, cut, pad]) => {
    const key = generateKey(type);
    return (cut < 0 ? key.slice(0, cut) : key + "x".repeat(cut)) + pad;
  }),
);

describe("parseKey (property: 20,000 generated strings)", () => {
  it("never throws, and accepts exactly a prefix, 36 base62 characters and a matching checksum", () => {
    fc.assert(
      fc.property(nearKey, (candidate) => {
        const parsed = parseKey(candidate);
        const valid = WELL_FORMED.test(candidate) && checksum(candidate.slice(0, -6)) === candidate.slice(-6);
        expect(parsed.ok).toBe(valid);
        if (parsed.ok) expect(parsed.type).toBe(candidate.startsWith("swb_sk_") ? "private" : "public");
        // The published pattern finds a candidate exactly when its shape is right.
        expect(new RegExp(`^${KEY_PATTERN_SOURCE}$`).test(candidate)).toBe(WELL_FORMED.test(candidate));
      }),
      { numRuns: 10_000, seed: KEY_SEED },
    );
  });

  it("refuses every key with one character changed or two neighbours swapped (CRC32 catches both)", () => {
    fc.assert(
      fc.property(fc.constantFrom("private", "public") as fc.Arbitrary<"private" | "public">, fc.integer({ min: 7, max: KEY_LENGTH - 1 }), fc.constantFrom(...BASE62), fc.boolean(), (type, at, replacement, swap) => {
        const key = generateKey(type);
        const changed = swap && at < KEY_LENGTH - 1 ? key.slice(0, at) + key[at + 1] + key[at] + key.slice(at + 2) : key.slice(0, at) + replacement + key.slice(at + 1);
        fc.pre(changed !== key);
        expect(parseKey(changed)).toEqual({ ok: false, reason: "checksum_mismatch" });
      }),
      { numRuns: 10_000, seed: KEY_SEED },
    );
  });
});
