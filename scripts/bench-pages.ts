// `npm run bench:pages`: how the dashboard's pages hold up in a big workspace (README "Lists").
// Seeds one workspace with 10,000 keys, 10,000 calls, 200 members and 100,000 audit events (and
// 1,000,000 hourly usage rows over 30 days for the 1,100 newest keys), starts the real server (server.ts, production
// build) on a throwaway embedded PostgreSQL, signs in as its owner over HTTP, and requests each
// page of PAGES one after another: the median of BENCH_PAGE_REQUESTS requests (7) of the server
// time (request sent to the full HTML received) and the HTML's size. Figures, not pass or fail.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, getDb, type Database } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { setResolvedEnv } from "@/lib/env";
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from "../e2e/support";
import { seedUsageRows } from "./seed-usage";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54369);
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 7);

const KEYS = 10_000;
const CALLS = 10_000;
const MEMBERS = 200;
const AUDIT_EVENTS = 100_000;
const USAGE_ROWS = 1_000_000;

type Workspace = { workspaceId: string; userId: string; email: string; agentId: string; needle: string; busyKeyId: string };

/** The pages measured, in order. Another page is one more line here. */
const PAGES = (w: Workspace): { label: string; path: string }[] => [
  { label: "API Keys", path: "/settings/api-keys" },
  { label: "API Keys, search for one name", path: `/settings/api-keys?q=${w.needle}` },
  { label: "API Keys, filter: disabled", path: "/settings/api-keys?status=disabled" },
  { label: "API Keys, filter: unused 30+ days, by name", path: "/settings/api-keys?unused=1&sort=name&dir=asc" },
  { label: "API Keys, 100 a page", path: "/settings/api-keys?limit=100" },
  { label: "Usage (24 hours)", path: "/settings/usage" },
  { label: "Usage, 7 days", path: "/settings/usage?range=7d" },
  { label: "Usage, 30 days", path: "/settings/usage?range=30d" },
  { label: "A key's page, usage over 30 days", path: `/settings/api-keys/${w.busyKeyId}?range=30d` },
  { label: "Calls", path: "/calls" },
  { label: "Calls, filter: agent and completed", path: `/calls?agent=${w.agentId}&status=completed` },
  { label: "Agents", path: "/agents" },
  { label: "Members", path: "/settings/members" },
  { label: "Audit log", path: "/settings/audit-log" },
  { label: "Audit log, filter: one action", path: "/settings/audit-log?action=api_key.revoked" },
];

async function seedWorkspace(db: Database): Promise<Workspace> {
  const { signUp } = await import("@/lib/services/accounts");
  const email = `bench-pages-${Date.now()}@example.com`;
  const user = await signUp({ name: "Bench", email, passwordHash: TEST_PASSWORD_HASH, workspaceName: "Bench pages" }, { ip: null, userAgent: null });
  if (!user.ok || !user.workspaceId) throw new Error("could not create the bench workspace");
  const { workspaceId, userId } = user;
  const needle = `needle-${randomBytes(4).toString("hex")}`;

  // Keys: every tenth disabled, every fourth public, a third never used, some expiring soon.
  await db.execute(sql`
    insert into api_keys (workspace_id, type, name, hash, start, "end", status, created_by_type, created_by_user_id, created_by_label, created_at, last_used_at, expires_at)
    select ${workspaceId}, case when n % 4 = 0 then 'public'::api_key_type else 'private'::api_key_type end,
      case when n = ${Math.floor(KEYS / 2)} then ${needle} else 'key-' || lpad(n::text, 6, '0') end,
      md5(random()::text) || md5(random()::text), 'swb_sk_AAAA', 'ZZZZ',
      case when n % 10 = 0 then 'disabled'::api_key_status else 'active'::api_key_status end, 'user', ${userId}, ${email},
      now() - make_interval(mins => ${KEYS} - n), case when n % 3 = 0 then null else now() - make_interval(hours => n % 2000) end,
      case when n % 50 = 0 then now() + make_interval(days => n % 14) else null end
    from generate_series(1, ${KEYS}) n`);

  const [agent] = (await db.execute(sql`
    insert into agents (workspace_id, name, voice, first_message, created_by_type, created_by_label)
    values (${workspaceId}, 'Bench agent', 'aria', 'Hello', 'user', ${email}) returning id`)) as unknown as { id: string }[];
  // Calls: half by the saved agent, half by an inline one, all completed.
  await db.execute(sql`
    insert into calls (workspace_id, agent_id, transient_agent, to_number, metadata, created_at, ringing_at, answered_at, ended_at, api_key_name)
    select ${workspaceId}, case when n % 2 = 0 then ${agent!.id}::uuid end,
      case when n % 2 = 1 then '{"name": "Survey bot", "voice": "aria", "first_message": "Hi"}'::jsonb end,
      '+1415' || lpad(n::text, 7, '0'), jsonb_build_object('order', n), now() - make_interval(secs => n * 30),
      now() - make_interval(secs => n * 30 - 2), now() - make_interval(secs => n * 30 - 6), now() - make_interval(secs => n * 30 - 60), 'key-000001'
    from generate_series(1, ${CALLS}) n`);

  await db.execute(sql`
    with people as (
      insert into users (name, email, password_hash)
      select 'Member ' || n, 'member-' || n || '-' || ${randomBytes(3).toString("hex")} || '@example.com', ${TEST_PASSWORD_HASH}
      from generate_series(1, ${MEMBERS - 1}) n returning id)
    insert into memberships (workspace_id, user_id, role) select ${workspaceId}, id, 'member' from people`);

  const actions = ["api_key.created", "api_key.disabled", "api_key.enabled", "api_key.revoked", "member.role_changed"];
  await db.execute(sql`
    insert into audit_events (workspace_id, occurred_at, actor_type, actor_label, action, target_type, target_label, metadata)
    select ${workspaceId}, now() - make_interval(secs => ${AUDIT_EVENTS} - n), 'user', 'user' || (n % 20) || '@example.com',
      (${sql.raw(`array['${actions.join("','")}']`)})[1 + n % 5], 'api_key', 'key-' || n, '{}'::jsonb
    from generate_series(1, ${AUDIT_EVENTS}) n`);

  const busyKeyId = await seedUsage(db, workspaceId);
  await db.execute(sql`analyze`);
  return { workspaceId, userId, email, agentId: agent!.id, needle, busyKeyId };
}

/** 1,000,000 usage rows for the 1,100 newest keys (the first pages of the key list); returns the busiest key. */
async function seedUsage(db: Database, workspaceId: string): Promise<string> {
  const keys = (await db.execute(sql`select id from api_keys where workspace_id = ${workspaceId} order by created_at desc, id desc limit 1100`)) as unknown as { id: string }[];
  const rows = await seedUsageRows(db, workspaceId, keys.map((key) => key.id), USAGE_ROWS);
  console.log(`  ${rows.toLocaleString("en")} usage rows`);
  return keys[0]!.id;
}

/** Signs in through Auth.js's own endpoint, as the sign-in form does; returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      cookies.set(name!, value.join("="));
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: TEST_PASSWORD, callbackUrl: "/" }),
  });
  keep(signedIn);
  if (![...cookies.keys()].some((name) => name.endsWith("authjs.session-token"))) throw new Error(`sign-in failed (${signedIn.status})`);
  return header();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One page: a warm-up request, then REQUESTS timed ones, one after another. */
async function measure(base: string, cookie: string, pagePath: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${pagePath}: ${response.status}`);
    if (i > 0) times.push(performance.now() - started);
    bytes = body.byteLength;
  }
  return { ms: median(times), kib: bytes / 1024 };
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-bench-pages-"));
  const database = await startEmbeddedPostgres({ dataDir, port: POSTGRES_PORT });
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await applyMigrations(database.url);
    setResolvedEnv({ DATABASE_URL: database.url });
    const seedStarted = performance.now();
    const workspace = await seedWorkspace(getDb());
    console.log(`Seeded ${KEYS.toLocaleString("en")} keys, ${CALLS.toLocaleString("en")} calls, ${MEMBERS} members and ${AUDIT_EVENTS.toLocaleString("en")} audit events in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    await closeDb();

    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_URL: database.url, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready on") && resolve());
      server!.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signIn(base, workspace.email);

    console.log(`\nPages (production server, median of ${REQUESTS} requests one at a time, after one warm-up):`);
    console.log(`  ${"page".padEnd(46)} ${"server time".padStart(12)} ${"HTML".padStart(10)}`);
    for (const { label, path: pagePath } of PAGES(workspace)) {
      const { ms, kib } = await measure(base, cookie, pagePath);
      console.log(`  ${label.padEnd(46)} ${`${ms.toFixed(0)} ms`.padStart(12)} ${`${kib.toFixed(0)} KiB`.padStart(10)}`);
    }
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
