// 200 toggles, revokes and rolls of the same few keys, all at once, through the API (over HTTP)
// and through the services the dashboard's actions call: the keys end in a consistent state,
// each effective change has exactly one audit event, and a no-op (a key disabled twice, a key
// rolled or revoked again) has none. The audit log of each key, replayed in order from its
// creation, must reach exactly the key's final row.
import { randomInt } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { createApiKey, revokeApiKey, rollApiKey, setApiKeyStatus } from "@/lib/services/api-keys";
import { startApiServer, type ApiResponse } from "../support/api-server";
import { actorOf, createKey, createWorkspace, type TestUser } from "../support/fixtures";

const OPERATIONS = 200;
const TARGETS = 6;

let api: Awaited<ReturnType<typeof startApiServer>>;
let owner: TestUser;
let admin: string;

beforeAll(async () => {
  api = await startApiServer({ rateLimiter: null });
  owner = await createWorkspace({ workspaceName: "Concurrent changes" });
  const created = await createApiKey(actorOf(owner), { workspaceId: owner.workspaceId, type: "private", name: "admin", description: null, policy: { rateLimit: null } });
  if (!created.ok) throw new Error("fixture: no admin key");
  admin = created.created.secret;
});

afterAll(async () => {
  await api.close();
});

type Operation = "disable" | "enable" | "revoke" | "roll";
type State = { status: "active" | "disabled"; revoked: boolean; rolled: boolean };

/** One change, through the API or the services, and whether it reports having taken effect (null: it cannot say). */
async function perform(operation: Operation, keyId: string, via: "api" | "dashboard"): Promise<{ effective: boolean | null; status: number }> {
  if (via === "dashboard") {
    const target = { workspaceId: owner.workspaceId, keyId };
    switch (operation) {
      case "disable":
      case "enable":
        return { effective: null, status: (await setApiKeyStatus(actorOf(owner), { ...target, status: operation === "enable" ? "active" : "disabled" })) ? 200 : 404 };
      case "revoke":
        return { effective: null, status: (await revokeApiKey(actorOf(owner), target)) ? 200 : 404 };
      case "roll": {
        const rolled = await rollApiKey(actorOf(owner), { ...target, graceSeconds: 3600 });
        return { effective: rolled.ok, status: rolled.ok ? 200 : 409 };
      }
    }
  }
  let response: ApiResponse;
  switch (operation) {
    case "disable":
    case "enable":
      response = await api.send(admin, { method: "PATCH", path: `/api/v1/api-keys/${keyId}`, body: { status: operation === "enable" ? "active" : "disabled" } });
      break;
    case "revoke":
      response = await api.send(admin, { method: "DELETE", path: `/api/v1/api-keys/${keyId}` });
      break;
    case "roll":
      response = await api.send(admin, { method: "POST", path: `/api/v1/api-keys/${keyId}/roll`, body: { grace_period_seconds: 3600 } });
      break;
  }
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
  return { effective: operation === "roll" ? response.status === 201 : null, status: response.status };
}

describe(`${OPERATIONS} concurrent changes to ${TARGETS} keys`, () => {
  it("end consistent, with one audit event per effective change and none for a no-op", async () => {
    const targets = await Promise.all(Array.from({ length: TARGETS }, (_, i) => createKey(owner, `target-${i}`)));
    const ids = targets.map((t) => t.apiKey.id);
    // Mostly toggles, so that many take effect before a revoke ends a key's story.
    const mix: Operation[] = [...Array<Operation>(10).fill("disable"), ...Array<Operation>(10).fill("enable"), "roll", "roll", "roll", "revoke"];
    const plan = Array.from({ length: OPERATIONS }, (_, i) => ({
      operation: mix[randomInt(mix.length)]!,
      keyId: ids[randomInt(ids.length)]!,
      via: i % 3 === 0 ? ("dashboard" as const) : ("api" as const),
    }));
    const results = await Promise.all(plan.map((step) => perform(step.operation, step.keyId, step.via)));

    // Every answer is a success or a refusal that says why (gone, already rolled), never an error.
    for (const [i, result] of results.entries()) expect([200, 201, 204, 404, 409], `${plan[i]!.operation} via ${plan[i]!.via}`).toContain(result.status);

    // Replay each key's events in the order they were written (the identity column is assigned
    // under the row lock, so it follows the order of the changes).
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.workspaceId, owner.workspaceId)).orderBy(asc(auditEvents.id));
    const rows = await getDb().select().from(apiKeys).where(eq(apiKeys.workspaceId, owner.workspaceId));
    const states = new Map<string, State>(ids.map((id) => [id, { status: "active", revoked: false, rolled: false }]));
    const successors = new Set<string>();
    let checked = 0;
    for (const event of events) {
      if (!event.targetId || !states.has(event.targetId)) continue;
      if (event.action === "api_key.created") continue; // before the storm
      const state = states.get(event.targetId)!;
      checked++;
      const where = `event ${event.id} (${event.action}) on ${event.targetLabel}`;
      expect(state.revoked, `${where}: after the key was revoked`).toBe(false);
      switch (event.action) {
        case "api_key.disabled":
          expect(state.status, `${where}: a no-op recorded`).toBe("active");
          state.status = "disabled";
          break;
        case "api_key.enabled":
          expect(state.status, `${where}: a no-op recorded`).toBe("disabled");
          state.status = "active";
          break;
        case "api_key.revoked":
          state.revoked = true;
          break;
        case "api_key.rolled": {
          expect(state.rolled, `${where}: rolled twice`).toBe(false);
          state.rolled = true;
          const successor = (event.metadata as { newKeyId: string }).newKeyId;
          successors.add(successor);
          break;
        }
        default:
          throw new Error(`${where}: unexpected`);
      }
    }
    for (const id of ids) {
      const row = rows.find((r) => r.id === id)!;
      const state = states.get(id)!;
      expect({ status: row.status, revoked: row.revokedAt !== null, rolled: row.rolledToId !== null }, `key ${row.name}`).toEqual(state);
    }

    // Every successor a roll made exists, and every key in the workspace has its creation on record.
    const keyIds = new Set(rows.map((r) => r.id));
    for (const successor of successors) expect(keyIds.has(successor)).toBe(true);
    const created = new Set(events.filter((e) => e.action === "api_key.created").map((e) => e.targetId));
    for (const row of rows) expect(created.has(row.id) || successors.has(row.id), `key ${row.name} has no creation event`).toBe(true);
    expect(rows.length).toBe(1 + TARGETS + successors.size);

    // The answers agree with the log: each roll that said it rolled is one event, and so on.
    const rolledAnswers = results.filter((r, i) => plan[i]!.operation === "roll" && r.effective).length;
    expect(events.filter((e) => e.action === "api_key.rolled").length).toBe(rolledAnswers);
    const revokedAnswers = results.filter((r, i) => plan[i]!.operation === "revoke" && r.status < 300).length;
    expect(events.filter((e) => e.action === "api_key.revoked").length).toBe(revokedAnswers);

    // And the key check agrees with the rows: a key works exactly when it is active and not revoked.
    const secrets = new Map(targets.map((t) => [t.apiKey.id, t.secret]));
    for (const id of ids) {
      const state = states.get(id)!;
      const me = await api.send(secrets.get(id)!, { path: "/api/v1/me" });
      expect(me.status, `key ${id} ${JSON.stringify(state)}`).toBe(state.status === "active" && !state.revoked ? 200 : 401);
    }
    console.info(`concurrent changes: ${OPERATIONS} operations on ${TARGETS} keys, ${checked} effective changes (one event each), ${events.length} events checked, ${OPERATIONS - checked} no-ops or refusals without one`);
    expect(await getDb().select().from(apiKeys).where(inArray(apiKeys.id, [...successors]))).toHaveLength(successors.size);
  }, 60_000);
});
