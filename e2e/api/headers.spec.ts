// Headers every response carries, and the API's JSON-only answers.
import { expect, test } from "@playwright/test";

for (const path of ["/sign-in", "/settings/api-keys"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });
}

test("API responses carry the short set an API needs, not the dashboard's document policy", async ({ request }) => {
  const headers = (await request.get("/api/v1/me")).headers();
  expect(headers["content-security-policy"]).toBe("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["permissions-policy"]).toBeUndefined();
});

test("HSTS only for requests that came over https through the trusted proxy", async ({ request }) => {
  const plain = await request.get("/sign-in");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const viaTls = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toContain("max-age=");
});

test("a bad key on any /api/v1 path gets the JSON envelope, never an HTML page", async ({ request }) => {
  const response = await request.get("/api/v1/does-not-exist", { headers: { "X-API-Key": "swb_sk_nope" } });
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ error: { code: "unauthorized", message: "Invalid or missing API key." } });
});
