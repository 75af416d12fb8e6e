// Editing, rolling and sweeping keys on a real database: each change is audited with before
// and after, reaches the verification cache at once, and keeps the rules of the key's type.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findApiKey } from "@/db/queries/api-keys";
import { auditEvents, apiKeys, workspaces } from "@/db/schema";
import { getKeyCache } from "@/lib/keys/cache";
import { hashKey } from "@/lib/keys/hash";
import { SCOPE_PRESETS } from "@/lib/keys/scopes";
import { createAgent, deleteAgent, updateAgent } from "@/lib/services/agents";
import { createApiKey, rollApiKey, updateApiKey } from "@/lib/services/api-keys";
import { disableUnusedKeys, setUnusedKeyPolicy } from "@/lib/services/key-hygiene";
import { actorOf, createKey, createWorkspace } from "../support/fixtures";

const events = (workspaceId: string, action: string) =>
  getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.action, action))).orderBy(auditEvents.id);

describe("updating a key's policy", () => {
  it("records before and after, and evicts the key from the cache", async () => {
    const owner = await createWorkspace();
    const { secret, apiKey } = await createKey(owner, "editable");
    getKeyCache().setIfUnchanged(hashKey(secret), null, getKeyCache().currentGeneration());
    const result = await updateApiKey(actorOf(owner), {
      workspaceId: owner.workspaceId,
      keyId: apiKey.id,
      changes: { permissions: SCOPE_PRESETS.read_only, allowedIps: ["198.51.100.0/24"], description: "now read-only" },
    });
    expect(result.ok).toBe(true);
    expect(getKeyCache().get(hashKey(secret))).toBeUndefined();
    const [event] = await events(owner.workspaceId, "api_key.updated");
    expect(event!.metadata).toEqual({
      before: { permissions: SCOPE_PRESETS.full_access, allowedIps: [], description: null },
      after: { permissions: SCOPE_PRESETS.read_only, allowedIps: ["198.51.100.0/24"], description: "now read-only" },
    });
  });

  it("keeps each type's rules, and records nothing when nothing changes", async () => {
    const owner = await createWorkspace();
    const privateKey = await createKey(owner);
    const publicKey = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "public", name: "web", description: null, policy: { allowedOrigins: ["https://a.example.com"] } });
    if (!publicKey.ok) throw new Error(publicKey.reason);
    const update = (keyId: string, changes: Parameters<typeof updateApiKey>[1]["changes"]) => updateApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId, changes });
    expect(await update(privateKey.apiKey.id, { allowedOrigins: ["https://a.example.com"] })).toEqual({ ok: false, reason: "origins_on_private" });
    expect(await update(publicKey.created.apiKey.id, { allowedOrigins: [] })).toEqual({ ok: false, reason: "origins_required" });
    expect(await update(publicKey.created.apiKey.id, { allowedIps: ["10.0.0.1"] })).toEqual({ ok: false, reason: "ips_on_public" });
    expect(await update(privateKey.apiKey.id, { allowedAgents: ["00000000-0000-4000-8000-000000000000"] })).toEqual({ ok: false, reason: "unknown_agents" });
    expect((await update(privateKey.apiKey.id, { name: privateKey.apiKey.name })).ok).toBe(true);
    expect(await events(owner.workspaceId, "api_key.updated")).toHaveLength(0);
  });
});

describe("rolling a key", () => {
  it("makes a successor with the same settings and name; the old one is renamed and stops after the grace", async () => {
    const owner = await createWorkspace();
    const agent = await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "A", description: null, voice: "aria", firstMessage: "Hi" });
    const old = await createApiKey(actorOf(owner), {
      workspaceId: owner.workspaceId,
      type: "private",
      name: "production",
      description: "main app",
      policy: { permissions: SCOPE_PRESETS.read_only, allowedAgents: [agent.id], allowedIps: ["203.0.113.0/24"] },
    });
    if (!old.ok) throw new Error(old.reason);
    const rolled = await rollApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: old.created.apiKey.id, graceSeconds: 3600 });
    if (!rolled.ok) throw new Error(rolled.reason);
    expect(rolled.created.secret).not.toBe(old.created.secret);
    expect(rolled.created.apiKey).toMatchObject({ name: "production", description: "main app", permissions: SCOPE_PRESETS.read_only, allowedAgents: [agent.id], allowedIps: ["203.0.113.0/24"] });
    const oldRow = await findApiKey(getDb(), owner.workspaceId, old.created.apiKey.id);
    expect(oldRow).toMatchObject({ name: "production (rolled)", rolledToId: rolled.created.apiKey.id });
    expect(Math.abs(oldRow!.expiresAt!.getTime() - (Date.now() + 3600_000))).toBeLessThan(10_000);
    const [event] = await events(owner.workspaceId, "api_key.rolled");
    expect(event!.metadata).toMatchObject({ oldKeyId: old.created.apiKey.id, newKeyId: rolled.created.apiKey.id, newKeyName: "production", oldKeyName: "production (rolled)", graceSeconds: 3600 });
    expect(await rollApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: old.created.apiKey.id, graceSeconds: 0 })).toEqual({ ok: false, reason: "already_rolled" });
  });

  it("with no grace, revokes the old key at once", async () => {
    const owner = await createWorkspace();
    const { apiKey } = await createKey(owner, "now");
    const rolled = await rollApiKey(actorOf(owner), { workspaceId: owner.workspaceId, keyId: apiKey.id, graceSeconds: 0 });
    expect(rolled.ok).toBe(true);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.revokedAt).toBeInstanceOf(Date);
  });
});

describe("key hygiene", () => {
  it("disables only keys unused for longer than the workspace's setting, as the system, once", async () => {
    const owner = await createWorkspace();
    const other = await createWorkspace();
    const stale = await createKey(owner, "stale");
    const fresh = await createKey(owner, "fresh");
    const elsewhere = await createKey(other, "stale-elsewhere");
    await getDb().execute(sql`update api_keys set created_at = now() - interval '40 days' where id in (${stale.apiKey.id}, ${fresh.apiKey.id}, ${elsewhere.apiKey.id})`);
    await getDb().execute(sql`update api_keys set last_used_at = now() - interval '1 day' where id = ${fresh.apiKey.id}`);
    expect(await setUnusedKeyPolicy(actorOf(owner), { workspaceId: owner.workspaceId, days: 30 })).toBe(true);
    await disableUnusedKeys();
    await disableUnusedKeys();
    const status = async (id: string) => (await getDb().select({ status: apiKeys.status }).from(apiKeys).where(eq(apiKeys.id, id)))[0]!.status;
    expect(await status(stale.apiKey.id)).toBe("disabled");
    expect(await status(fresh.apiKey.id)).toBe("active");
    expect(await status(elsewhere.apiKey.id)).toBe("active"); // its workspace did not ask
    const disabled = await events(owner.workspaceId, "api_key.disabled");
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toMatchObject({ actorType: "system", actorLabel: "Key hygiene (unused for 30 days)", targetId: stale.apiKey.id });
    expect((await getDb().select({ days: workspaces.disableUnusedKeysAfterDays }).from(workspaces).where(eq(workspaces.id, owner.workspaceId)))[0]!.days).toBe(30);
  });
});

describe("agents", () => {
  it("are created, edited and deleted with an audit event each, scoped to their workspace", async () => {
    const owner = await createWorkspace();
    const stranger = await createWorkspace();
    const agent = await createAgent(actorOf(owner), { workspaceId: owner.workspaceId, name: "Aria", description: null, voice: "aria", firstMessage: "Hello" });
    expect(await updateAgent(actorOf(stranger), { workspaceId: stranger.workspaceId, agentId: agent.id, changes: { name: "Stolen" } })).toBeNull();
    expect(await deleteAgent(actorOf(stranger), { workspaceId: stranger.workspaceId, agentId: agent.id })).toBe(false);
    const edited = await updateAgent(actorOf(owner), { workspaceId: owner.workspaceId, agentId: agent.id, changes: { name: "Aria 2", voice: "aria" } });
    expect(edited?.name).toBe("Aria 2");
    expect(await deleteAgent(actorOf(owner), { workspaceId: owner.workspaceId, agentId: agent.id })).toBe(true);
    const trail = await getDb().select().from(auditEvents).where(and(eq(auditEvents.workspaceId, owner.workspaceId), eq(auditEvents.targetId, agent.id))).orderBy(auditEvents.id);
    expect(trail.map((e) => e.action)).toEqual(["agent.created", "agent.updated", "agent.deleted"]);
    expect(trail[1]!.metadata).toEqual({ before: { name: "Aria" }, after: { name: "Aria 2" } });
  });
});
