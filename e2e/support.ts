// Shared helpers for the end-to-end tests.
import { randomBytes } from "node:crypto";
import type { Page, Response } from "@playwright/test";

export const OWNER_STATE = "e2e/.auth/owner.json";
/** The end-to-end build's own directory (npm run test:e2e), apart from `npm start`'s .next. */
export const E2E_DIST_DIR = ".next-e2e";
/** MAX_KEYS_PER_WORKSPACE of the end-to-end server: low enough for a test to reach. */
export const E2E_MAX_KEYS = 25;
/** METRICS_PORT of the end-to-end server. */
export const E2E_METRICS_PORT = Number(process.env.E2E_METRICS_PORT ?? 3101);
export const OWNER_CREDENTIALS = "e2e/.auth/owner-credentials.json";

export function uniqueEmail(label: string) {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Resolves with the response of the next server action the page posts. */
export function nextServerAction(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.request().method() === "POST" && !!response.request().headers()["next-action"]);
}

/** A client of the e2e server's own embedded database (see playwright.config.ts); end() it. */
export async function e2eDatabase() {
  const { readFileSync } = await import("node:fs");
  const postgres = (await import("postgres")).default;
  const password = readFileSync(".data/e2e/postgres-password", "utf8").trim();
  const port = process.env.E2E_POSTGRES_PORT ?? "54339";
  return postgres(`postgres://postgres:${password}@127.0.0.1:${port}/switchboard`, { max: 1, onnotice: () => {} });
}

/** Every row of every table of the e2e server's database, as text. */
export async function dumpDatabase(): Promise<string> {
  const sql = await e2eDatabase();
  try {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`;
    let dump = "";
    for (const { schema, name } of tables) {
      const rows = await sql.unsafe(`select row_to_json(t)::text as row from "${schema}"."${name}" t`);
      dump += rows.map((r) => r.row).join("\n") + "\n";
    }
    return dump;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A real argon2id hash of TEST_PASSWORD, for people a test inserts directly into the database. */
export const TEST_PASSWORD = "correct horse battery";
export const TEST_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$9vsuJsIX2b5IuxFTr8UaAg$AFEmd+wZ2p0UtOwmTWWAjYc8SvVg4ivQXbKRGhaGx8M";
