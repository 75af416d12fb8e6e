// `npm run db:restore FILE`: puts a backup made by `npm run db:backup` in place of the embedded
// database (db/backup.ts). What was there is moved aside, not deleted.
import nextEnv from "@next/env";
import { restoreEmbedded } from "@/db/backup";
import { getEnv } from "@/lib/env";

nextEnv.loadEnvConfig(process.cwd());
const env = getEnv();
const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore FILE (a .tar.gz made by npm run db:backup)");
  process.exit(2);
}
if (env.DATABASE_URL) {
  console.error("DATABASE_URL is set: restore that PostgreSQL with pg_restore or your provider's tools (README \"Backups\"). This command is for the embedded database.");
  process.exit(2);
}
try {
  const { previous } = await restoreEmbedded({ dataDir: env.DATA_DIR, port: env.EMBEDDED_POSTGRES_PORT }, file);
  console.log(`Restored ${file} into ${env.DATA_DIR}.${previous ? ` The database it replaced is in ${previous}.` : ""} Start Switchboard as usual.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
