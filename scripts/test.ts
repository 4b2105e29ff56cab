/**
 * `npm test`: every test, then one closing line "tests: N passed, N failed" that sums both runners.
 *   1. vitest: unit and integration tests (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set);
 *   2. Playwright: end-to-end tests in Chromium against a freshly seeded server.
 * Flags: --unit or --e2e to run one part; anything after -- goes to the runner(s).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const args = process.argv.slice(2);
const passthrough = args.includes("--") ? args.slice(args.indexOf("--") + 1) : [];
const onlyUnit = args.includes("--unit");
const onlyE2e = args.includes("--e2e");

type Tally = { passed: number; failed: number; skipped: number; crashed: boolean };
const total: Tally = { passed: 0, failed: 0, skipped: 0, crashed: false };

fs.mkdirSync("test-results", { recursive: true });

function run(command: string, commandArgs: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status ?? 1;
}

if (!onlyE2e) {
  const report = "test-results/vitest.json";
  fs.rmSync(report, { force: true });
  const status = run("npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
    ...passthrough,
  ]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests;
    total.skipped += r.numPendingTests + r.numTodoTests;
    if (status !== 0 && r.numFailedTests === 0) total.crashed = true;
  } else {
    total.crashed = true;
  }
}

if (!onlyUnit) {
  const report = "test-results/playwright.json";
  fs.rmSync(report, { force: true });
  const status = run("npx", ["playwright", "test", ...passthrough], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    total.passed += r.stats.expected + r.stats.flaky;
    total.failed += r.stats.unexpected;
    total.skipped += r.stats.skipped;
    if (status !== 0 && r.stats.unexpected === 0) total.crashed = true;
  } else {
    total.crashed = true;
  }
}

if (total.crashed) console.error("\nA test runner failed before reporting all its tests (see above).");
console.log(
  `\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(total.failed > 0 || total.crashed ? 1 : 0);
