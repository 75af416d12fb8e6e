// Next treats every POST to a page as a possible server action and decodes its body before our
// action wrapper runs; a body of the wrong shape (`null`, `"x"`, not JSON, a cut-off multipart
// form) makes Next itself throw: a 500 with a stack trace. So server.ts reads such a body first,
// refuses one Next could not decode with a 400, and puts the bytes back on the request stream
// (Readable#unshift, made for parsers that read ahead) for Next to read as if nobody had.
//
// The shapes, as React's encodeReply writes them: a fetch action (`Next-Action` header) sends its
// arguments as one JSON array, either as the whole body or as the multipart field "0"; a form
// posted before JavaScript loaded sends a multipart form whose `$ACTION_` fields describe the
// action and its bound arguments in the same JSON encoding. Inside the
// arguments, strings starting with `$` are React's encodings. Our actions take plain values and
// FormData only, so only the inline encodings and FormData (`$K`) are accepted: a reference to
// another part of the body (promises, maps, streams, server functions...) that is missing makes
// React's decoder fail, and references of those kinds have no business in our actions' arguments.
import type { IncomingMessage } from "node:http";
import busboy from "busboy";

/** Next's own default limit for a server action's body. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type ActionKind = "fetch" | "fetch-multipart" | "form-multipart" | "urlencoded" | null;

/**
 * How Next will treat this POST, decided exactly as Next decides it (its
 * getServerActionRequestMetadata: an exact urlencoded type, a case-sensitive multipart prefix,
 * any Next-Action header), so that we check the body Next will decode, the way it will decode it.
 * Null when Next will not decode the body as an action. `path` is the normalized path.
 */
export function actionKind(req: IncomingMessage, path: string): ActionKind {
  if (req.method !== "POST" || path.startsWith("/api/")) return null; // route handlers read their own bodies
  const contentType = req.headers["content-type"];
  const fetch = typeof req.headers["next-action"] === "string";
  if (contentType === "application/x-www-form-urlencoded") return "urlencoded";
  if (contentType?.startsWith("multipart/form-data")) return fetch ? "fetch-multipart" : "form-multipart";
  return fetch ? "fetch" : null;
}

export type ActionBodyCheck = { ok: true } | { ok: false; status: 400 | 411 | 413; reason: string };

/** Reads the body, checks that Next can decode it, and leaves it unread for Next. */
export async function checkActionBody(req: IncomingMessage, kind: Exclude<ActionKind, null>, limit = ACTION_BODY_LIMIT): Promise<ActionBodyCheck> {
  // Next refuses urlencoded actions itself, whatever the bytes.
  if (kind === "urlencoded") return { ok: true };
  const read = await readAhead(req, limit);
  if (!read.ok) return read;
  if (kind === "fetch") return checkArguments(read.body.toString("utf8"));
  const form = await parseMultipart(read.body, req.headers["content-type"]!);
  if (!form) return { ok: false, status: 400, reason: "malformed multipart body" };
  return kind === "fetch-multipart" ? checkArguments(form.get("0")) : checkFormAction(form);
}

/**
 * A form posted before JavaScript loaded names its action in `$ACTION_REF_n` and describes it in
 * `$ACTION_n:0` as `{"id", "bound"}`, where `bound` is null or `$@k`, the field `$ACTION_n:k`
 * holding the bound arguments (React's decodeAction). `$ACTION_ID_…` names an action with no
 * bound arguments; nothing of it is decoded.
 */
function checkFormAction(form: Map<string, string>): ActionBodyCheck {
  const refused = (reason: string): ActionBodyCheck => ({ ok: false, status: 400, reason });
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    const meta = parseJson(form.get(`${prefix}0`));
    if (!meta || typeof meta !== "object" || Array.isArray(meta)) return refused("malformed form action description");
    const { id, bound } = meta as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return refused("malformed form action description");
    if (bound === null || bound === undefined) continue;
    if (typeof bound !== "string" || !/^\$@[0-9a-f]+$/.test(bound)) return refused("malformed form action arguments");
    const check = checkArguments(form.get(`${prefix}${bound.slice(2)}`));
    if (!check.ok) return check;
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

/** The form's fields, parsed by busboy as Next parses them; null when busboy refuses the body. */
function parseMultipart(body: Buffer, contentType: string): Promise<Map<string, string> | null> {
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { fieldSize: ACTION_BODY_LIMIT } });
    } catch {
      return resolve(null); // no boundary, say
    }
    parser.on("field", (name, value) => fields.set(name, value));
    parser.on("file", (_name, file) => file.resume());
    parser.on("error", () => resolve(null));
    parser.on("close", () => resolve(fields));
    parser.end(body);
  });
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === "string" ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // not JSON, or nested too deep to parse
  }
}

// `$$…` (an escaped `$`), undefined, NaN, ±Infinity, -0, BigInt, Date, and FormData by prefix.
const INLINE_ENCODING = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D|K[0-9a-f]+$)/;
const MAX_DEPTH = 32;

function checkArguments(text: unknown): ActionBodyCheck {
  const args = parseJson(text);
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
