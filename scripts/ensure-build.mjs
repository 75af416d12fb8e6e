// `npm start` and `npm run bench`: build when there is no production build yet, or when a
// source file changed after it (a `git pull` must not leave you serving yesterday's code).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = ".next/BUILD_ID";
// Written by scripts/build-try-it.mjs, which `npm run build` runs first.
const TRY_IT_ENTRY = "public/try-it/entry.js";
const SOURCES = [
  "app", "pages", "components", "lib", "db", "docs", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs",
  "tsconfig.json", "package.json", "package-lock.json",
  // NEXT_PUBLIC_ values from these are baked into the build.
  ".env", ".env.local", ".env.production", ".env.production.local",
];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function staleReason() {
  if (!existsSync(BUILD_ID)) return "no production build yet";
  if (!existsSync(TRY_IT_ENTRY)) return "no Try it bundle yet";
  const built = statSync(BUILD_ID).mtimeMs;
  return Math.max(...SOURCES.map(newestChange)) > built ? "sources changed since the last build" : null;
}

const reason = staleReason();

if (reason) {
  console.log(`> ${reason}: running \`npm run build\`.`);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
