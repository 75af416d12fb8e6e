// Hostile request targets and Host headers, sent over a raw socket to the production server
// exactly as written (an HTTP client would normalize them first).
import { connect } from "node:net";
import { expect, test } from "@playwright/test";

type RawResponse = { status: number; headers: Record<string, string>; body: string };

function send(baseURL: string, requestLine: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL);
  const lines = [requestLine, ...Object.entries({ Host: `${hostname}:${port}`, Connection: "close", ...headers }).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (data += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head = "", ...rest] = data.split("\r\n\r\n");
      const [statusLine = "", ...headerLines] = head.split("\r\n");
      const parsed = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers: parsed, body: rest.join("\r\n\r\n") });
    });
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  });
}

// Chunked bodies arrive with their chunk sizes; the envelope is the JSON object inside.
const envelope = (body: string) => JSON.parse(body.slice(body.indexOf("{"), body.lastIndexOf("}") + 1));

test("OPTIONS * and GET * get a 400 envelope, not a 500", async ({ baseURL }) => {
  for (const method of ["OPTIONS", "GET"]) {
    const response = await send(baseURL!, `${method} * HTTP/1.1`);
    expect(response.status).toBe(400);
    expect(envelope(response.body)).toMatchObject({ error: { code: "invalid_request", message: "Malformed request target." } });
  }
});

test("absolute-form and doubled slashes reach the API by path, with no redirect", async ({ baseURL }) => {
  for (const target of ["http://evil.example/api/v1/me", "//api/v1/me", "/api//v1/me", "/api/v1//me"]) {
    const response = await send(baseURL!, `GET ${target} HTTP/1.1`);
    expect(response.status, target).toBe(401);
    expect(response.headers.location, target).toBeUndefined();
    expect(envelope(response.body), target).toMatchObject({ error: { code: "unauthorized", message: "Invalid or missing API key." } });
  }
});

test("no redirect carries a host taken from the request", async ({ baseURL }) => {
  const targets = ["/", "/settings", "/settings/api-keys", "/settings/account", "/sign-in/", "http://evil.example/sign-in/", "/settings/..//evil.example/x"];
  for (const target of targets) {
    for (const host of ["evil.example", "evil.example:8080"]) {
      const response = await send(baseURL!, `GET ${target} HTTP/1.1`, { Host: host });
      expect(response.status, `${target} with Host ${host}`).toBeLessThan(500);
      expect(response.headers.location ?? "", `${target} with Host ${host}`).not.toMatch(/evil/);
    }
  }
});

test("malformed targets get a 400 envelope", async ({ baseURL }) => {
  for (const target of ["/%zz", "/%00", "/a%0d%0aSet-Cookie:%20x=1", "evil.example:443"]) {
    const response = await send(baseURL!, `GET ${target} HTTP/1.1`);
    expect(response.status, target).toBe(400);
    expect(envelope(response.body).error.code, target).toBe("invalid_request");
    expect(response.headers["set-cookie"], target).toBeUndefined();
  }
});

test("a cross-site POST to the dashboard is refused with 403 before Next sees it", async ({ baseURL }) => {
  const cases: Record<string, string>[] = [{ Origin: "http://evil.example" }, {}, { "Sec-Fetch-Site": "cross-site" }];
  for (const headers of cases) {
    const response = await send(baseURL!, "POST /sign-in HTTP/1.1", { ...headers, "Content-Length": "0", "Next-Action": "0".repeat(40) });
    expect(response.status, JSON.stringify(headers)).toBe(403);
    expect(envelope(response.body)).toMatchObject({ error: { code: "forbidden" } });
  }
});
