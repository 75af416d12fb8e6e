// The one PostgreSQL pool of this process (postgres-js + Drizzle). Kept on globalThis so that
// Next's bundle, the custom server and hot reloads share it instead of opening pools of their own.
import { hostname } from "node:os";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

/** How this process's connections name themselves in pg_stat_activity (the pool-in-use metric). */
export const APPLICATION_NAME = `switchboard ${hostname()} ${process.pid}`.slice(0, 63);

function createDatabase(url: string) {
  const sql = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: APPLICATION_NAME } });
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof createDatabase>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { switchboardDb?: ReturnType<typeof createDatabase> };

function connection() {
  if (!globalForDb.switchboardDb) {
    const url = getEnv().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` (server.ts) or set it.");
    }
    globalForDb.switchboardDb = createDatabase(url);
  }
  return globalForDb.switchboardDb;
}

export function getDb(): Database {
  return connection().db;
}

/** The raw postgres-js client, for LISTEN/NOTIFY. */
export function getSql() {
  return connection().sql;
}

export async function closeDb() {
  const current = globalForDb.switchboardDb;
  globalForDb.switchboardDb = undefined;
  await current?.sql.end({ timeout: 5 });
}
