// The server and its embedded PostgreSQL SIGKILLed together while keys are being created,
// toggled, rolled and revoked through the API and the dashboard's server actions, on a server of
// this test's own. After each restart (the database recovering from its own SIGKILL):
// - every key has exactly one record of its creation (api_key.created, or the roll that made it)
//   and every such record its key: no half-created key;
// - each key's audit events, replayed in order, reach exactly its row: every committed change
//   has exactly one event, and no event stands for a change that did not commit;
// - every change a client was told about (a 2xx, an action's ok) is there.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { displayParts, generateKey } from "../../lib/keys/format";
import { hashKey } from "../../lib/keys/hash";
import { callAction, ownServer, seedOwner, serverActions, signedInContext, type OwnServer } from "./own-server";

const ROUNDS = 2;
const LOAD_MS = 4_000;
const API_WORKERS = 6;
const DASHBOARD_WORKERS = 2;

let server: OwnServer;

test.beforeAll(async () => {
  server = await ownServer("kill");
  await server.start();
});

test.afterAll(async () => {
  await server?.kill();
  server?.remove();
});

type Acknowledged = { created: Set<string>; createdNames: Set<string>; revoked: Set<string>; rolled: Set<string> };

test(`${ROUNDS} SIGKILLs of the server and its PostgreSQL under load lose no committed change and leave no half-created key`, async () => {
  test.setTimeout(300_000);
  let sql = server.sql();
  const owner = await seedOwner(sql);
  // An admin key without a rate limit, made as rows (seeded, before the load).
  const adminKey = generateKey("private");
  const parts = displayParts(adminKey);
  await sql`insert into api_keys (workspace_id, type, name, hash, start, "end", created_by_type, created_by_label)
    values (${owner.workspaceId}, 'private', 'load admin', ${hashKey(adminKey)}, ${parts.start}, ${parts.end}, 'user', ${owner.email})`;
  await sql.end({ timeout: 5 });
  const actions = serverActions();
  const action = (name: string) => actions.get(`lib/actions/${name}`)!;

  const acknowledged: Acknowledged = { created: new Set(), createdNames: new Set(), revoked: new Set(), rolled: new Set() };
  const figures = { sent: 0, acknowledged: 0, throughDashboard: 0, failedInFlight: 0, eventsChecked: 0, keysChecked: 0 };

  for (let round = 1; round <= ROUNDS; round++) {
    const dashboard: APIRequestContext = await signedInContext(server.base, owner.email);
    const pool: string[] = [...acknowledged.created].filter((id) => !acknowledged.revoked.has(id));
    let stopping = false;

    async function api(method: string, path: string, body?: unknown) {
      figures.sent++;
      try {
        const response = await fetch(`${server.base}/api/v1${path}`, {
          method,
          headers: { "X-API-Key": adminKey, ...(body ? { "Content-Type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
      } catch {
        figures.failedInFlight++; // the kill cut it: committed or not, the checks below hold either way
        return { status: 0, body: null };
      }
    }

    async function apiWorker() {
      while (!stopping) {
        const target = pool.length > 0 ? pool[randomInt(pool.length)]! : undefined;
        const choice = target ? randomInt(10) : 0;
        if (choice < 3 || !target) {
          const answer = await api("POST", "/api-keys", { name: `load-${randomBytes(5).toString("hex")}`, type: "private" });
          if (answer.status === 201) {
            const id = answer.body!.id as string;
            acknowledged.created.add(id);
            pool.push(id);
            figures.acknowledged++;
          }
        } else if (choice < 7) {
          const answer = await api("PATCH", `/api-keys/${target}`, { status: randomInt(2) ? "active" : "disabled" });
          if (answer.status === 200) figures.acknowledged++;
        } else if (choice < 9) {
          const answer = await api("POST", `/api-keys/${target}/roll`, { grace_period_seconds: 3600 });
          if (answer.status === 201) {
            acknowledged.rolled.add(target);
            const successor = (answer.body!.id as string | undefined) ?? null;
            if (successor) pool.push(successor);
            figures.acknowledged++;
          }
        } else {
          const answer = await api("DELETE", `/api-keys/${target}`);
          if (answer.status < 300 && answer.status > 0) {
            acknowledged.revoked.add(target);
            figures.acknowledged++;
          }
        }
      }
    }

    async function dashboardWorker() {
      while (!stopping) {
        const target = pool.length > 0 ? pool[randomInt(pool.length)]! : undefined;
        const choice = target ? randomInt(8) : 0;
        figures.sent++;
        try {
          if (choice < 2 || !target) {
            const name = `dash-${randomBytes(5).toString("hex")}`;
            const answer = await callAction(dashboard, server.base, action("create-api-key.ts#createApiKeyAction"), { name });
            if (answer.body.includes('"ok":true')) {
              acknowledged.createdNames.add(name);
              figures.acknowledged++;
              figures.throughDashboard++;
            }
          } else if (choice < 6) {
            const answer = await callAction(dashboard, server.base, action("set-api-key-status.ts#setApiKeyStatusAction"), { keyId: target, enabled: randomInt(2) === 1 });
            if (answer.body.includes('"ok":true')) {
              figures.acknowledged++;
              figures.throughDashboard++;
            }
          } else if (choice < 7) {
            const answer = await callAction(dashboard, server.base, action("roll-api-key.ts#rollApiKeyAction"), { keyId: target, grace: "3600" });
            if (answer.body.includes('"ok":true')) {
              acknowledged.rolled.add(target);
              figures.acknowledged++;
              figures.throughDashboard++;
            }
          } else {
            const answer = await callAction(dashboard, server.base, action("revoke-api-key.ts#revokeApiKeyAction"), { keyId: target });
            if (answer.body.includes('"ok":true')) {
              acknowledged.revoked.add(target);
              figures.acknowledged++;
              figures.throughDashboard++;
            }
          }
        } catch {
          figures.failedInFlight++;
        }
      }
    }

    const load = Promise.all([...Array.from({ length: API_WORKERS }, apiWorker), ...Array.from({ length: DASHBOARD_WORKERS }, dashboardWorker)]);
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    // Mid-flight: the server and its database die together, as in a power cut.
    await server.kill();
    stopping = true;
    await load;
    await dashboard.dispose().catch(() => {});

    // The embedded database comes back after its own SIGKILL, with the server.
    await server.start();
    sql = server.sql();
    try {
      const rows = await sql<{ id: string; name: string; status: string; revoked_at: Date | null; rolled_to_id: string | null }[]>`
        select id, name, status, revoked_at, rolled_to_id from api_keys where workspace_id = ${owner.workspaceId}`;
      const events = await sql<{ id: string; action: string; target_id: string; metadata: Record<string, unknown> }[]>`
        select id, action, target_id, metadata from audit_events where workspace_id = ${owner.workspaceId} order by id`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      const problems: string[] = [];

      // Creation: exactly one record per key, and a key for every record.
      const creations = new Map<string, number>();
      for (const event of events) {
        const made = event.action === "api_key.created" ? event.target_id : event.action === "api_key.rolled" ? (event.metadata.newKeyId as string) : null;
        if (!made) continue;
        creations.set(made, (creations.get(made) ?? 0) + 1);
        if (!byId.has(made)) problems.push(`${event.action} event ${event.id} names key ${made}, which does not exist`);
      }
      for (const row of rows) {
        if (row.name === "load admin") continue;
        const count = creations.get(row.id) ?? 0;
        if (count !== 1) problems.push(`key ${row.name} has ${count} records of its creation`);
      }

      // Each key's events, replayed, reach its row exactly.
      const states = new Map<string, { status: string; revoked: boolean; rolled: boolean }>();
      for (const event of events) {
        if (event.action === "api_key.created") {
          states.set(event.target_id, { status: "active", revoked: false, rolled: false });
          continue;
        }
        if (event.action === "api_key.rolled") states.set(event.metadata.newKeyId as string, { status: "active", revoked: false, rolled: false });
        const state = states.get(event.target_id);
        if (!state) continue;
        if (state.revoked) problems.push(`event ${event.id} (${event.action}) after the key was revoked`);
        if (event.action === "api_key.disabled") {
          if (state.status !== "active") problems.push(`event ${event.id}: disabled a disabled key`);
          state.status = "disabled";
        } else if (event.action === "api_key.enabled") {
          if (state.status !== "disabled") problems.push(`event ${event.id}: enabled an active key`);
          state.status = "active";
        } else if (event.action === "api_key.revoked") {
          state.revoked = true;
        } else if (event.action === "api_key.rolled") {
          if (state.rolled) problems.push(`event ${event.id}: rolled twice`);
          state.rolled = true;
        }
      }
      for (const [id, state] of states) {
        const row = byId.get(id);
        if (!row) continue; // reported above
        const actual = { status: row.status, revoked: row.revoked_at !== null, rolled: row.rolled_to_id !== null };
        if (JSON.stringify(actual) !== JSON.stringify(state)) problems.push(`key ${row.name}: row ${JSON.stringify(actual)}, events say ${JSON.stringify(state)}`);
      }

      // What clients were told happened, happened.
      for (const id of acknowledged.created) if (!byId.has(id)) problems.push(`acknowledged key ${id} is missing`);
      const names = new Set(rows.map((row) => row.name.replace(/ \(rolled( \d+)?\)$/, "")));
      for (const name of acknowledged.createdNames) if (!names.has(name)) problems.push(`key ${name}, created through the dashboard, is missing`);
      for (const id of acknowledged.revoked) if (!byId.get(id)?.revoked_at) problems.push(`acknowledged revoke of ${id} is missing`);
      for (const id of acknowledged.rolled) if (!byId.get(id)?.rolled_to_id) problems.push(`acknowledged roll of ${id} is missing`);

      expect(problems, `round ${round}`).toEqual([]);
      figures.eventsChecked = events.length;
      figures.keysChecked = rows.length;
    } finally {
      await sql.end({ timeout: 5 });
    }

    // And it serves again, the admin key and the dashboard alike.
    const me = await fetch(`${server.base}/api/v1/me`, { headers: { "X-API-Key": adminKey } });
    expect(me.status).toBe(200);
  }
  expect(figures.acknowledged).toBeGreaterThan(20);
  expect(figures.throughDashboard).toBeGreaterThan(0);
  console.log(
    `kill under load: ${ROUNDS} SIGKILLs; ${figures.sent} changes sent, ${figures.acknowledged} acknowledged (${figures.throughDashboard} through the dashboard), ${figures.failedInFlight} cut by the kill; ` +
      `${figures.keysChecked} keys and ${figures.eventsChecked} audit events checked`,
  );
});
