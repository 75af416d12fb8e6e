// The OpenAPI document as the API app builds it, in the text form docs/openapi.json keeps.
import path from "node:path";
import { createApiApp } from "@/lib/api/app";
import type { OriginIndex } from "@/lib/keys/origin-index";
import type { KeyVerifier } from "@/lib/keys/verify";

export const OPENAPI_FILE = path.resolve(import.meta.dirname, "../docs/openapi.json");

export async function buildOpenApiJson(): Promise<string> {
  // The document is served before the key check, so neither dependency is ever called.
  const refuseAll: KeyVerifier = async () => ({ ok: false, reason: "missing" });
  const app = createApiApp({ verifyRequest: refuseAll, origins: {} as OriginIndex });
  const document = await (await app.request("/api/v1/openapi.json")).json();
  return `${JSON.stringify(document, null, 2)}\n`;
}
