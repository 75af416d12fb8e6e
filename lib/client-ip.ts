// Who the client is, decided once per request by server.ts and passed on in a header of ours
// (sign-in throttling in Next reads it). A client-sent value of that header is overwritten.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export const CLIENT_IP_HEADER = "x-switchboard-client-ip";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * Without TRUST_PROXY, client-sent forwarding headers are dropped (Auth.js would otherwise
 * believe X-Forwarded-Host/Proto) and the client is the socket's peer. With it, the client is
 * the address our proxy appended last to X-Forwarded-For: entries to its left were written by
 * the client and prove nothing.
 */
export function setClientIp(req: Pick<IncomingMessage, "headers" | "socket">, trustProxy: boolean) {
  let ip = req.socket.remoteAddress ?? "unknown";
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1)?.trim();
    if (forwarded && isIP(forwarded)) ip = forwarded;
  } else {
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
  }
  req.headers[CLIENT_IP_HEADER] = ip;
}
