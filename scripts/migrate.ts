// `npm run db:migrate`: applies drizzle/ to DATABASE_URL, or to the embedded database.
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { getEnv } from "@/lib/env";

const env = getEnv();
const embedded = env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_POSTGRES_PORT });
await applyMigrations(env.DATABASE_URL ?? embedded!.url);
console.log("Migrations applied.");
await embedded?.stop();
