// Shared helpers for the end-to-end tests.
import { randomBytes } from "node:crypto";
import type { Page, Response } from "@playwright/test";

export const OWNER_STATE = "e2e/.auth/owner.json";
export const OWNER_CREDENTIALS = "e2e/.auth/owner-credentials.json";

export function uniqueEmail(label: string) {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Resolves with the response of the next server action the page posts. */
export function nextServerAction(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.request().method() === "POST" && !!response.request().headers()["next-action"]);
}
