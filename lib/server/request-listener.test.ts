// The request listener over real sockets, with stand-in handlers that echo what reached them.
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientError, createRequestListener } from "./request-listener";
import { captureLogs } from "@/lib/log";

let server: Server;
let port: number;
let proxiedPort: number;
let failNext: Error | null = null;
const servers: Server[] = [];

beforeAll(async () => {
  const echo = (which: string) => (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    if (failNext) {
      const error = failNext;
      failNext = null;
      throw error;
    }
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ which, url: req.url, method: req.method, host: req.headers.host, forwardedHost: req.headers["x-forwarded-host"] }));
  };
  const start = async (trustedProxies: number) => {
    const instance = createServer(
      createRequestListener({
        handleApi: echo("api"),
        handleNext: async (req, res) => echo("next")(req, res),
        trustedProxies,
        pageHeaders: () => ({ "X-Page": "1" }),
        apiHeaders: { "X-Api": "1" },
        strictTransportSecurity: "max-age=1",
      }),
    );
    instance.on("clientError", answerClientError);
    await new Promise<void>((resolve) => instance.listen(0, "127.0.0.1", resolve));
    servers.push(instance);
    return instance;
  };
  server = await start(0);
  port = (server.address() as AddressInfo).port;
  proxiedPort = ((await start(1)).address() as AddressInfo).port;
});

afterAll(() => Promise.all(servers.map((instance) => new Promise<void>((resolve) => instance.close(() => resolve())))));

/** Sends `head` as written (no client-side URL parsing) and returns status, headers and body. */
function raw(head: string, to = port): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(to, "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => {
      const [headers = "", ...rest] = data.split("\r\n\r\n");
      resolve({ status: Number(headers.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.on("error", reject);
    socket.write(head);
  });
}

const request = (target: string, extra = "", method = "GET") =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n${extra}\r\n`);

describe("request targets", () => {
  it.each([
    ["*", "OPTIONS"],
    ["*", "GET"],
    ["/%zz", "GET"],
    ["/%00", "GET"],
  ])("answers %s (%s) with a 400 envelope and one short log line", async (target, method) => {
    const logs = captureLogs();
    const response = await request(target, "", method);
    logs.restore();
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "invalid_request", message: "Malformed request target." } });
    expect(response.headers).toMatch(/^x-request-id: req_[\w-]+/im);
    expect(logs.lines).toHaveLength(1);
    expect(logs.entries()[0]).toMatchObject({ level: "warn", status: 400 });
    expect(logs.lines[0]!.trimEnd()).not.toContain("\n");
  });

  it.each([
    ["http://evil.example/api/v1/me", "api", "/api/v1/me"],
    ["//api/v1/me", "api", "/api/v1/me"],
    ["/api//v1/me", "api", "/api/v1/me"],
    ["/settings/..//evil.example/x", "next", "/evil.example/x"],
    ["http://evil.example/sign-in/", "next", "/sign-in"],
  ])("routes %s to %s as %s, never with the request's host", async (target, which, url) => {
    const response = await request(target);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ which, url, method: "GET" });
    expect(response.headers).not.toMatch(/evil/);
  });

  it("gives API responses the API's headers and pages the page headers", async () => {
    expect((await request("/api/v1/me")).headers).toMatch(/x-api: 1/i);
    expect((await request("/api/v1/me")).headers).not.toMatch(/x-page/i);
    expect((await request("/sign-in")).headers).toMatch(/x-page: 1/i);
  });

  it("answers a request line Node cannot parse with the envelope", async () => {
    const response = await raw("GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "invalid_request" } });
  });

  it("answers HEAD that Node cannot parse without content, which a client would take for the next answer", async () => {
    const response = await raw("HEAD /a b c HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(response.status).toBe(400);
    expect(response.headers).toMatch(/^x-request-id: req_[\w-]+/im);
    expect(response.body).toBe("");
  });
});

describe("cross-site writes to the dashboard", () => {
  it.each<[string, number, string]>([
    ["same Origin", 200, "Origin: http://localhost:PORT\r\n"],
    ["a foreign Origin", 403, "Origin: http://evil.example\r\n"],
    ["Origin: null", 403, "Origin: null\r\n"],
    ["no Origin, Sec-Fetch-Site: same-origin", 200, "Sec-Fetch-Site: same-origin\r\n"],
    ["no Origin, Sec-Fetch-Site: cross-site", 403, "Sec-Fetch-Site: cross-site\r\n"],
    ["no Origin at all", 403, ""],
  ])("a POST with %s → %i", async (_name, status, headers) => {
    const quiet = captureLogs();
    const extra = `${headers.replace("PORT", String(port))}Content-Length: 0\r\n`;
    const response = await request("/settings/api-keys", extra, "POST");
    expect(response.status).toBe(status);
    if (status === 403) expect(JSON.parse(response.body)).toMatchObject({ error: { code: "forbidden" } });
    quiet.restore();
  });

  it("compares hosts without case and hands Next the host it checked, lower-cased", async () => {
    const response = await raw(
      `POST /settings HTTP/1.1\r\nHost: LOCALHOST:${port}\r\nOrigin: http://localhost:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ host: `localhost:${port}` });
  });

  it("behind a trusted proxy, checks the host it forwarded and leaves Next only that one", async () => {
    const send = (origin: string) =>
      raw(
        `POST /settings HTTP/1.1\r\nHost: internal:8080\r\nX-Forwarded-Host: spoofed.example, App.Example.com\r\n` +
          `Origin: ${origin}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        proxiedPort,
      );
    const quiet = captureLogs();
    const allowed = await send("https://app.example.com");
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.body)).toMatchObject({ forwardedHost: "app.example.com" });
    expect((await send("https://spoofed.example")).status).toBe(403);
    quiet.restore();
  });

  it("leaves the API to its own authentication (no Origin needed)", async () => {
    expect((await request("/api/v1/me", "", "POST")).status).toBe(200);
  });
});

describe("unexpected errors", () => {
  it("answer 500 with a request id and print one stack per distinct error", async () => {
    const logs = captureLogs();
    const boom = new Error("boom");
    for (let i = 0; i < 3; i++) {
      failNext = boom;
      const response = await request("/sign-in");
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: "internal_error", requestId: expect.stringMatching(/^req_/) } });
      expect(response.body).not.toContain("boom");
    }
    logs.restore();
    const printed = logs.entries();
    expect(printed.filter((entry) => entry.sameStackAs)).toHaveLength(2);
    expect(printed[0]).toMatchObject({ level: "error", requestId: expect.stringMatching(/^req_[\w-]+$/), msg: "unexpected error", stack: expect.stringMatching(/^\s+at /) });
  });
});
