// The server-action body check over a real socket: refused bodies never reach the handler, and
// accepted ones reach it byte for byte, as if nobody had read them first.
import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT } from "./action-body";
import { createRequestListener } from "./request-listener";
import { captureLogs } from "@/lib/log";

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(
    createRequestListener({
      handleApi: () => {},
      // Reads the whole body the way Next does (data events) and answers with its digest.
      handleNext: async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks);
        res.end(JSON.stringify({ length: body.length, sha256: createHash("sha256").update(body).digest("hex") }));
      },
      trustedProxies: 0,
      pageHeaders: () => ({}),
      apiHeaders: {},
      strictTransportSecurity: "",
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(body: string | Buffer, options: { chunked?: boolean; contentType?: string; action?: boolean; path?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: options.path ?? "/settings/api-keys",
        headers: {
          Origin: `http://127.0.0.1:${port}`,
          ...(options.action === false ? {} : { "Next-Action": "a".repeat(42) }),
          "Content-Type": options.contentType ?? "text/plain;charset=UTF-8",
          ...(options.chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        let data = "";
        res.on("data", (chunk) => (data += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body: data }));
      },
    );
    req.on("error", reject);
    if (options.chunked && typeof body === "string") {
      // Several chunks, written apart, as a slow client would.
      for (let i = 0; i < body.length; i += 3) req.write(body.slice(i, i + 3));
    } else req.write(body);
    req.end();
  });
}

const digest = (body: string | Buffer) => createHash("sha256").update(body).digest("hex");

describe("server action bodies", () => {
  it.each([
    "[]",
    '[null,{"keyId":"x","enabled":false}]',
    `["$K1",${JSON.stringify("é".repeat(1000))}]`,
    '[{"ok":true,"data":{"createdAt":"$D2026-11-23T10:00:00.000Z","lastUsedAt":"$undefined","n":"$n12","price":"$$5"}},"$K1"]',
  ])(
    "passes the JSON array %s through unchanged",
    async (body) => {
      const response = await post(body);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ length: Buffer.byteLength(body), sha256: digest(body) });
    },
  );

  it("passes a large body (several socket reads) through byte for byte", async () => {
    const body = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => `item-${i}`));
    expect(body.length).toBeGreaterThan(64 * 1024);
    const response = await post(body);
    expect(JSON.parse(response.body)).toEqual({ length: Buffer.byteLength(body), sha256: digest(body) });
  });

  it.each([
    "null",
    '"x"',
    "5",
    "{}",
    "not json",
    "[1,",
    "\u0000",
    // References to other parts of a body that has none, and kinds our actions never take.
    '[null,"$@1"]',
    '[null,"$Q1"]',
    '[null,"$1"]',
    '[null,{"deep":["$F1"]}]',
    '[null,"$h1"]',
    '[null,"$T"]',
    "[".repeat(100_000) + "]".repeat(100_000),
  ])("refuses %j with a 400 envelope", async (body) => {
    const quiet = captureLogs();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "invalid_request", message: "Malformed server action request." } });
    quiet.restore();
  });

  it("refuses a body without Content-Length (411) and one over the limit (413)", async () => {
    const quiet = captureLogs();
    expect((await post("[1,2,3]", { chunked: true })).status).toBe(411);
    expect((await post(Buffer.alloc(ACTION_BODY_LIMIT + 1, 32))).status).toBe(413);
    quiet.restore();
  });

  const multipart = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([name, value]) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + "--b--\r\n";
  const MULTIPART = "multipart/form-data; boundary=b";

  it("passes a well-formed multipart action (arguments in field 0) through unchanged", async () => {
    const body = multipart({ _1_name: "production", "0": '[null,"$K1"]' });
    const response = await post(body, { contentType: MULTIPART });
    expect(JSON.parse(response.body)).toEqual({ length: Buffer.byteLength(body), sha256: digest(body) });
  });

  it.each([
    ["garbage", "garbage"],
    ["no parts", "--b--\r\n"],
    ["a cut-off form", '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null]'],
    ["field 0 null", multipart({ "0": "null" })],
    ["field 0 not JSON", multipart({ "0": "not json" })],
    ["no field 0", multipart({ _1_name: "x" })],
  ])("refuses a multipart action with %s", async (_name, body) => {
    const quiet = captureLogs();
    expect((await post(body, { contentType: MULTIPART })).status).toBe(400);
    quiet.restore();
  });

  it.each<[string, Record<string, string> | string, number]>([
    ["an action id only", { $ACTION_ID_abc: "", name: "x" }, 200],
    ["a described action without bound arguments", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":null}' }, 200],
    ["bound arguments", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":"$@1"}', "$ACTION_1:1": "[null]" }, 200],
    ["no action fields at all (a plain form)", { name: "x" }, 200],
    ["a cut-off action description", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":[' }, 400],
    ["a description that is not an object", { $ACTION_REF_1: "", "$ACTION_1:0": "[]" }, 400],
    ["missing bound arguments", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":"$@1"}' }, 400],
    ["bound arguments with a reference", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"abc","bound":"$@1"}', "$ACTION_1:1": '["$@2"]' }, 400],
    ["garbage", "garbage", 400],
  ])("checks a form posted without JavaScript (no Next-Action): %s → %i", async (_name, fields, status) => {
    const quiet = captureLogs();
    const body = typeof fields === "string" ? fields : multipart(fields);
    expect((await post(body, { contentType: MULTIPART, action: false })).status).toBe(status);
    quiet.restore();
  });

  it("classifies content types exactly as Next does", async () => {
    const quiet = captureLogs();
    // Next reads these as a fetch action's JSON body, so they are checked as one.
    expect((await post("garbage", { contentType: "application/x-www-form-urlencoded; charset=utf-8" })).status).toBe(400);
    expect((await post("garbage", { contentType: "Multipart/Form-Data; boundary=b" })).status).toBe(400);
    // Next refuses urlencoded actions on its own, whatever the bytes.
    expect((await post("a=1&b", { contentType: "application/x-www-form-urlencoded", action: false })).status).toBe(200);
    quiet.restore();
  });

  it("leaves route handlers (/api/...) and JSON posts without Next-Action alone", async () => {
    expect((await post("garbage", { contentType: MULTIPART, path: "/api/auth/callback/credentials" })).status).toBe(200);
    expect((await post("not json", { contentType: "application/json", action: false })).status).toBe(200);
  });
});
