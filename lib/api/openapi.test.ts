// The OpenAPI document is valid OpenAPI 3.1 (checked against the specification's own JSON
// schema), describes every route the app serves, and says what the docs must say.
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { FAILURE_HINTS, LEAKED_HINT } from "@/lib/keys/verify";
import { KEY_PATTERN_SOURCE, SECRET_SCANNING_PATTERN_SOURCE } from "@/lib/keys/format";
import { createApiApp } from "./app";
import { SNAKE_CASE_FIELDS } from "./unknown-fields";
import type { KeyVerifier } from "@/lib/keys/verify";
import type { OriginIndex } from "@/lib/keys/origin-index";

// The document is served before any key check, so neither is ever called here.
const refuseAll: KeyVerifier = async () => ({ ok: false, reason: "missing" });
const app = createApiApp({ verifyRequest: refuseAll, origins: {} as OriginIndex });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let document: any;
let response: Response;

beforeAll(async () => {
  response = await app.request("/api/v1/openapi.json");
  document = await response.json();
});

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

// Served before the key check, without a key: this document and the two leak reports.
const KEYLESS = ["/api/v1/openapi.json", "/api/v1/secret-scanning/github", "/api/v1/leaked-keys"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonSchema = any;

/** Every object schema inside the request bodies, $refs followed, with where it sits. */
function requestBodyObjects(): { where: string; schema: JsonSchema }[] {
  const found: { where: string; schema: JsonSchema }[] = [];
  const visit = (schema: JsonSchema, where: string, seen: Set<unknown>) => {
    if (!schema || typeof schema !== "object" || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) return visit(document.components.schemas[schema.$ref.replace("#/components/schemas/", "")], where, seen);
    if (schema.type === "object" || schema.properties) found.push({ where, schema });
    for (const [name, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${name}`, seen);
    for (const key of ["anyOf", "oneOf", "allOf"]) for (const option of schema[key] ?? []) visit(option, where, seen);
    if (schema.items) visit(schema.items, `${where}[]`, seen);
  };
  for (const { path, method, operation } of operations()) {
    const schema = operation.requestBody?.content?.["application/json"]?.schema;
    if (schema) visit(schema, `${method} ${path}`, new Set());
  }
  return found;
}
const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    METHODS.filter((method) => (item as any)[method]).map((method) => ({ path, method, operation: (item as any)[method] })),
  );

describe("GET /api/v1/openapi.json", () => {
  it("is served without a key", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
  });

  it("holds nothing a secret scanner would report as a leaked key", () => {
    expect(JSON.stringify(document).match(new RegExp(KEY_PATTERN_SOURCE, "g"))).toBeNull();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route the app serves, and nothing it does not", () => {
    const served = app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = operations().map(({ path, method }) => `${method} ${path}`);
    expect(served.length).toBeGreaterThan(10);
    expect([...new Set(documented)].sort()).toEqual([...new Set(served)].sort());
  });

  it("offers both headers, and requires one on every route but itself", () => {
    expect(document.components.securitySchemes).toEqual({
      ApiKeyHeader: expect.objectContaining({ type: "apiKey", in: "header", name: "X-API-Key" }),
      BearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    expect(document.security).toEqual([{ ApiKeyHeader: [] }, { BearerAuth: [] }]);
    for (const { path, operation } of operations()) {
      if (KEYLESS.includes(path)) expect(operation.security, path).toEqual([]);
      else expect(operation.security, path).toBeUndefined();
    }
  });

  it("gives every authenticated route its error responses, in the envelope, with examples", () => {
    for (const { path, method, operation } of operations()) {
      if (KEYLESS.includes(path)) continue;
      for (const status of ["400", "401", "403", "500"]) {
        const media = operation.responses[status]?.content?.["application/json"];
        expect(media?.schema, `${method} ${path} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
        expect(media.example.error.code, `${method} ${path} ${status}`).toBeTruthy();
      }
      if (path.includes("{id}")) expect(operation.responses["404"], `${method} ${path}`).toBeDefined();
    }
  });

  it("takes an Idempotency-Key on every POST, with its 409", () => {
    const posts = operations().filter(({ method }) => method === "post");
    expect(posts.length).toBeGreaterThanOrEqual(4);
    for (const { path, operation } of posts) {
      // The leak reports keep no idempotency records: they have no key to keep them under.
      if (KEYLESS.includes(path)) {
        expect(operation.parameters ?? [], path).not.toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
        continue;
      }
      expect(operation.parameters, path).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
      expect(operation.responses["409"], path).toBeDefined();
    }
    expect(document.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header" });
  });

  it("has examples in every request body", () => {
    const bodies = operations().filter(({ operation }) => operation.requestBody);
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const { path, method, operation } of bodies) {
      const ref: string = operation.requestBody.content["application/json"].schema.$ref;
      const schema = document.components.schemas[ref.replace("#/components/schemas/", "")];
      expect(JSON.stringify(schema), `${method} ${path}`).toMatch(/"examples?"/);
    }
  });

  it("marks every object of every request body strict (additionalProperties: false), bar metadata", () => {
    const objects = requestBodyObjects();
    expect(objects.length).toBeGreaterThanOrEqual(10);
    for (const { where, schema } of objects) {
      // GitHub's report format is GitHub's: a field it adds one day must not refuse its reports.
      if (where.startsWith("post /api/v1/secret-scanning/github")) continue;
      if (where.endsWith(".metadata")) expect(schema.additionalProperties, where).toBeTypeOf("object");
      else expect(schema.additionalProperties, where).toBe(false);
    }
  });

  it("knows every snake_case field of more than one word, to name it for its camelCase spelling", () => {
    const names = new Set(requestBodyObjects().flatMap(({ schema }) => Object.keys(schema.properties ?? {})));
    const multiWord = [...names].filter((name) => name.includes("_")).sort();
    expect(multiWord).toEqual([...SNAKE_CASE_FIELDS].filter((name) => names.has(name)).sort());
    for (const name of SNAKE_CASE_FIELDS) expect(names.has(name) || name === "api_keys", name).toBe(true);
  });

  it("opens with Authentication: both headers, every hint, troubleshooting and the key pattern", () => {
    const guide: string = document.info.description;
    expect(guide).toContain("## Authentication");
    expect(guide).toContain("X-API-Key: swb_sk_");
    expect(guide).toContain("Authorization: Bearer swb_sk_");
    for (const hint of Object.values(FAILURE_HINTS)) expect(guide).toContain(hint);
    for (const topic of ["header name", "`Bearer` prefix missing", "Whitespace", "copied incompletely", "Disabled or revoked", "Origin not allowed", "Permission missing", "IP not allowed", "Rate limited"]) {
      expect(guide).toContain(topic);
    }
    expect(guide).toContain(SECRET_SCANNING_PATTERN_SOURCE);
    expect(guide).not.toContain("|swb_pk_");
    expect(guide).toContain(LEAKED_HINT);
  });
});
