import { defineConfig } from "drizzle-kit";

// `npm run db:generate` needs no database; `npm run db:migrate` uses the app's own migrator
// (scripts/migrate.ts) so that it works against the embedded database too.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./drizzle",
});
