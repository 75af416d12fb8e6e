import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, setClientIp } from "./client-ip";

const request = (headers: IncomingMessage["headers"], remoteAddress = "10.1.2.3") =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("setClientIp", () => {
  it("uses the socket's peer and drops forwarding headers when no proxy is trusted", () => {
    const req = request({ "x-forwarded-for": "1.1.1.1", "x-forwarded-host": "evil.example", [CLIENT_IP_HEADER]: "6.6.6.6" });
    setClientIp(req, 0);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("10.1.2.3");
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("behind a trusted proxy, takes the address the proxy appended last, not the client's claims", () => {
    const req = request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    setClientIp(req, 1);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
  });

  it("behind a CDN and a load balancer (2 proxies), skips the CDN's own address", () => {
    const req = request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 198.51.100.20" });
    setClientIp(req, 2);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
  });

  it.each([
    ["203.0.113.7:51234", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
  ])("reads %s as %s", (forwarded, expected) => {
    const req = request({ "x-forwarded-for": forwarded });
    setClientIp(req, 1);
    expect(req.headers[CLIENT_IP_HEADER]).toBe(expected);
  });

  it("falls back to the socket's peer when X-Forwarded-For is missing or not an address", () => {
    for (const forwarded of [undefined, "", "not-an-ip", "1.1.1.1, <script>"]) {
      const req = request(forwarded === undefined ? {} : { "x-forwarded-for": forwarded });
      setClientIp(req, 1);
      expect(req.headers[CLIENT_IP_HEADER]).toBe("10.1.2.3");
    }
  });
});
