// "Chrome 156 on macOS" from a User-Agent header, for the sessions list. Parsed with bowser
// rather than our own regular expressions: browsers' strings are a moving target.
import Bowser from "bowser";

export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return "Unknown device";
  let parsed: Bowser.Parser.ParsedResult;
  try {
    parsed = Bowser.parse(userAgent);
  } catch {
    return "Unknown device";
  }
  const major = parsed.browser.version?.split(".")[0];
  const browser = parsed.browser.name ? `${parsed.browser.name}${major ? ` ${major}` : ""}` : null;
  const os = parsed.os.name ? `${parsed.os.name}${parsed.os.versionName ? ` ${parsed.os.versionName}` : ""}` : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? truncate(userAgent, 40);
}

function truncate(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
