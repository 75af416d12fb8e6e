// Next treats every POST to a page as a possible server action and decodes its body before our
// action wrapper runs; a body of the wrong shape (`null`, `"x"`, not JSON, a cut-off multipart
// form) makes Next itself throw: a 500 with a stack trace. So server.ts reads such a body first,
// refuses one Next could not decode with a 400, and puts the bytes back on the request stream
// (Readable#unshift, made for parsers that read ahead) for Next to read as if nobody had.
//
// The shapes, as React's encodeReply writes them: a fetch action (`Next-Action` header) sends its
// arguments as one JSON array, either as the whole body or as the multipart field "0"; a form
// posted before JavaScript loaded sends a well-formed multipart or urlencoded form. Inside the
// arguments, strings starting with `$` are React's encodings. Our actions take plain values and
// FormData only, so only the inline encodings and FormData (`$K`) are accepted: a reference to
// another part of the body (promises, maps, streams, server functions...) that is missing makes
// React's decoder fail, and references of those kinds have no business in our actions' arguments.
import type { IncomingMessage } from "node:http";

/** Next's own default limit for a server action's body. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const FORM = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

/** Whether Next would decode this request's body as a server action (`path` is normalized). */
export function isPossibleAction(req: IncomingMessage, path: string): boolean {
  if (req.method !== "POST" || path.startsWith("/api/")) return false; // route handlers read their own bodies
  return req.headers["next-action"] !== undefined || FORM.test(req.headers["content-type"] ?? "");
}

export type ActionBodyCheck = { ok: true } | { ok: false; status: 400 | 411 | 413; reason: string };

/** Reads the body, checks that Next can decode it, and leaves it unread for Next. */
export async function checkActionBody(req: IncomingMessage, limit = ACTION_BODY_LIMIT): Promise<ActionBodyCheck> {
  const read = await readAhead(req, limit);
  if (!read.ok) return read;
  const contentType = req.headers["content-type"] ?? "";
  const isFetch = req.headers["next-action"] !== undefined;
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) return { ok: true }; // any bytes decode
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await parseMultipart(read.body, contentType);
    if (!form) return { ok: false, status: 400, reason: "malformed multipart body" };
    return isFetch ? checkArguments(form.get("0")) : { ok: true };
  }
  return checkArguments(read.body.toString("utf8"));
}

// `$$…` (an escaped `$`), undefined, NaN, ±Infinity, -0, BigInt, Date, and FormData by prefix.
const INLINE_ENCODING = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D|K[0-9a-f]+$)/;

const MAX_DEPTH = 32;

function checkArguments(text: unknown): ActionBodyCheck {
  let args: unknown;
  try {
    args = typeof text === "string" ? JSON.parse(text) : undefined;
  } catch {
    args = undefined; // not JSON, or nested too deep to parse
  }
  if (!Array.isArray(args)) return { ok: false, status: 400, reason: "action arguments are not a JSON array" };
  // Iterative, so that deep nesting cannot overflow our stack, and bounded, so it cannot
  // overflow React's (a decoder that recurses) either.
  const pending: [unknown, number][] = [[args, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (depth > MAX_DEPTH) return { ok: false, status: 400, reason: "action arguments nested too deep" };
    if (typeof value === "string") {
      if (value.startsWith("$") && !INLINE_ENCODING.test(value)) {
        return { ok: false, status: 400, reason: `unsupported encoding ${JSON.stringify(value.slice(0, 12))} in action arguments` };
      }
    } else if (value && typeof value === "object") {
      for (const item of Object.values(value)) pending.push([item, depth + 1]);
    }
  }
  return { ok: true };
}

/**
 * The whole body, put back on the stream. It must declare its length (browsers always do for
 * these): that is how we know it is complete while its 'end' event, after which nothing can be
 * put back, has not been emitted yet.
 */
function readAhead(req: IncomingMessage, limit: number): Promise<{ ok: true; body: Buffer } | Extract<ActionBodyCheck, { ok: false }>> {
  const header = req.headers["content-length"];
  const declared = Number(header);
  if (header === undefined || !Number.isSafeInteger(declared)) {
    return Promise.resolve({ ok: false, status: 411, reason: "action body without Content-Length" });
  }
  if (declared > limit) return Promise.resolve({ ok: false, status: 413, reason: `action body over ${limit} bytes` });
  if (declared === 0) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onError = () => {
      req.off("readable", onReadable);
      resolve({ ok: false, status: 400, reason: "request body could not be read" });
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = req.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        size += chunk.length;
      }
      if (size < declared) return; // more to come (Node's parser never delivers more than declared)
      req.off("readable", onReadable);
      req.off("error", onError);
      const body = Buffer.concat(chunks);
      // Back on the stream before its 'end' is emitted (that waits for an empty buffer).
      req.unshift(body);
      resolve({ ok: true, body });
    };
    req.on("readable", onReadable);
    req.on("error", onError);
  });
}

async function parseMultipart(body: Buffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}
