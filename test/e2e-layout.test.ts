// Every end-to-end spec sits in the folder of a Playwright project, so none is silently skipped.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { E2E_PROJECTS } from "../e2e/projects";

it("puts every e2e spec and setup file in a project's folder", () => {
  const files = readdirSync("e2e", { recursive: true, encoding: "utf8" }).filter((file) => /\.(spec|setup)\.ts$/.test(file));
  expect(files.length).toBeGreaterThan(0);
  const folders = Object.values(E2E_PROJECTS).map((folder) => path.relative("e2e", folder));
  for (const file of files) expect(folders, file).toContain(file.split(path.sep)[0]);
});
