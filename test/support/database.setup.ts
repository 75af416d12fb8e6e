// Points the app's database client at this run's test database before any test imports it.
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { setResolvedEnv } from "@/lib/env";

setResolvedEnv({ DATABASE_URL: inject("databaseUrl") });

afterAll(async () => {
  await closeDb();
});
