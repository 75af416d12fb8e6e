// `npm run openapi`: writes docs/openapi.json, the OpenAPI document the API serves at
// /api/v1/openapi.json, for the reference page (/docs/api), which is built from this file rather
// than from the API's modules. lib/docs/openapi.test.ts fails when the file is out of date.
import { writeFile } from "node:fs/promises";
import { buildOpenApiJson, OPENAPI_FILE } from "./openapi-document";

await writeFile(OPENAPI_FILE, await buildOpenApiJson());
console.log(`wrote ${OPENAPI_FILE}`);
process.exit(0);
