// The dashboard's lists (README "Lists"): keyset pages with ties cover every row exactly once in
// both directions, each filter and the search find what they should, the sort orders hold, the
// count and positions are right, and a query string that cannot be read is the default list.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAgentPage } from "@/db/queries/agents";
import { listApiKeyPage } from "@/db/queries/api-key-list";
import { listAuditPage } from "@/db/queries/audit";
import { listCallPage } from "@/db/queries/calls";
import { listMemberPage } from "@/db/queries/members";
import { parseApiKeyListQuery, type ApiKeyListQuery } from "@/lib/lists/api-keys";
import { parseAgentListQuery } from "@/lib/lists/agents";
import { parseMemberListQuery } from "@/lib/lists/members";
import { parseNewestFirstPage } from "@/lib/lists/pages";
import { addMember, createWorkspace, type TestUser } from "../support/fixtures";

type Page<T> = { rows: T[]; total: number; from: number; to: number; next: string | null; previous: string | null };

/** Every page forwards from the first, then every page back from the last; checks the positions. */
async function walk<T extends { id: string | number }>(list: (page: { cursor?: string; before?: string }) => Promise<Page<T>>) {
  const forward: T[][] = [];
  let page = await list({});
  expect(page.previous).toBeNull();
  for (;;) {
    expect(page.from).toBe(forward.flat().length + (page.rows.length ? 1 : 0));
    expect(page.to).toBe(forward.flat().length + page.rows.length);
    forward.push(page.rows);
    if (!page.next) break;
    page = await list({ cursor: page.next });
  }
  const backward: T[][] = [page.rows];
  while (page.previous) {
    page = await list({ before: page.previous });
    backward.unshift(page.rows);
  }
  expect(page.from).toBe(page.rows.length ? 1 : 0);
  const ids = (pages: T[][]) => pages.flat().map((row) => String(row.id));
  expect(ids(backward)).toEqual(ids(forward));
  return { rows: forward.flat(), total: page.total };
}

const keys = (workspaceId: string, query: Record<string, string> = {}) => (page: { cursor?: string; before?: string }) =>
  listApiKeyPage(getDb(), workspaceId, parseApiKeyListQuery({ ...query, ...page }), NOW);

const NOW = new Date("2026-06-01T12:00:00Z");
const NOW_TEXT = NOW.toISOString();
let owner: TestUser;

beforeAll(async () => {
  owner = await createWorkspace();
  // 57 keys: created in groups of five within the same instant (ties), a third never used, the
  // rest used in groups of seven at the same microsecond; some disabled, public, expiring, revoked.
  await getDb().execute(sql`
    insert into api_keys (workspace_id, type, name, hash, start, "end", status, created_by_type, created_by_label, created_at, last_used_at, expires_at, revoked_at)
    select ${owner.workspaceId}, case when n % 4 = 0 then 'public'::api_key_type else 'private'::api_key_type end,
      'key ' || lpad(n::text, 2, '0') || case when n = 13 then ' 100%_off' else '' end,
      md5(random()::text) || md5(random()::text), 'swb_sk_AAAA', 'ZZZZ',
      case when n % 5 = 0 then 'disabled'::api_key_status else 'active'::api_key_status end, 'user', 'seed',
      ${NOW_TEXT}::timestamptz - interval '100 days' + (n / 5) * interval '1 day',
      case when n % 3 = 0 then null else ${NOW_TEXT}::timestamptz - (n / 7) * interval '10 days' + interval '0.000001 seconds' end,
      case when n % 11 = 0 then ${NOW_TEXT}::timestamptz + interval '3 days' when n % 13 = 0 then ${NOW_TEXT}::timestamptz + interval '30 days' else null end,
      case when n in (2, 40) then ${NOW_TEXT}::timestamptz else null end
    from generate_series(1, 57) n`);
});

describe("the key list", () => {
  it.each([
    ["created", "desc"],
    ["created", "asc"],
    ["last_used", "desc"],
    ["last_used", "asc"],
    ["name", "asc"],
    ["name", "desc"],
  ])("pages sorted by %s %s cover every live key exactly once, in order, both ways", async (sort, dir) => {
    for (const limit of ["20", "50"]) {
      const { rows, total } = await walk(keys(owner.workspaceId, { sort, dir, limit }));
      expect(total).toBe(55);
      expect(rows).toHaveLength(55);
      expect(new Set(rows.map((row) => row.id)).size).toBe(55);
      const keyOf = (row: (typeof rows)[number]) =>
        sort === "created" ? row.createdAt.getTime() : sort === "last_used" ? (row.lastUsedAt?.getTime() ?? -Infinity) : row.name.toLowerCase();
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [keyOf(rows[i - 1]!), keyOf(rows[i]!)];
        if (a !== b) expect(dir === "desc" ? a > b : a < b, `${rows[i - 1]!.name} before ${rows[i]!.name}`).toBe(true);
        else expect(dir === "desc" ? rows[i - 1]!.id > rows[i]!.id : rows[i - 1]!.id < rows[i]!.id).toBe(true);
      }
    }
  });

  it.each<[string, Record<string, string>, (n: number) => boolean]>([
    ["status active", { status: "active" }, (n) => n % 5 !== 0 && n !== 2 && n !== 40],
    ["status disabled", { status: "disabled" }, (n) => n % 5 === 0 && n !== 40],
    ["status revoked", { status: "revoked" }, (n) => n === 2 || n === 40],
    ["type public", { type: "public" }, (n) => n % 4 === 0 && n !== 40],
    ["type private", { type: "private" }, (n) => n % 4 !== 0 && n !== 2],
    ["expiring soon", { expiring: "1" }, (n) => n % 11 === 0],
    // Unused 30+ days: never used and created over 30 days ago, or last used over 30 days ago.
    ["unused 30+ days", { unused: "1" }, (n) => n !== 2 && n !== 40 && (n % 3 === 0 ? 100 - Math.floor(n / 5) > 30 : Math.floor(n / 7) * 10 > 30)],
    ["search by name, case-insensitive", { q: "KEY 1" }, (n) => n >= 10 && n <= 19],
    ["search with LIKE wildcards, literally", { q: "100%_" }, (n) => n === 13],
    ["filters together", { status: "active", type: "public", unused: "1" }, (n) => n % 4 === 0 && n % 5 !== 0 && n !== 40 && (n % 3 === 0 || Math.floor(n / 7) * 10 > 30)],
  ])("%s finds exactly its keys, counted", async (_, query, expected) => {
    const { rows, total } = await walk(keys(owner.workspaceId, { ...query, limit: "20" }));
    const want = Array.from({ length: 57 }, (_, i) => i + 1)
      .filter(expected)
      .map((n) => `key ${String(n).padStart(2, "0")}${n === 13 ? " 100%_off" : ""}`)
      .sort();
    expect(rows.map((row) => row.name).sort()).toEqual(want);
    expect(total).toBe(want.length);
  });

  it("shows another workspace nothing", async () => {
    const other = await createWorkspace();
    const page = await keys(other.workspaceId)({});
    expect(page).toMatchObject({ rows: [], total: 0, from: 0, to: 0, next: null, previous: null });
  });

  it("reads a query string that cannot be read as the default list, never an error", () => {
    const defaults: ApiKeyListQuery = { q: undefined, status: undefined, type: undefined, expiring: false, unused: false, sort: "created", dir: "desc", limit: 20, cursor: undefined, before: undefined };
    expect(parseApiKeyListQuery({})).toEqual(defaults);
    expect(parseApiKeyListQuery({ status: "deleted", type: "secret", sort: "hash", dir: "up", limit: "1000", expiring: "yes", q: "x".repeat(500) })).toEqual(defaults);
    expect(parseApiKeyListQuery({ q: "a\u0000b", limit: "-5", status: ["active", "disabled"] })).toMatchObject({ q: undefined, limit: 20, status: "active" });
    expect(parseApiKeyListQuery({ order: "name.asc", limit: "50", q: "  prod " })).toMatchObject({ sort: "name", dir: "asc", limit: 50, q: "prod" });
  });

  it("starts over from the first page when the cursor is not one of ours", async () => {
    const cursorOf = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString("base64url");
    const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    for (const cursor of ["not-a-cursor", cursorOf("x", "y"), cursorOf("not a time", id), cursorOf("2026-01-01 00:00:00+00", "1")]) {
      expect((await keys(owner.workspaceId)({ cursor })).from).toBe(1);
      expect((await keys(owner.workspaceId)({ before: cursor })).from).toBe(1);
    }
    // Past the last key (it was revoked since the link was made): the first page, not an empty one.
    const last = await keys(owner.workspaceId, { sort: "created", dir: "asc" })({ cursor: cursorOf("2100-01-01 00:00:00+00", id) });
    expect(last).toMatchObject({ from: 1, to: 20, total: 55 });
    // An edited time of the right form is still a time: the page after it.
    expect((await keys(owner.workspaceId, { sort: "created", dir: "asc" })({ cursor: cursorOf("2000-01-01 00:00:00+00", id) })).from).toBe(1);
  });
});

describe("the other lists", () => {
  it("agents: searched by name, sorted by name, every page once", async () => {
    await getDb().execute(sql`
      insert into agents (workspace_id, name, voice, first_message, created_by_type, created_by_label, created_at)
      select ${owner.workspaceId}, 'agent ' || lpad(n::text, 2, '0'), 'aria', 'Hello', 'user', 'seed', ${NOW_TEXT}::timestamptz - (n / 4) * interval '1 hour'
      from generate_series(1, 45) n`);
    const all = await walk((page) => listAgentPage(getDb(), owner.workspaceId, parseAgentListQuery({ ...page })));
    expect(all.total).toBe(45);
    const byName = await walk((page) => listAgentPage(getDb(), owner.workspaceId, parseAgentListQuery({ sort: "name", dir: "asc", ...page })));
    expect(byName.rows.map((row) => row.name)).toEqual([...byName.rows.map((row) => row.name)].sort());
    const found = await listAgentPage(getDb(), owner.workspaceId, parseAgentListQuery({ q: "AGENT 4" }));
    expect(found.total).toBe(6);
  });

  it("calls: newest first, filtered by status, every page once", async () => {
    await getDb().execute(sql`
      insert into calls (workspace_id, to_number, created_at, ringing_at, answered_at, ended_at)
      select ${owner.workspaceId}, '+1415555' || lpad(n::text, 4, '0'), now() - (n / 3) * interval '1 minute',
        now() - interval '1 hour', now() - interval '1 hour', case when n % 2 = 0 then now() + interval '1 hour' else now() - interval '1 minute' end
      from generate_series(1, 44) n`);
    const all = await walk((page) => listCallPage(getDb(), owner.workspaceId, parseNewestFirstPage({ ...page })));
    expect(all.total).toBe(44);
    const live = await walk((page) => listCallPage(getDb(), owner.workspaceId, { status: "in_progress", ...parseNewestFirstPage({ ...page }) }));
    expect(live.total).toBe(22);
  });

  it("members: searched by email, filtered by role, every page once", async () => {
    for (let i = 0; i < 24; i++) await addMember(owner.workspaceId, i % 3 === 0 ? "viewer" : "member");
    const all = await walk((page) => listMemberPage(getDb(), owner.workspaceId, parseMemberListQuery({ ...page })));
    expect(all.total).toBe(25);
    const viewers = await walk((page) => listMemberPage(getDb(), owner.workspaceId, parseMemberListQuery({ role: "viewer", ...page })));
    expect(viewers.total).toBe(8);
    // Their emails start with their role (test/support/fixtures.ts).
    const found = await listMemberPage(getDb(), owner.workspaceId, parseMemberListQuery({ q: "VIEWER-" }));
    expect(found.total).toBe(8);
    const byName = await walk((page) => listMemberPage(getDb(), owner.workspaceId, parseMemberListQuery({ sort: "name", dir: "desc", limit: "50", ...page })));
    expect(byName.rows).toHaveLength(25);
  });

  it("audit log: every event once, newest first, filtered", async () => {
    const all = await walk((page) => listAuditPage(getDb(), owner.workspaceId, {}, parseNewestFirstPage({ ...page })));
    expect(all.total).toBeGreaterThan(0);
    expect(all.rows.map((row) => row.id)).toEqual([...all.rows.map((row) => row.id)].sort((a, b) => b - a));
    const joined = await listAuditPage(getDb(), owner.workspaceId, { action: "member.joined" }, parseNewestFirstPage({}));
    expect(joined.total).toBe(0);
  });
});
