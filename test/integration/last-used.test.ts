// "Last used" is written in batches (lib/keys/last-used.ts); a batch can hold every key a busy
// server saw between two flushes, tens of thousands, and must still be one statement that works.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { lastUsedWriterFrom } from "@/db/queries/key-verification";
import { apiKeys } from "@/db/schema";
import { createKey, createWorkspace } from "../support/fixtures";

describe("the last-used writer", () => {
  it("writes a batch of 40,000 keys (past PostgreSQL's 65,535 parameters at two a key) in one go", async () => {
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner);
    const at = new Date("2026-06-01T12:00:00.000Z");
    const entries = [...Array.from({ length: 39_999 }, () => ({ id: randomUUID(), at })), { id: apiKey.id, at }];
    await lastUsedWriterFrom(getDb())(entries);
    const [row] = await getDb().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.at).toEqual(at);
  });

  it("never moves a time backwards", async () => {
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner);
    const later = new Date("2026-06-02T00:00:00.000Z");
    await lastUsedWriterFrom(getDb())([{ id: apiKey.id, at: later }]);
    await lastUsedWriterFrom(getDb())([{ id: apiKey.id, at: new Date("2026-06-01T00:00:00.000Z") }]);
    const [row] = await getDb().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.at).toEqual(later);
  });
});
