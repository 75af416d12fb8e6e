// Adds up Vitest and Playwright JSON reports into CI's one closing line. A report that is
// missing counts as a failure: its suite did not get to run.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`missing report: ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (report.stats) {
    // Playwright
    passed += report.stats.expected + report.stats.flaky;
    // Errors outside tests (a server that did not start) fail the run too.
    failed += report.stats.unexpected + (report.errors?.length ?? 0);
  } else {
    passed += report.numPassedTests;
    // A file that failed to load has no failed test but fails the run.
    failed += report.numFailedTests || (report.success ? 0 : 1);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
