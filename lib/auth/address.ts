// The unit sign-in and sign-up limits count by: an IPv4 address, or an IPv6 /64. One IPv6
// subscriber usually holds a whole /64, so counting single IPv6 addresses would give a guesser
// 2^64 fresh ones; an IPv4 address mapped into IPv6 (::ffff:203.0.113.7) counts as itself.
import ipaddr from "ipaddr.js";

export function throttleKey(ip: string | null): string | null {
  if (!ip || !ipaddr.isValid(ip)) return ip;
  const parsed = ipaddr.process(ip); // unwraps IPv4-mapped IPv6
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(":")}::/64`;
}
