// POST /api/v1/secret-scanning/github: GitHub's secret-scanning partner program reports keys found
// in public (README "Leaked keys"). Served before the key check: GitHub carries no key, its
// signature is the credential. The signature is checked over the raw body before anything in it
// is read, so an unsigned request learns nothing and changes nothing.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { getEnv } from "@/lib/env";
import { expects } from "@/lib/field-messages";
import { EXAMPLE_PRIVATE_KEY } from "@/lib/keys/format";
import { awaitPropagation, PROPAGATION_HEADER, propagationHeader, type Propagation } from "@/lib/keys/propagation";
import { githubKeyStore, IDENTIFIER_HEADER, KeysFileError, SIGNATURE_HEADER, type GithubKeyStore } from "@/lib/leaks/github-keys";
import { logError } from "@/lib/server/error-log";
import { reportLeakedKey } from "@/lib/services/leaked-keys";
import type { ApiEnv } from "./authenticate";
import { ApiError } from "./errors";
import { requestHeader, setResponseHeader } from "./node-request";
import { errorJson, json } from "./schemas";

export const SECRET_SCANNING_PATH = "/secret-scanning/github";

/** GitHub sends matches in batches; a body past this is no report of theirs. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_TOKENS = 1000;

const ReportItem = z
  .object({
    token: z.string(expects("token", "the text GitHub found")),
    type: z.string(expects("type", "the token type registered with GitHub, such as switchboard_api_key")),
    url: z.string(expects("url", "where the token was found")).optional(),
    source: z.string(expects("source", "GitHub's word for where it was found, such as content or commit")).optional(),
  })
  .openapi({ description: "One match. GitHub's format: further fields GitHub may add are ignored." });

const Report = z
  .array(ReportItem, expects("The body", '[{"token": "…", "type": "switchboard_api_key", "url": "https://github.com/…", "source": "content"}]'))
  .max(MAX_TOKENS, `GitHub sends at most ${MAX_TOKENS} tokens a request here.`)
  .openapi("SecretScanningReport", {
    example: [{ token: EXAMPLE_PRIVATE_KEY, type: "switchboard_api_key", url: "https://github.com/octo-org/app/blob/4f1c…/config.js", source: "content" }],
  });

const Labels = z
  .array(
    z.object({
      token_hash: z.string().openapi({ description: "SHA-256 of the token, in hex" }),
      token_type: z.string(),
      label: z.enum(["true_positive", "false_positive"]).openapi({ description: "true_positive: a live private key, now disabled; false_positive: anything else" }),
    }),
  )
  .openapi("SecretScanningLabels", { example: [{ token_hash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", token_type: "switchboard_api_key", label: "true_positive" }] });

// One store per keys file, kept for the process: it re-reads the file only when it changes.
let store: { file: string; keys: GithubKeyStore } | undefined;
let lastFileError = 0;

/** Answers 404 when this server takes no reports, 401 unless the signature verifies, before any validation. */
const verifiedByGithub = createMiddleware<ApiEnv>(async (c, next) => {
  const file = getEnv().SECRET_SCANNING_KEYS_FILE;
  if (!file) {
    throw new ApiError(404, "not_found", "This server takes no secret-scanning reports.", {
      hint: "Its operator has not set SECRET_SCANNING_KEYS_FILE to GitHub's secret-scanning public keys.",
    });
  }
  if (store?.file !== file) store = { file, keys: githubKeyStore(file) };
  const body = new Uint8Array(await c.req.arrayBuffer());
  let check;
  try {
    check = await store.keys.check(body, requestHeader(c, IDENTIFIER_HEADER), requestHeader(c, SIGNATURE_HEADER));
  } catch (error) {
    if (!(error instanceof KeysFileError)) throw error;
    // One line a minute at most: GitHub retries, and the file stays broken until someone fixes it.
    if (Date.now() - lastFileError > 60_000) {
      lastFileError = Date.now();
      logError("secret-scanning", error, "reports cannot be verified");
    }
    throw new ApiError(503, "service_unavailable", "Reports cannot be verified right now.", { hint: "Retry later." }, { "Retry-After": "60" });
  }
  if (!check.ok) {
    throw new ApiError(401, "unauthorized", "Invalid signature.", {
      hint: "Sign the raw body with ECDSA P-256 / SHA-256: Github-Public-Key-Signature (base64) with the key named by Github-Public-Key-Identifier.",
    });
  }
  await next();
});

const tooLarge = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, "invalid_request", "The report is too large.", { hint: `Send at most ${MAX_TOKENS} tokens and ${MAX_BODY_BYTES / 1024} KiB a request.` });
  },
});

export const secretScanningRoutes = new OpenAPIHono<ApiEnv>().openapi(
  createRoute({
    method: "post",
    path: SECRET_SCANNING_PATH,
    tags: ["Leaked keys"],
    summary: "Report keys found in public (GitHub secret scanning)",
    description:
      "GitHub's secret-scanning partner endpoint. GitHub signs the raw body with ECDSA P-256 / SHA-256; the request is accepted only if " +
      "`Github-Public-Key-Signature` verifies against the key named by `Github-Public-Key-Identifier` in the server's `SECRET_SCANNING_KEYS_FILE`. " +
      "Each live private key found is disabled on every server at once and flagged as leaked; public keys (`swb_pk_`) are meant to be public and are `false_positive`. " +
      "The answer waits for the servers' receipts (at most a second) and carries them in `Switchboard-Propagation` when a key was disabled.",
    security: [],
    middleware: [tooLarge, verifiedByGithub] as const,
    request: {
      headers: z.object({
        "github-public-key-identifier": z.string().openapi({ description: "The id of the key GitHub signed with", example: "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a" }),
        "github-public-key-signature": z.string().openapi({ description: "Base64 ECDSA signature (DER) of the raw body", example: "MEUCIQC…" }),
      }),
      body: { content: { "application/json": { schema: Report } }, required: true },
    },
    responses: {
      200: json(Labels, "One label per token, in the order sent"),
      400: errorJson("The signed body is not a report in GitHub's format.", { code: "invalid_request", message: "Check the body: 1 field(s) are invalid.", details: { "0.token": ["token is required: the text GitHub found."] } }),
      401: errorJson("The signature is missing, names no known key, or does not verify. Nothing changed.", {
        code: "unauthorized",
        message: "Invalid signature.",
        hint: "Sign the raw body with ECDSA P-256 / SHA-256: Github-Public-Key-Signature (base64) with the key named by Github-Public-Key-Identifier.",
      }),
      404: errorJson("This server has no SECRET_SCANNING_KEYS_FILE, so it takes no reports.", { code: "not_found", message: "This server takes no secret-scanning reports." }),
      413: errorJson("The body is larger than 1 MiB.", { code: "invalid_request", message: "The report is too large." }),
      500: errorJson("Something went wrong on our side; `requestId` identifies it.", { code: "internal_error", message: "Something went wrong on our side.", requestId: "req_Xk2v9QmB7tLw4RcY" }),
      503: errorJson("The keys file cannot be read; GitHub retries.", { code: "service_unavailable", message: "Reports cannot be verified right now.", hint: "Retry later." }),
    },
  }),
  async (c) => {
    const report = c.req.valid("json");
    const outcomes = [];
    // One at a time: tokens that are not our private keys cost no query, and a batch is small.
    for (const item of report) outcomes.push(await reportLeakedKey({ token: item.token, where: item.url ?? null, source: "github", detail: item.source ?? null }));
    const receipts = await Promise.all(outcomes.filter((outcome) => outcome.changeId).map((outcome) => awaitPropagation(outcome.changeId)));
    if (receipts.length > 0) setResponseHeader(c, PROPAGATION_HEADER, propagationHeader(slowest(receipts)));
    return c.json(
      outcomes.map((outcome, index) => ({ token_hash: outcome.tokenHash, token_type: report[index]!.type, label: outcome.label })),
      200,
    );
  },
);

/** The receipt of a batch: the fewest servers confirming any of its keys, and the longest wait. */
function slowest(receipts: Propagation[]): Propagation {
  return receipts.reduce((worst, receipt) => ({
    servers: Math.max(worst.servers, receipt.servers),
    confirmed: Math.min(worst.confirmed, receipt.confirmed),
    ms: Math.max(worst.ms, receipt.ms),
  }));
}
