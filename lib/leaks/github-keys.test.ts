// GitHub's report signatures, checked with real ECDSA P-256 keys made here (node:crypto), against
// a keys file in GitHub's published format that the test rewrites as an operator would refresh it.
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubKeyStore, KeysFileError } from "./github-keys";

const pair = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const pem = (key: ReturnType<typeof pair>["publicKey"]) => key.export({ type: "spki", format: "pem" }).toString();
const signed = (body: Buffer, key: ReturnType<typeof pair>["privateKey"]) => sign("sha256", body, key).toString("base64");

let dir: string;
let file: string;
const current = pair();
const next = pair();
const body = Buffer.from(JSON.stringify([{ token: "swb_sk_x", type: "switchboard_api_key", url: "https://github.com/o/r/blob/1/a.js", source: "content" }]));

async function writeKeys(entries: { id: string; key: string }[]) {
  await writeFile(file, JSON.stringify({ public_keys: entries.map((entry, index) => ({ key_identifier: entry.id, key: entry.key, is_current: index === 0 })) }));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "switchboard-github-keys-"));
  file = path.join(dir, "keys.json");
  await writeKeys([{ id: "current", key: pem(current.publicKey) }]);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("githubKeyStore", () => {
  it("accepts a signature of the raw body by the named key", async () => {
    expect(await githubKeyStore(file).check(body, "current", signed(body, current.privateKey))).toEqual({ ok: true });
  });

  it("refuses a body changed by one byte, another key's signature, an unknown identifier and missing headers", async () => {
    const store = githubKeyStore(file);
    const signature = signed(body, current.privateKey);
    const changed = Buffer.from(body);
    changed[changed.length - 3]! ^= 1;
    expect(await store.check(changed, "current", signature)).toEqual({ ok: false, reason: "bad_signature" });
    expect(await store.check(body, "current", signed(body, next.privateKey))).toEqual({ ok: false, reason: "bad_signature" });
    expect(await store.check(body, "current", "bm90IGEgc2lnbmF0dXJl")).toEqual({ ok: false, reason: "bad_signature" });
    expect(await store.check(body, "other", signature)).toEqual({ ok: false, reason: "unknown_key" });
    expect(await store.check(body, undefined, signature)).toEqual({ ok: false, reason: "missing_headers" });
    expect(await store.check(body, "current", undefined)).toEqual({ ok: false, reason: "missing_headers" });
  });

  it("reads the file again when it changes, so a refreshed file needs no restart", async () => {
    const store = githubKeyStore(file);
    expect(await store.check(body, "next", signed(body, next.privateKey))).toEqual({ ok: false, reason: "unknown_key" });
    await writeKeys([{ id: "next", key: pem(next.publicKey) }, { id: "current", key: pem(current.publicKey) }]);
    expect(await store.check(body, "next", signed(body, next.privateKey))).toEqual({ ok: true });
    expect(await store.check(body, "current", signed(body, current.privateKey))).toEqual({ ok: true });
  });

  it("ignores keys GitHub never signs with (not P-256), and says when the file is unreadable", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    await writeKeys([{ id: "rsa", key: rsa.publicKey.export({ type: "spki", format: "pem" }).toString() }]);
    expect(await githubKeyStore(file).check(body, "rsa", sign("sha256", body, rsa.privateKey).toString("base64"))).toEqual({ ok: false, reason: "unknown_key" });
    await expect(githubKeyStore(path.join(dir, "missing.json")).check(body, "current", "x")).rejects.toBeInstanceOf(KeysFileError);
    await writeFile(file, "{\"keys\": []}");
    await expect(githubKeyStore(file).check(body, "current", "x")).rejects.toBeInstanceOf(KeysFileError);
  });
});
