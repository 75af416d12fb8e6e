// The prerendered pages must stay as the build wrote them (revalidate-dashboard.ts): no code may
// expire the root layout, or any path above the dashboard's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

describe("revalidation", () => {
  it("never expires the root layout or /docs, so static pages keep the scripts their policy names", () => {
    const offenders = ["app", "lib", "components"]
      .flatMap(sourceFiles)
      .filter((file) => /revalidate(Path|Tag)\(\s*["'`](\/["'`]|\/docs|_N_T_)/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
