// The server's one logger (pino): JSON lines on stdout, one object per event, for whatever
// collects them. Callers log codes, messages and request ids, never bodies, headers or keys.
//
// As a second line of defence, every line is scanned before it is written: anything shaped like
// an API key (either prefix and 36 base62 characters, even inside a longer word) is replaced by
// its masked form, swb_sk_AbCd••••••••wXyZ, so a key that reaches a log line by mistake (a
// message quoting a header, say) is never written whole. The scan costs a regular expression per
// line written, and the request path writes no line for a request that succeeds.
import pino, { type Logger } from "pino";
import { displayParts, KEY_SHAPED_SOURCE } from "@/lib/keys/format";
import { maskKey } from "@/lib/keys/mask";

// Not KEY_PATTERN_SOURCE: that one wants word boundaries (no false positives for scanners);
// here a key glued to other text must be caught too, and a false positive costs nothing.
const KEY_SHAPED = new RegExp(KEY_SHAPED_SOURCE, "g");

/** `text` with every key-shaped run replaced by its masked form. */
export function maskKeysIn(text: string): string {
  return text.includes("swb_") ? text.replace(KEY_SHAPED, (key) => maskKey(displayParts(key))) : text;
}

type Sink = (line: string) => void;
const toStdout: Sink = (line) => void process.stdout.write(line);

// One logger per process, shared by server.ts's module graph and Next's bundle (globalThis),
// writing through a sink that tests can swap (captureLogs).
const globalForLog = globalThis as unknown as { switchboardLog?: { logger: Logger; sink: Sink } };

function state() {
  if (!globalForLog.switchboardLog) {
    const holder = { sink: toStdout } as { logger: Logger; sink: Sink };
    holder.logger = pino(
      {
        base: { pid: process.pid },
        // Level names rather than numbers: readable by people and by every collector.
        formatters: { level: (label) => ({ level: label }) },
        hooks: { streamWrite: maskKeysIn },
      },
      { write: (line: string) => holder.sink(line) },
    );
    globalForLog.switchboardLog = holder;
  }
  return globalForLog.switchboardLog;
}

/** The logger; `log.child({ scope })` for a part of the server. */
export const log: Logger = state().logger;

/**
 * For tests: every line written from now on is kept (parsed) instead of printed, until `restore`.
 * `text()` is what would have been printed.
 */
export function captureLogs() {
  const current = state();
  const previous = current.sink;
  const lines: string[] = [];
  current.sink = (line) => void lines.push(line);
  return {
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { level: string; msg: string }),
    text: () => lines.join(""),
    restore: () => void (current.sink = previous),
  };
}
