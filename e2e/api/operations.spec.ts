// What operators and load balancers reach: /healthz, /readyz, and Prometheus metrics on their own
// port (METRICS_PORT), read from the running production server. The metrics carry the server's
// own process.version, which proves it runs on Node 24 (README "Quick start").
import { expect, test } from "@playwright/test";
import { generateKey } from "../../lib/keys/format";
import { E2E_METRICS_PORT } from "../support";

const metricsUrl = `http://127.0.0.1:${E2E_METRICS_PORT}/metrics`;

test("GET /healthz is 200, unauthenticated, and reveals nothing else", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
});

test("GET /readyz is 200 with the database and LISTEN up on a running server", async ({ request }) => {
  const response = await request.get("/readyz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up", listen: "up" });
  expect((await request.post("/readyz")).status()).toBe(405);
});

test("the server runs on Node 24, as its own metrics say", async ({ request }) => {
  const text = await (await request.get(metricsUrl)).text();
  const version = /nodejs_version_info\{version="v(\d+)\.\d+\.\d+"/.exec(text);
  expect(version?.[1]).toBe("24");
});

test("metrics count API requests by route and status and key checks by outcome, only on METRICS_PORT", async ({ request }) => {
  await request.get("/api/v1/me", { headers: { "X-API-Key": generateKey("private") } });
  await request.get("/api/v1/me", { headers: { "X-API-Key": "swb_sk_short" } });
  const text = await (await request.get(metricsUrl)).text();
  expect(text).toMatch(/switchboard_api_requests_total\{route="\/api\/v1\/me",status="401"\} \d+/);
  expect(text).toMatch(/switchboard_key_verifications_total\{outcome="not_found"\} \d+/);
  expect(text).toMatch(/switchboard_key_verifications_total\{outcome="bad_length"\} \d+/);
  expect(text).toMatch(/switchboard_api_request_duration_seconds_bucket\{le="0.005"\} \d+/);
  expect(text).toMatch(/switchboard_listen_connected 1/);
  // Never on the public port.
  expect((await request.get("/metrics")).status()).toBe(404);
});
