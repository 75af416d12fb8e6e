// End-to-end tests in a real Chromium against the real server (production build) on a fresh
// embedded PostgreSQL. Debian's Chromium is used where it is installed; set CHROMIUM_PATH to
// use another, or set it to "" to use Playwright's own managed browser.
import { execSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PROJECTS } from "./e2e/projects";
import { E2E_DIST_DIR, E2E_MAX_KEYS, E2E_METRICS_PORT, OWNER_STATE } from "./e2e/support";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const POSTGRES_PORT = Number(process.env.E2E_POSTGRES_PORT ?? 54339);
const DATA_DIR = path.resolve(".data/e2e");
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "");

// Main process only (workers load this file too): start every run from an empty database.
if (!process.env.TEST_WORKER_INDEX && !process.env.SWITCHBOARD_E2E_PREPARED) {
  process.env.SWITCHBOARD_E2E_PREPARED = "1";
  stopLeftoverPostgres();
  rmSync(DATA_DIR, { recursive: true, force: true });
}

export default defineConfig({
  // Its own folder: Playwright empties outputDir at start, and test-results/ holds other reports.
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testDir: E2E_PROJECTS.setup, testMatch: /\.setup\.ts$/, use: devices["Desktop Chrome"] },
    {
      name: "signed-in",
      testDir: E2E_PROJECTS["signed-in"],
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        storageState: OWNER_STATE,
        permissions: ["clipboard-read", "clipboard-write"],
      },
    },
    { name: "anonymous", testDir: E2E_PROJECTS.anonymous, dependencies: ["setup"], use: devices["Desktop Chrome"] },
    { name: "api", testDir: E2E_PROJECTS.api, use: devices["Desktop Chrome"] },
    // Signs in from addresses of its own (X-Forwarded-For, trusted below) so that no other test's
    // failures count towards its limits, and its locks lock out no other test.
    { name: "throttling", testDir: E2E_PROJECTS.throttling, dependencies: ["setup"], use: devices["Desktop Chrome"] },
    { name: "roles", testDir: E2E_PROJECTS.roles, timeout: 300_000 },
    { name: "server", testDir: E2E_PROJECTS.server, timeout: 300_000 },
  ],
  webServer: {
    command: "npx tsx server.ts",
    url: `http://localhost:${PORT}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      DATA_DIR,
      EMBEDDED_POSTGRES_PORT: String(POSTGRES_PORT),
      // Never a developer's database: the e2e run always uses its own embedded one.
      DATABASE_URL: "",
      AUTH_SECRET: "",
      // Lets tests sign in from addresses of their own.
      TRUST_PROXY: "true",
      // Its own build (npm run test:e2e), never the .next of a running `npm start`.
      NEXT_DIST_DIR: E2E_DIST_DIR,
      // Low enough that a test can reach it.
      MAX_KEYS_PER_WORKSPACE: String(E2E_MAX_KEYS),
      // Prometheus metrics on a port of their own (e2e/api/operations.spec.ts).
      METRICS_PORT: String(E2E_METRICS_PORT),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

/** A server left by a killed run would hold the port and the data directory. */
function stopLeftoverPostgres() {
  const pidFile = path.join(DATA_DIR, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, "SIGINT");
    execSync(`timeout 10 sh -c 'while kill -0 ${pid} 2>/dev/null; do sleep 0.1; done'`);
  } catch {
    // Not running any more.
  }
}
