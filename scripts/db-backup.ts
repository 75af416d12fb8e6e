// `npm run db:backup [FILE]`: a file-system-level backup of the embedded database (db/backup.ts).
import nextEnv from "@next/env";
import { backupEmbedded } from "@/db/backup";
import { getEnv } from "@/lib/env";

nextEnv.loadEnvConfig(process.cwd());
const env = getEnv();
if (env.DATABASE_URL) {
  console.error("DATABASE_URL is set: back up that PostgreSQL with pg_dump or your provider's backups (README \"Backups\"). This command is for the embedded database.");
  process.exit(2);
}
try {
  const file = await backupEmbedded({ dataDir: env.DATA_DIR, port: env.EMBEDDED_POSTGRES_PORT }, process.argv[2]);
  console.log(`Backed up ${env.DATA_DIR} to ${file}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
