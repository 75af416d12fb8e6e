// After keys are created (and used, toggled, revoked), no table holds a key's plaintext.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { revokeApiKey as revoke, setApiKeyStatus as setStatus } from "@/lib/services/api-keys";
import { hashKey } from "@/lib/keys/hash";
import { createKey, createWorkspace } from "../support/fixtures";

const system = { type: "system", name: "test" } as const;
const revokeApiKey = (workspaceId: string, keyId: string) => revoke(system, { workspaceId, keyId });
const setApiKeyStatus = (workspaceId: string, keyId: string, status: "active" | "disabled") => setStatus(system, { workspaceId, keyId, status });

it("dumps every table and finds no key plaintext, only hashes", async () => {
  const owner = await createWorkspace();
  const keys = await Promise.all(["production", "staging", "zapier-integration"].map((name) => createKey(owner, name)));
  await setApiKeyStatus(owner.workspaceId, keys[1]!.apiKey.id, "disabled");
  await revokeApiKey(owner.workspaceId, keys[2]!.apiKey.id);

  const db = getDb();
  const tables = await db.execute<{ schema: string; name: string }>(sql`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["api_keys", "users", "workspaces"]));

  let dump = "";
  for (const { schema, name } of tables) {
    const rows = await db.execute(sql.raw(`select row_to_json(t)::text as row from "${schema}"."${name}" t`));
    dump += rows.map((r) => r.row).join("\n");
  }
  for (const { secret } of keys) {
    expect(dump).not.toContain(secret);
    // Not even the random middle that the masked form hides.
    expect(dump).not.toContain(secret.slice(11, -4));
    expect(dump).toContain(hashKey(secret));
  }
});
