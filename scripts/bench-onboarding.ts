// `npm run bench:onboarding`: a new person's path from /sign-up to the first 200 from the API, in
// a real Chromium against the production server (server.ts) on a throwaway embedded PostgreSQL.
// Prints the elapsed time, the fields filled and the clicks, in total and after the sign-up form
// (README "Onboarding"). Figures, not pass or fail; a step that breaks stops the script with its error.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Locator } from "@playwright/test";

const PORT = Number(process.env.BENCH_PORT ?? 3220);
const POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54371);
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "switchboard-bench-onboarding-"));
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(POSTGRES_PORT), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM || undefined, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready on") && resolve());
      server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}`, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const counts = { fields: 0, clicks: 0 };
    const fill = async (field: Locator, value: string) => {
      await field.fill(value);
      counts.fields++;
    };
    const click = async (target: Locator) => {
      await target.click();
      counts.clicks++;
    };

    const started = performance.now();
    await page.goto("/sign-up");
    await fill(page.getByLabel("Name", { exact: true }), "Bench Newcomer");
    await fill(page.getByLabel("Email"), `bench-${Date.now()}@example.com`);
    await fill(page.getByLabel("Password"), "a-long-enough-password");
    await fill(page.getByLabel("Workspace name"), "Bench Labs");
    await click(page.getByRole("button", { name: "Create account" }));
    await page.getByRole("heading", { name: "Get started" }).waitFor();
    const signedUp = performance.now();
    const afterForm = { ...counts };

    await click(page.getByRole("button", { name: "Create agent" }));
    await page.getByRole("list", { name: "Steps" }).getByRole("listitem").filter({ hasText: "first agent" }).filter({ hasText: "Done" }).waitFor();
    await click(page.getByRole("button", { name: "Generate API Key" }));
    await click(page.getByRole("dialog", { name: "Generate API Key" }).getByRole("button", { name: "Generate" }));
    const reveal = page.getByRole("dialog", { name: "Save your API key" });
    await click(reveal.getByRole("button", { name: "Copy", exact: true }));
    await click(reveal.getByRole("button", { name: "Done" }));
    await click(page.getByRole("button", { name: "Send test request" }));
    await page.getByRole("list", { name: "Steps" }).getByRole("listitem").filter({ hasText: "first authenticated request" }).filter({ hasText: "200 OK" }).waitFor();
    const answered = performance.now();

    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log("Onboarding, /sign-up to the first 200 from the API (production server, Chromium):");
    console.log(`  elapsed:            ${seconds(answered - started)} (sign-up form ${seconds(signedUp - started)}, the checklist ${seconds(answered - signedUp)})`);
    console.log(`  fields filled:      ${counts.fields} (${counts.fields - afterForm.fields} after the sign-up form)`);
    console.log(`  clicks:             ${counts.clicks} (${counts.clicks - afterForm.clicks} after the sign-up form)`);
    console.log(`  actions after form: ${counts.fields + counts.clicks - afterForm.fields - afterForm.clicks} (target: at most 6)`);
    await context.close();
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
