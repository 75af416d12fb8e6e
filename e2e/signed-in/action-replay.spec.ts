// A real server action (the key toggle), captured from the browser and replayed by hand with
// hostile bodies and origins: each is refused with a clear answer (never a 5xx) and changes nothing.
import { expect, test, type Page, type Request } from "@playwright/test";
import { nextServerAction } from "../support";

async function generate(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Generate API Key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Generate" }).click();
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  const key = await reveal.getByRole("textbox", { name: "API key" }).inputValue();
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await reveal.getByRole("button", { name: "Done" }).click();
  return key;
}

test("a captured toggle action replayed with malformed bodies or foreign origins changes nothing", async ({ page, request, baseURL }) => {
  const key = await generate(page, "replay-target");
  const keyWorks = async () => (await request.get("/api/v1/me", { headers: { "X-API-Key": key } })).status() === 200;
  const row = page.getByRole("row").filter({ hasText: "replay-target" });

  // Capture the real "disable" action, then enable the key again through the UI.
  const captured = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]);
  let answered = nextServerAction(page);
  await row.getByRole("switch").click();
  const action = await captured;
  await answered;
  expect(await keyWorks()).toBe(false);
  answered = nextServerAction(page);
  await row.getByRole("switch").click();
  await answered;
  expect(await keyWorks()).toBe(true);

  // What a script would send: the action's own headers (no Sec-Fetch-*, no cookies: the page's
  // request context adds the session cookie), and an Origin we choose.
  const capturedHeaders = action.headers();
  const actionHeaders = Object.fromEntries(
    ["next-action", "next-router-state-tree", "content-type", "accept"].filter((name) => capturedHeaders[name]).map((name) => [name, capturedHeaders[name]!]),
  );
  const own: Record<string, string> = { ...actionHeaders, origin: new URL(baseURL!).origin };
  const replay = (data: string, headers: Record<string, string> = own) =>
    page.request.post(action.url(), { headers, data, maxRedirects: 0 });

  // The replay itself works: the captured body disables the key again.
  expect((await replay(action.postData()!)).status()).toBe(200);
  expect(await keyWorks()).toBe(false);
  answered = nextServerAction(page);
  await page.reload();
  await row.getByRole("switch").click();
  await answered;
  expect(await keyWorks()).toBe(true);

  for (const body of ["[]", "{}", "null", '"x"', "not json at all", "[null]", "[null,5]", '[null,{"keyId":"nope","enabled":false}]', "[1,2,3,4]", '["$K1"]', '[null,"$@1"]', '[null,"$Q1"]', '[null,"$1"]', '[null,"$F1"]', '[null,"$h1"]', '[null,"$T"]', '[null,{"__proto__":{"x":1}}]']) {
    const response = await replay(body);
    expect(response.status(), body).toBeLessThan(500);
    expect(await response.text(), body).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
    expect(await keyWorks(), body).toBe(true);
  }

  const foreign = { ...own, origin: "http://evil.example" };
  const { origin: _origin, ...withoutOrigin } = own;
  for (const [name, headers] of [["foreign Origin", foreign], ["no Origin", withoutOrigin]] as const) {
    const response = await replay(action.postData()!, headers);
    expect(response.status(), name).toBe(403);
    expect(await response.json(), name).toMatchObject({ error: { code: "forbidden" } });
    expect(await keyWorks(), name).toBe(true);
  }
});

test("a captured form action (multipart) replayed with malformed parts changes nothing", async ({ page, baseURL }) => {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Generate API Key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Generate API Key" });
  await dialog.getByLabel("Name").fill("multipart-original");
  const captured = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]);
  await dialog.getByRole("button", { name: "Generate" }).click();
  const action = await captured;
  const reveal = page.getByRole("dialog", { name: "Save your API key" });
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await reveal.getByRole("button", { name: "Done" }).click();

  const headers = action.headers();
  expect(headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  const boundary = headers["content-type"]!.split("boundary=")[1]!;
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const send = (data: string) =>
    page.request.post(action.url(), {
      headers: {
        "next-action": headers["next-action"]!,
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        "content-type": headers["content-type"]!,
        origin: new URL(baseURL!).origin,
      },
      data,
      maxRedirects: 0,
    });

  const bodies = [
    "garbage",
    `--${boundary}--\r\n`,
    part("0", "null") + `--${boundary}--\r\n`,
    part("0", '"x"') + `--${boundary}--\r\n`,
    part("0", "5") + `--${boundary}--\r\n`,
    part("0", "{}") + `--${boundary}--\r\n`,
    part("0", "not json") + `--${boundary}--\r\n`,
    part("1_name", "multipart-replayed") + `--${boundary}--\r\n`,
  ];
  for (const body of bodies) {
    const response = await send(body);
    expect(response.status(), body).toBeLessThan(500);
  }
  // Forms posted without JavaScript (no Next-Action header) naming the real action, malformed.
  const id = headers["next-action"]!;
  const noScript = [
    "garbage",
    part("$ACTION_REF_1", "") + part("$ACTION_1:0", `{"id":"${id}","bound":[`) + `--${boundary}--\r\n`,
    part("$ACTION_REF_1", "") + part("$ACTION_1:0", `{"id":"${id}","bound":"$@1"}`) + `--${boundary}--\r\n`,
    // Well-formed but without the form's fields: refused by the action's own validation.
    part(`$ACTION_ID_${id}`, "") + `--${boundary}--\r\n`,
  ];
  for (const body of noScript) {
    const response = await page.request.post(action.url(), {
      headers: { "content-type": headers["content-type"]!, origin: new URL(baseURL!).origin },
      data: body,
      maxRedirects: 0,
    });
    expect(response.status(), body).toBeLessThan(500);
  }
  // A Host in capitals is the same host: Next must not refuse it with a 500 either.
  const shouting = await page.request.post(action.url(), {
    headers: { "content-type": headers["content-type"]!, origin: new URL(baseURL!).origin, host: new URL(baseURL!).host.toUpperCase() },
    data: part(`$ACTION_ID_${id}`, "") + `--${boundary}--\r\n`,
    maxRedirects: 0,
  });
  expect(shouting.status()).toBeLessThan(500);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "multipart-replayed" })).toHaveCount(0);
});
