// docs/openapi.json, from which the reference page is built, is the document the API serves.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildOpenApiJson, OPENAPI_FILE } from "../../scripts/openapi-document";
import { exampleOf, getOpenApiDocument, operationsByTag, typeLabel } from "./openapi";

describe("docs/openapi.json", () => {
  it("is the document the API serves (after changing a route, run npm run openapi)", async () => {
    expect(await readFile(OPENAPI_FILE, "utf8")).toBe(await buildOpenApiJson());
  });

  it("is read into operations by tag, with readable types and examples", () => {
    const document = getOpenApiDocument();
    const groups = operationsByTag(document);
    expect(groups.map((group) => group.tag)).toEqual(expect.arrayContaining(["Agents", "Calls", "API keys", "Usage", "Workspace"]));
    const start = groups.flatMap((group) => group.operations).find((entry) => entry.method === "post" && entry.path === "/api/v1/calls")!;
    expect(start.anchor).toBe("post-api-v1-calls");
    const body = start.operation.requestBody!.content!["application/json"]!.schema!;
    expect(exampleOf(document, body)).toMatchObject({ to_number: "+14155552671" });
    expect(typeLabel(document, { type: "integer", minimum: 1, maximum: 100 })).toBe("integer, 1 to 100");
    expect(typeLabel(document, { anyOf: [{ $ref: "#/components/schemas/Agent" }, { type: "null" }] })).toBe("Agent or null");
  });
});
