// Cursor pagination over rows created within the same millisecond: PostgreSQL keeps timestamps to
// the microsecond, a JS Date (and so a cursor) to the millisecond. Walking every page must see
// every row exactly once.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAgents } from "@/db/queries/agents";
import { listApiKeysPage } from "@/db/queries/api-keys";
import { decodeCursor, type Cursor } from "@/lib/pagination";
import { createWorkspace } from "../support/fixtures";

describe("cursor pagination", () => {
  it("walks rows created microseconds apart without skipping or repeating one", async () => {
    const owner = await createWorkspace();
    // 30 agents and 30 keys in three milliseconds, 100 µs apart, as a busy server could make them.
    await getDb().execute(sql`
      insert into agents (workspace_id, name, voice, first_message, created_by_type, created_by_label, created_at)
      select ${owner.workspaceId}, 'agent ' || n, 'aria', 'Hello', 'user', 'seed', timestamptz '2026-01-01 00:00:00.000100+00' + n * interval '100 microseconds'
      from generate_series(1, 30) n`);
    await getDb().execute(sql`
      insert into api_keys (workspace_id, type, name, hash, start, "end", created_by_type, created_by_label, created_at)
      select ${owner.workspaceId}, 'private', 'key ' || n, md5(random()::text) || md5(random()::text), 'swb_sk_AAAA', 'ZZZZ', 'user', 'seed',
        timestamptz '2026-01-01 00:00:00.000100+00' + n * interval '100 microseconds'
      from generate_series(1, 30) n`);

    const walk = async (list: (cursor: Cursor | null) => Promise<{ data: { id: string }[]; nextCursor: string | null }>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const result = await list(cursor ? decodeCursor(cursor) : null);
        seen.push(...result.data.map((row) => row.id));
        cursor = result.nextCursor;
      } while (cursor);
      return seen;
    };
    const agents = await walk((cursor) => listAgents(getDb(), owner.workspaceId, { cursor, limit: 4 }));
    expect(agents).toHaveLength(30);
    expect(new Set(agents).size).toBe(30);
    const keys = await walk((cursor) => listApiKeysPage(getDb(), owner.workspaceId, { cursor, limit: 4 }));
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
  });
});
