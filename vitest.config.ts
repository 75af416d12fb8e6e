import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React's server environment; tests run in plain Node.
  "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // CI adds up the JSON report (scripts/ci-summary.mjs); `--outputFile.json=…` moves it.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      {
        resolve: { alias },
        // Every *.test.ts outside test/integration is a unit test, wherever it sits beside its
        // code, so that no test file can fall outside both projects.
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["test/integration/**", "e2e/**", "node_modules/**", ".next/**", ".next-e2e/**", ".data/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/database.global-setup.ts", "test/support/redis.global-setup.ts"],
          setupFiles: ["test/support/database.setup.ts"],
          // One database for the run; files run one after another so counts stay exact.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
