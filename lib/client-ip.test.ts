import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, setClientIp } from "./client-ip";

const request = (headers: IncomingMessage["headers"], remoteAddress = "10.1.2.3") =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("setClientIp", () => {
  it("uses the socket's peer and drops forwarding headers when no proxy is trusted", () => {
    const req = request({ "x-forwarded-for": "1.1.1.1", "x-forwarded-host": "evil.example", [CLIENT_IP_HEADER]: "6.6.6.6" });
    setClientIp(req, false);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("10.1.2.3");
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("behind a trusted proxy, takes the address the proxy appended last, not the client's claims", () => {
    const req = request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    setClientIp(req, true);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
  });

  it("falls back to the socket's peer when X-Forwarded-For is missing or not an address", () => {
    for (const forwarded of [undefined, "", "not-an-ip", "1.1.1.1, <script>"]) {
      const req = request(forwarded === undefined ? {} : { "x-forwarded-for": forwarded });
      setClientIp(req, true);
      expect(req.headers[CLIENT_IP_HEADER]).toBe("10.1.2.3");
    }
  });
});
