// "Test key" and "Send test request": GET /api/v1/me sent by this server to itself over HTTP, as
// any outside client would send it, so that a private key never travels from a browser with an
// Origin (which the API refuses). The answer is returned as the client saw it; the key is never
// logged or kept.
import "server-only";
import { getEnv } from "@/lib/env";

/** Headers of the answer worth showing: what identifies it, and what limits the key. */
const SHOWN_HEADERS = ["content-type", "x-request-id", "ratelimit-policy", "ratelimit", "retry-after", "www-authenticate"] as const;

export type TestAnswer = {
  status: number;
  statusText: string;
  headers: { name: string; value: string }[];
  /** The JSON body, or the text when it is not JSON. */
  body: unknown;
  ms: number;
};

/** This server's own address: its port on the loopback interface, or on the one it listens on. */
function selfOrigin(): string {
  const { HOST, PORT } = getEnv();
  const host = HOST === "0.0.0.0" || HOST === "::" ? "127.0.0.1" : HOST.includes(":") ? `[${HOST}]` : HOST;
  return `http://${host}:${PORT}`;
}

export async function sendTestRequest(key: string): Promise<TestAnswer> {
  const started = performance.now();
  const response = await fetch(`${selfOrigin()}/api/v1/me`, {
    headers: { "X-API-Key": key, "User-Agent": "Switchboard dashboard (Test key)", Accept: "application/json" },
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: shown as text.
  }
  return {
    status: response.status,
    statusText: response.statusText,
    headers: SHOWN_HEADERS.flatMap((name) => (response.headers.has(name) ? [{ name, value: response.headers.get(name)! }] : [])),
    body,
    ms: Math.round(performance.now() - started),
  };
}
