// The server and its embedded PostgreSQL, killed with SIGKILL (a crash, an OOM kill, a pulled
// plug) twenty times in a row, start again every time, and answer requests that need the
// database. Each run uses the end-to-end build and a data directory of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { generateKey } from "../../lib/keys/format";
import { E2E_DIST_DIR } from "../support";

const RESTARTS = 20;
const PORT = Number(process.env.E2E_RESTART_PORT ?? 3110);
const POSTGRES_PORT = Number(process.env.E2E_RESTART_POSTGRES_PORT ?? 54359);
const DATA_DIR = path.resolve(".data/e2e-restart");

type Started = { child: ChildProcess; output: () => string };

/** Starts server.ts in a process group of its own, so that one kill reaches PostgreSQL too. */
function startServer(): Started {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      DATA_DIR,
      EMBEDDED_POSTGRES_PORT: String(POSTGRES_PORT),
      DATABASE_URL: "",
      AUTH_SECRET: "",
      NEXT_DIST_DIR: E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitUntilReady(server: Started, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}):\n${server.output()}`);
    if (server.output().includes("Switchboard ready on")) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
}

function killGroup(server: Started) {
  try {
    process.kill(-server.child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
  return new Promise<void>((resolve) => (server.child.exitCode !== null || server.child.signalCode ? resolve() : server.child.once("exit", () => resolve())));
}

test.beforeAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));
test.afterAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

test(`the server and its embedded PostgreSQL start after ${RESTARTS} SIGKILLs in a row`, async ({ request }) => {
  const base = `http://127.0.0.1:${PORT}`;
  let started = 0;
  for (let run = 0; run <= RESTARTS; run++) {
    const server = startServer();
    try {
      await waitUntilReady(server);
      // A well-formed unknown key is looked up in the database: a 401 "No such key" proves it answers.
      const response = await request.get(`${base}/api/v1/me`, { headers: { "X-API-Key": generateKey("private") } });
      expect(response.status(), server.output()).toBe(401);
      expect((await response.json()).error.hint).toMatch(/No such key/);
      // And Next serves pages again.
      expect((await request.get(`${base}/sign-in`)).status()).toBe(200);
      if (run > 0) started++;
    } finally {
      await killGroup(server);
    }
  }
  expect(started).toBe(RESTARTS);
});
