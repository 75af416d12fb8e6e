// Who the client is, decided once per request by server.ts and passed on in a header of ours
// (sign-in throttling in Next reads it). A client-sent value of that header is overwritten.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export const CLIENT_IP_HEADER = "x-switchboard-client-ip";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * Without trusted proxies, client-sent forwarding headers are dropped (Auth.js would otherwise
 * believe X-Forwarded-Host/Proto) and the client is the socket's peer. Behind N trusted proxies,
 * the client is the N-th X-Forwarded-For entry from the right: each proxy appends the address
 * it saw, and entries further left were written by the client and prove nothing.
 */
export function setClientIp(req: Pick<IncomingMessage, "headers" | "socket">, trustedProxies: number) {
  let ip = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies > 0) {
    const chain = String(req.headers["x-forwarded-for"] ?? "").split(",");
    const forwarded = withoutPort(chain[chain.length - trustedProxies]?.trim() ?? "");
    if (isIP(forwarded)) ip = forwarded;
  } else {
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
  }
  req.headers[CLIENT_IP_HEADER] = ip;
}

// Some proxies write "203.0.113.7:51234" or "[2001:db8::1]:443".
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4WithPort ? v4WithPort[1]! : address;
}
