// Allowed client addresses of private keys: single IPv4/IPv6 addresses and CIDR ranges, parsed
// with ipaddr.js. An IPv4 address mapped into IPv6 (::ffff:203.0.113.7) matches as IPv4.
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type ParsedIpEntry = { ok: true; value: string; range: Range } | { ok: false; error: string };

/** Reads one entry as typed: `203.0.113.7`, `198.51.100.0/24`, `2001:db8::/32`. */
export function parseIpEntry(input: string): ParsedIpEntry {
  const text = input.trim();
  const refused: ParsedIpEntry = { ok: false, error: `"${text}" is not an IP address or CIDR range, such as 203.0.113.7 or 198.51.100.0/24.` };
  // Only the usual spellings: ipaddr.js would also read "1.2.3" as 1.2.0.3.
  if (!isStrictAddress(text.split("/")[0]!)) return refused;
  try {
    if (text.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(text);
      const network = ipaddr.fromByteArray(
        address.toByteArray().map((byte, index) => {
          const kept = Math.max(0, Math.min(8, bits - index * 8));
          return byte & (0xff << (8 - kept));
        }),
      );
      return { ok: true, value: `${network.toString()}/${bits}`, range: [network, bits] };
    }
    const address = ipaddr.process(text);
    const bits = address.kind() === "ipv4" ? 32 : 128;
    return { ok: true, value: address.toString(), range: [address, bits] };
  } catch {
    return refused;
  }
}

function isStrictAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(":") && ipaddr.IPv6.isValid(text));
}

export function compileIpAllowlist(values: string[]): Range[] {
  return values.flatMap((value) => {
    const parsed = parseIpEntry(value);
    return parsed.ok ? [parsed.range] : [];
  });
}

/** Whether `ip` (the client address server.ts decided on) is inside one of `ranges`. */
export function ipAllowed(ip: string | null | undefined, ranges: Range[]): boolean {
  if (!ip || !ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  return ranges.some(([network, bits]) => address.kind() === network.kind() && address.match([network, bits] as never));
}

/** Whether every address of `entry` (an address or CIDR range) lies inside one of `ranges`. */
export function rangeWithin(entry: string, ranges: Range[]): boolean {
  const parsed = parseIpEntry(entry);
  if (!parsed.ok) return false;
  const [network, bits] = parsed.range;
  return ranges.some(([outer, outerBits]) => network.kind() === outer.kind() && bits >= outerBits && network.match([outer, outerBits] as never));
}
