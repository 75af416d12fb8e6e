// The audit log on a real database: append-only whoever asks, written in the transaction of the
// change it records, never holding a key's secret, and read newest first in keyset pages.
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAuditEvents, streamAuditEvents } from "@/db/queries/audit";
import { auditEvents } from "@/db/schema";
import { describeAuditEvent } from "@/lib/audit/describe";
import { hashKey } from "@/lib/keys/hash";
import { createApiKey, revokeApiKey, setApiKeyStatus } from "@/lib/services/api-keys";
import { recordFailedSignIn } from "@/lib/services/sign-in-events";
import { renameWorkspace } from "@/lib/services/workspaces";
import { actorOf, addMember, createKey, createWorkspace } from "../support/fixtures";

const eventsOf = (workspaceId: string) =>
  getDb().select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(auditEvents.id);

describe("append-only", () => {
  it.each([
    ["UPDATE", sql`update audit_events set action = 'api_key.created'`],
    ["DELETE", sql`delete from audit_events`],
    ["TRUNCATE", sql`truncate audit_events`],
  ])("refuses %s with raw SQL", async (operation, statement) => {
    await createWorkspace();
    const before = (await getDb().select({ n: count() }).from(auditEvents))[0]!.n;
    expect(before).toBeGreaterThan(0);
    await expect(getDb().execute(statement)).rejects.toMatchObject({ cause: { message: expect.stringContaining(`append-only: ${operation} is not allowed`) } });
    expect((await getDb().select({ n: count() }).from(auditEvents))[0]!.n).toBe(before);
  });
});

describe("events are part of their change", () => {
  it("records a key's life, with before and after, and never its secret or hash", async () => {
    const owner = await createWorkspace({ workspaceName: "Audited" });
    const actor = actorOf(owner);
    const { secret, apiKey } = await createKey(owner, "production-dialer");
    await setApiKeyStatus(actor, { workspaceId: owner.workspaceId, keyId: apiKey.id, status: "disabled" });
    await setApiKeyStatus(actor, { workspaceId: owner.workspaceId, keyId: apiKey.id, status: "disabled" }); // no change, no event
    await setApiKeyStatus(actor, { workspaceId: owner.workspaceId, keyId: apiKey.id, status: "active" });
    await revokeApiKey(actor, { workspaceId: owner.workspaceId, keyId: apiKey.id });
    await renameWorkspace(actor, { workspaceId: owner.workspaceId, name: "Audited Inc" });

    const events = await eventsOf(owner.workspaceId);
    expect(events.map((e) => e.action)).toEqual([
      "workspace.created",
      "api_key.created",
      "api_key.disabled",
      "api_key.enabled",
      "api_key.revoked",
      "workspace.renamed",
    ]);
    expect(events.map(describeAuditEvent)).toEqual([
      `${owner.email} created the workspace Audited`,
      `${owner.email} generated the key production-dialer`,
      `${owner.email} disabled the key production-dialer`,
      `${owner.email} enabled the key production-dialer`,
      `${owner.email} revoked the key production-dialer`,
      `${owner.email} renamed the workspace from Audited to Audited Inc`,
    ]);
    expect(events[2]).toMatchObject({ actorType: "user", actorId: owner.userId, ip: "192.0.2.1", userAgent: "vitest", metadata: { before: { status: "active" }, after: { status: "disabled" } } });
    const dump = JSON.stringify(events);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.slice(11, -4));
    expect(dump).not.toContain(hashKey(secret));
  });

  it("writes no event when the change itself fails", async () => {
    const owner = await createWorkspace();
    await createKey(owner, "taken");
    const before = (await eventsOf(owner.workspaceId)).length;
    const again = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: "TAKEN", description: null });
    expect(again).toEqual({ ok: false, reason: "name_taken" });
    expect(await eventsOf(owner.workspaceId)).toHaveLength(before);
  });

  it("records a failed sign-in to a known account in each of its workspaces", async () => {
    const owner = await createWorkspace();
    const second = await createWorkspace();
    const member = await addMember(second.workspaceId, "member");
    await getDb().execute(sql`insert into memberships (workspace_id, user_id, role) values (${owner.workspaceId}, ${member.userId}, 'viewer')`);
    await recordFailedSignIn({ id: member.userId, email: member.email }, { ip: "203.0.113.9", userAgent: "curl/8" });
    for (const workspaceId of [owner.workspaceId, second.workspaceId]) {
      const failed = (await eventsOf(workspaceId)).filter((e) => e.action === "auth.sign_in_failed");
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ actorType: "anonymous", ip: "203.0.113.9", targetId: member.userId, targetLabel: member.email });
    }
  });
});

describe("reading the log", () => {
  it("pages newest first by keyset and filters by action, actor and date", async () => {
    const owner = await createWorkspace();
    const admin = await addMember(owner.workspaceId, "admin");
    for (let i = 0; i < 60; i++) await createKey(i % 2 ? owner : admin, `paged-${i}`);
    const first = await listAuditEvents(getDb(), owner.workspaceId, {}, { limit: 50 });
    expect(first.events).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const second = await listAuditEvents(getDb(), owner.workspaceId, {}, { before: first.events.at(-1)!.id, limit: 50 });
    expect(second.hasMore).toBe(false);
    const all = [...first.events, ...second.events];
    expect(all).toHaveLength(61); // 60 keys + the workspace's creation
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));

    const byAdmin = await listAuditEvents(getDb(), owner.workspaceId, { actor: admin.email, action: "api_key.created" }, { limit: 100 });
    expect(byAdmin.events).toHaveLength(30);
    expect(byAdmin.events.every((e) => e.actorLabel === admin.email)).toBe(true);

    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await listAuditEvents(getDb(), owner.workspaceId, { from: tomorrow })).events).toHaveLength(0);
    expect((await listAuditEvents(getDb(), owner.workspaceId, { to: tomorrow }, { limit: 100 })).events).toHaveLength(61);

    const streamed = [];
    for await (const event of streamAuditEvents(getDb(), owner.workspaceId, {}, 7)) streamed.push(event.id);
    expect(streamed).toEqual(all.map((e) => e.id));
  });

  it("never shows another workspace's events", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    await createKey(a, "a-only");
    const seen = await listAuditEvents(getDb(), b.workspaceId, {}, { limit: 100 });
    expect(seen.events.every((e) => e.workspaceId === b.workspaceId)).toBe(true);
    expect(JSON.stringify(seen.events)).not.toContain("a-only");
    const counted = await getDb().select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.workspaceId, b.workspaceId)));
    expect(counted[0]!.n).toBe(1);
  });
});
