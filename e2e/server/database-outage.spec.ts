// The dashboard and the API through a database outage, on a production server of this test's
// own: its embedded PostgreSQL is stopped under it, then started again. A signed-in person sees
// an outage page answered 503 with Retry-After, at the address they asked for, and is not
// signed out; the API answers 503 to what needs the database; once PostgreSQL is back, the same
// browser is in the dashboard again without signing in.
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../db/embedded";
import { generateKey } from "../../lib/keys/format";
import { TEST_PASSWORD } from "../support";
import { callAction, ownServer, seedOwner, serverActions, type OwnServer } from "./own-server";

let server: OwnServer;
let restarted: EmbeddedDatabase | undefined;

test.beforeAll(async () => {
  server = await ownServer("outage");
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await restarted?.stop().catch(() => {});
  server?.remove();
});

async function waitUntilGone(pid: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a signed-in person gets a 503 outage page, not sign-in, while PostgreSQL is stopped, and is back in once it returns", async ({ browser, request }) => {
  const sql = server.sql();
  const owner = await seedOwner(sql).finally(() => sql.end({ timeout: 5 }));

  const context = await browser.newContext({ baseURL: server.base });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  const cookiesBefore = (await context.cookies()).filter((c) => c.name.includes("session-token"));
  expect(cookiesBefore).toHaveLength(1);

  // Stop the server's PostgreSQL as an operator would (a fast shutdown), under the running server.
  const pid = server.postgresPid();
  expect(pid).toBeTruthy();
  process.kill(pid!, "SIGINT");
  await waitUntilGone(pid!);

  const outage = await page.goto("/settings/api-keys");
  expect(outage!.status()).toBe(503);
  expect(outage!.headers()["retry-after"]).toBe("5");
  // No redirect: still at the address asked for, and the page says what is going on.
  expect(page.url()).toBe(`${server.base}/settings/api-keys`);
  await expect(page.getByRole("alert").filter({ hasText: "cannot reach its database" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Switchboard is temporarily unavailable" })).toBeVisible();
  // Another dashboard page, loaded by the browser's client-side router or afresh: the same.
  expect((await page.goto("/agents"))!.status()).toBe(503);
  // Not signed out: the session cookie is still there (Auth.js may have re-sealed it), unexpired.
  const cookiesDuring = (await context.cookies()).filter((c) => c.name.includes("session-token"));
  expect(cookiesDuring.map((c) => c.name)).toEqual(cookiesBefore.map((c) => c.name));
  expect(cookiesDuring[0]!.expires * 1000).toBeGreaterThan(Date.now());

  // An action (a key's switch) says what is going on, in the answer the form shows.
  const toggle = serverActions().get("lib/actions/set-api-key-status.ts#setApiKeyStatusAction")!;
  const refused = await callAction(context.request, server.base, toggle, { keyId: "00000000-0000-4000-8000-000000000000", enabled: false });
  expect(refused.status).toBe(200);
  expect(refused.body).toContain("cannot reach its database right now");

  // The API: an unknown key cannot be checked (503, Retry-After, a hint); /readyz says why.
  const api = await request.get(`${server.base}/api/v1/me`, { headers: { "X-API-Key": generateKey("private") } });
  expect(api.status()).toBe(503);
  expect(api.headers()["retry-after"]).toBe("1");
  expect((await api.json()).error).toMatchObject({ code: "service_unavailable", hint: expect.stringMatching(/Retry-After/) });
  const ready = await request.get(`${server.base}/readyz`);
  expect(await ready.json()).toMatchObject({ database: "down" });

  // PostgreSQL back (started here, on the same data and port): the server recovers by itself.
  restarted = await startEmbeddedPostgres({ dataDir: server.dataDir, port: server.postgresPort });
  await expect(async () => {
    const back = await page.goto("/settings/api-keys");
    expect(back!.status()).toBe(200);
  }).toPass({ timeout: 30_000 });
  // Still signed in: the dashboard itself, never the sign-in page.
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
  await context.close();
});
