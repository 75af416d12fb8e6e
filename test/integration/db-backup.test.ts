// `npm run db:backup` and `npm run db:restore FILE` on an embedded database of this test's own:
// back up, change, restore, and the database is what it was at the backup, row for row. The
// commands stop a PostgreSQL left running on the folder themselves, and refuse while Switchboard
// is connected to it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { freePort } from "../support/free-port";

let dataDir: string;
let port: number;
let database: EmbeddedDatabase | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-backup-"));
  port = await freePort();
}, 60_000);

afterAll(async () => {
  await database?.stop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `npm run db:<name>` as a person would (the script itself, on the project's Node), on this test's folder. */
function command(name: "backup" | "restore", ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `scripts/db-${name}.ts`, ...args],
      // Never DATABASE_URL (CI's second run sets one): these commands are for the embedded database.
      { env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(port) }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** Every row of the application's tables, as text: what "the same database" means here. */
async function contents(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows = await sql.unsafe(`select row_to_json(t)::text as row from "${name}" t order by 1`);
      parts.push(`${name}: ${rows.map((r) => r.row as string).join("\n")}`);
    }
    return parts.join("\n");
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function write(url: string, statement: (sql: postgres.Sql) => Promise<unknown>) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await statement(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe("db:backup and db:restore", () => {
  it("back up, change, restore: the rows at the backup, exactly", async () => {
    database = await startEmbeddedPostgres({ dataDir, port });
    const url = database.url;
    await applyMigrations(url);
    await write(url, (sql) => sql`insert into workspaces (name) values ('Before the backup'), ('Also before')`);
    const before = await contents(url);
    expect(before).toContain("Before the backup");

    // Left running (as after a crashed server): the command stops it itself.
    const backup = await command("backup", path.join(dataDir, "saved.tar.gz"));
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain("saved.tar.gz");
    expect(existsSync(path.join(dataDir, "saved.tar.gz"))).toBe(true);
    // It holds AUTH_SECRET: readable by its owner only.
    expect((await stat(path.join(dataDir, "saved.tar.gz"))).mode & 0o777).toBe(0o600);
    // Stopped by the command (embedded-postgres' own stop() would wait for it for ever).
    database = undefined;

    // Changes after the backup: a row added, one changed, one deleted.
    database = await startEmbeddedPostgres({ dataDir, port });
    await write(url, async (sql) => {
      await sql`insert into workspaces (name) values ('After the backup')`;
      await sql`update workspaces set name = 'Renamed' where name = 'Also before'`;
      await sql`delete from workspaces where name = 'Before the backup'`;
    });
    expect(await contents(url)).not.toBe(before);
    await database.stop();
    database = undefined;

    const restore = await command("restore", path.join(dataDir, "saved.tar.gz"));
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/replaced is in .*before-restore-/);

    database = await startEmbeddedPostgres({ dataDir, port });
    const after = await contents(url);
    expect(after).toBe(before);
    expect(after).not.toContain("After the backup");
  }, 120_000);

  it("refuses while Switchboard is connected, and refuses a file that is no backup", async () => {
    database ??= await startEmbeddedPostgres({ dataDir, port });
    const app = postgres(database.url, { max: 1, onnotice: () => {}, connection: { application_name: "switchboard test-host 4242" } });
    try {
      await app`select 1`;
      const refused = await command("backup");
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/Switchboard is running on this database \(switchboard test-host 4242\)\. Stop it first/);
      // Still running, untouched.
      expect((await app`select count(*)::int as n from workspaces`)[0]!.n).toBeGreaterThan(0);
    } finally {
      await app.end({ timeout: 5 });
    }
    const notABackup = await command("restore", path.join(dataDir, "postgres-password"));
    expect(notABackup.code).not.toBe(0);
  }, 60_000);
});
