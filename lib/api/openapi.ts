// The OpenAPI 3.1 document of /api/v1, generated from the routes' own zod schemas (so it cannot
// drift from what they validate) and served, without a key, at /api/v1/openapi.json for the
// reference at /docs/api and for client generators.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "./authenticate";
import { apiGuide } from "./guide";
import { IDEMPOTENCY_HEADER } from "./idempotency";
import { IDEMPOTENCY_CONFLICT } from "./schemas";

export const OPENAPI_PATH = "/openapi.json";

type Document = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

/** Adds what every route shares: the two ways to send a key, and Idempotency-Key on POSTs. */
export function registerSharedComponents(app: OpenAPIHono<ApiEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "ApiKeyHeader", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "The key itself, alone: `X-API-Key: swb_sk_…`",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "BearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "The key as a bearer token: `Authorization: Bearer swb_sk_…`",
  });
  app.openAPIRegistry.registerComponent("parameters", "IdempotencyKey", {
    name: IDEMPOTENCY_HEADER,
    in: "header",
    required: false,
    description:
      "A value you choose per operation (a UUID is ideal), to retry safely: the same key and body within 24 hours return the first response with `Idempotent-Replayed: true`.",
    schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
    example: "5f0c7a52-93a4-4a8e-9d0b-2f6d3c1e8b47",
  });
}

export function buildOpenApiDocument(app: OpenAPIHono<ApiEnv>): Document {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Switchboard API", version: "1.0.0", description: apiGuide() },
    // Either header; the generated clients and the reference offer both.
    security: [{ ApiKeyHeader: [] }, { BearerAuth: [] }],
    tags: [
      { name: "Agents", description: "The voice agents that calls run." },
      { name: "Calls", description: "Outbound calls placed by an agent." },
      { name: "API keys", description: "The workspace's keys, for CI pipelines, provisioning scripts and secret managers." },
      { name: "Usage", description: "Requests per key, hour or day, and outcome: valid, or why they were refused." },
      { name: "Workspace", description: "Who the key belongs to." },
      { name: "Leaked keys", description: "Keys found in public, reported without a key: by GitHub's secret scanning, or by anyone." },
      { name: "Reference", description: "This document." },
    ],
  });
  // Every POST takes an Idempotency-Key and may answer 409 for it: added here once, so no route
  // can forget it. Routes without a key (security: []) have no idempotency records.
  for (const item of Object.values(document.paths ?? {})) {
    const post = item.post;
    if (!post || post.security?.length === 0) continue;
    post.parameters = [...(post.parameters ?? []), { $ref: "#/components/parameters/IdempotencyKey" }];
    post.responses ??= {};
    post.responses["409"] ??= {
      description: "The Idempotency-Key was used for another request, or its request is still running",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example: { error: IDEMPOTENCY_CONFLICT } } },
    };
  }
  return document;
}
