// The logger's second line of defence: a key that reaches a log line, wherever it sits in it,
// is written only in its masked form.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { displayParts, generateKey } from "@/lib/keys/format";
import { maskKey } from "@/lib/keys/mask";
import { captureLogs, log, maskKeysIn } from "./log";
import { logUnexpectedError, newRequestId } from "./server/error-log";

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

describe("key redaction", () => {
  it("writes a private and a public key in a message, a field and a nested object only masked", () => {
    const secret = generateKey("private");
    const publicKey = generateKey("public");
    log.warn({ header: `Bearer ${secret}`, nested: { keys: [publicKey] } }, `refused ${secret}`);
    const written = logs.text();
    expect(written).not.toContain(secret);
    expect(written).not.toContain(secret.slice(11, 37)); // not even the hidden middle
    expect(written).not.toContain(publicKey);
    const masked = maskKey(displayParts(secret));
    const [entry] = logs.entries();
    expect(entry!.msg).toBe(`refused ${masked}`);
    expect(entry!.header).toBe(`Bearer ${masked}`);
    expect(entry!.nested).toEqual({ keys: [maskKey(displayParts(publicKey))] });
  });

  it("masks a key glued to other text, or with a wrong checksum (shaped like a key is enough)", () => {
    const secret = generateKey("private");
    const typo = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    log.info(`x${secret}y and ${typo}`);
    expect(logs.text()).not.toContain(secret);
    expect(logs.text()).not.toContain(typo);
    expect(logs.entries()[0]!.msg).toBe(`x${maskKey(displayParts(secret))}y and ${maskKey(displayParts(typo))}`);
  });

  it("reaches the error log too: an error whose message quotes a key", () => {
    const secret = generateKey("private");
    logUnexpectedError("api GET /api/v1/me", newRequestId(), new Error(`lookup failed for ${secret}`));
    expect(logs.text()).not.toContain(secret);
    expect(logs.entries()[0]!.error).toBe(`Error: lookup failed for ${maskKey(displayParts(secret))}`);
  });

  it("leaves text without keys alone", () => {
    expect(maskKeysIn('{"msg":"swb_sk_short and swb_xx_"}')).toBe('{"msg":"swb_sk_short and swb_xx_"}');
  });
});
