// A production server (server.ts on the end-to-end build) with an embedded PostgreSQL and a data
// directory of its own, on free ports, for the tests that stop its database or kill it. It runs
// in a process group of its own, so that one SIGKILL reaches the server and its PostgreSQL, and
// nothing else on the machine.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { E2E_DIST_DIR, TEST_PASSWORD, TEST_PASSWORD_HASH, uniqueEmail } from "../support";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type OwnServer = Awaited<ReturnType<typeof ownServer>>;

/** Ports and a data directory for one server, kept across its restarts. */
export async function ownServer(label: string) {
  const port = await freePort();
  const postgresPort = await freePort();
  const dataDir = path.resolve(`.data/e2e-${label}-${randomBytes(3).toString("hex")}`);
  let child: ChildProcess | undefined;
  let output = "";

  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;

  return {
    base: `http://127.0.0.1:${port}`,
    port,
    postgresPort,
    dataDir,
    output: () => output,
    /** Starts server.ts and waits until it says it is ready. */
    async start(timeoutMs = 120_000) {
      output = "";
      child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOST: "127.0.0.1",
          DATA_DIR: dataDir,
          EMBEDDED_POSTGRES_PORT: String(postgresPort),
          DATABASE_URL: "",
          AUTH_SECRET: "",
          TRUST_PROXY: "true",
          NEXT_DIST_DIR: E2E_DIST_DIR,
          NEXT_TELEMETRY_DISABLED: "1",
        },
      });
      child.stdout!.on("data", (chunk) => (output += chunk));
      child.stderr!.on("data", (chunk) => (output += chunk));
      const deadline = Date.now() + timeoutMs;
      while (!output.includes("Switchboard ready on")) {
        if (exited()) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** SIGKILL to the server and its PostgreSQL at once (the whole process group). */
    async kill() {
      if (exited()) return;
      const done = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
      try {
        process.kill(-child!.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
      await done;
    },
    /** SIGTERM, as a deploy stops it; SIGKILL after 20 s. */
    async stop() {
      if (exited()) return;
      const done = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
      child!.kill("SIGTERM");
      const timer = setTimeout(() => process.kill(-child!.pid!, "SIGKILL"), 20_000);
      await done;
      clearTimeout(timer);
    },
    /** The pid of the embedded PostgreSQL this server started (its postmaster.pid). */
    postgresPid(): number | null {
      const file = path.join(dataDir, "postgres", "postmaster.pid");
      return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
    },
    /** A client of this server's database; end() it. */
    sql() {
      const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
      return postgres(`postgres://postgres:${password}@127.0.0.1:${postgresPort}/switchboard`, { max: 2, onnotice: () => {} });
    },
    remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An owner of a new workspace, inserted as rows (their password is TEST_PASSWORD). */
export async function seedOwner(sql: postgres.Sql) {
  const [workspace] = await sql`insert into workspaces (name) values ('Outage Test') returning id`;
  const email = uniqueEmail("owner");
  const [user] = await sql`insert into users (name, email, password_hash, active_workspace_id) values ('Owner', ${email}, ${TEST_PASSWORD_HASH}, ${workspace!.id}) returning id`;
  await sql`insert into memberships (workspace_id, user_id, role) values (${workspace!.id}, ${user!.id}, 'owner')`;
  return { workspaceId: workspace!.id as string, userId: user!.id as string, email };
}

/** Signs in through Auth.js's own endpoint, as the sign-in form does, into a request context. */
export async function signedInContext(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: TEST_PASSWORD, callbackUrl: "/" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  return context;
}

/** The server-action ids of the build, by "file#export" (as the role matrix reads them). */
export function serverActions(): Map<string, { id: string; path: string }> {
  const manifest = JSON.parse(readFileSync(`${E2E_DIST_DIR}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const actions = new Map<string, { id: string; path: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const page = Object.keys(entry.workers)[0]!;
    const route = page.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, "x") || "/";
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, path: route });
  }
  return actions;
}

/** Calls a server action the way the browser does; returns the status and body. */
export async function callAction(context: APIRequestContext, baseURL: string, action: { id: string; path: string }, input: Record<string, unknown>) {
  const response = await context.post(action.path, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL },
    data: JSON.stringify([null, input]),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
