// TOTP as RFC 6238 defines it (its SHA-1 test vector), one step of drift either side, and the
// recovery codes' format: what a person's authenticator app and paper copy must agree on.
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { normalizeTotpCode, totpStep, totpUri } from "./totp";

// RFC 6238 appendix B: the ASCII secret "12345678901234567890", base32-encoded.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("accepts RFC 6238's code at T=59s (94287082, last six digits) as time step 1", () => {
    expect(totpStep(RFC_SECRET, "287082", 59_000)).toBe(1);
  });

  it("accepts the code one step either side of now, and refuses two steps away and wrong codes", () => {
    // At T=1111111109 s the RFC's code is 07081804: step 37037036.
    const now = 1_111_111_109_000;
    expect(totpStep(RFC_SECRET, "081804", now)).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, "081804", now + 30_000)).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, "081804", now - 30_000)).toBe(37_037_036);
    expect(totpStep(RFC_SECRET, "081804", now + 60_000)).toBeNull();
    expect(totpStep(RFC_SECRET, "081805", now)).toBeNull();
    expect(totpStep(RFC_SECRET, "", now)).toBeNull();
  });

  it("reads codes typed with spaces or a dash", () => {
    expect(normalizeTotpCode(" 287 082 ")).toBe("287082");
    expect(normalizeTotpCode("287-082")).toBe("287082");
  });

  it("puts the issuer, the account and the secret in the otpauth:// URI", () => {
    const uri = new URL(totpUri(RFC_SECRET, "ana@acme.io"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Switchboard");
    expect(decodeURIComponent(uri.pathname)).toContain("ana@acme.io");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of four groups of four unambiguous characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
  });

  it("hash the same however they are typed, and differently from each other", () => {
    const [a, b] = newRecoveryCodes();
    expect(hashRecoveryCode(a!.toUpperCase().replaceAll("-", " "))).toBe(hashRecoveryCode(a!));
    expect(normalizeRecoveryCode(` ${a!.toUpperCase()} `)).toBe(a!.replaceAll("-", ""));
    expect(hashRecoveryCode(a!)).not.toBe(hashRecoveryCode(b!));
    expect(hashRecoveryCode(a!)).toMatch(/^[0-9a-f]{64}$/);
  });
});
