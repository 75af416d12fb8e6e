// The API's OpenAPI document as the reference page reads it (/docs/api): docs/openapi.json, which
// `npm run openapi` writes from the app that serves /api/v1/openapi.json (a unit test keeps the two
// equal), walked here into operations by tag, schemas with references resolved, readable type
// names and generated examples. The file, not the API's modules: the page's bundle stays free of
// Hono and the database client.
import openApiJson from "@/docs/openapi.json";

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  nullable?: boolean;
};

type Media = { schema?: Schema; example?: unknown };
export type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema; $ref?: string; example?: unknown };
export type Response = { description: string; content?: Record<string, Media>; headers?: Record<string, { description?: string }> };
export type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { description?: string; required?: boolean; content?: Record<string, Media> };
  responses: Record<string, Response>;
  security?: unknown[];
};
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
};

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The document /api/v1/openapi.json serves, as of the last `npm run openapi`. */
export function getOpenApiDocument(): OpenApiDocument {
  return openApiJson as unknown as OpenApiDocument;
}

export type OperationEntry = { method: (typeof HTTP_METHODS)[number]; path: string; operation: Operation; anchor: string };

/** Operations grouped by the document's tags, in its order; the document itself last, as a reference. */
export function operationsByTag(document: OpenApiDocument): { tag: string; description?: string; operations: OperationEntry[] }[] {
  const groups = (document.tags ?? []).map((tag) => ({ tag: tag.name, description: tag.description, operations: [] as OperationEntry[] }));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "Other";
      let group = groups.find((candidate) => candidate.tag === tag);
      if (!group) groups.push((group = { tag, description: undefined, operations: [] }));
      group.operations.push({ method, path, operation, anchor: operationAnchor(method, path) });
    }
  }
  return groups.filter((group) => group.operations.length > 0);
}

/** `get-api-v1-agents-id`: stable, readable ids for links to an operation. */
export function operationAnchor(method: string, path: string): string {
  return `${method}-${path}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** The schema a `$ref` names (one level), or the schema itself. */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = refName(schema.$ref);
  return document.components.schemas?.[name] ?? {};
}

export const refName = (ref: string) => ref.split("/").at(-1)!;

export function resolveParameter(document: OpenApiDocument, parameter: Parameter): Parameter {
  return parameter.$ref ? (document.components.parameters?.[refName(parameter.$ref)] ?? parameter) : parameter;
}

/** What a value of `schema` is, in a few words: "string (uuid)", "integer, 1 to 100", "Agent or null". */
export function typeLabel(document: OpenApiDocument, schema: Schema): string {
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.map((variant) => typeLabel(document, variant)))].join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") return `array of ${schema.items ? typeLabel(document, schema.items) : "any"}`;
  const bounds =
    schema.minimum !== undefined || schema.maximum !== undefined
      ? `, ${schema.minimum ?? "…"} to ${schema.maximum ?? "…"}`
      : schema.maxLength !== undefined
        ? `, at most ${schema.maxLength} characters`
        : "";
  return `${type}${schema.format ? ` (${schema.format})` : ""}${bounds}`;
}

/** An example value for `schema`: its own example where it has one, else one made from its type. */
export function exampleOf(document: OpenApiDocument, schema: Schema, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.$ref) return depth > 4 ? {} : exampleOf(document, resolve(document, schema), depth + 1);
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return exampleOf(document, variants.find((variant) => variant.type !== "null") ?? variants[0]!, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(document, property, depth + 1)]));
    case "array":
      return schema.items ? [exampleOf(document, schema.items, depth + 1)] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return schema.format === "uuid" ? "3f1e4b1c-8a5b-4f0e-9c2d-6b7a8e9f0a1b" : schema.format === "date-time" ? "2026-12-01T09:30:00.000Z" : "string";
  }
}
