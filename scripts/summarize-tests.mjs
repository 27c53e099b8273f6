// Sums the JSON reports of every suite into one line: "N passed, N failed, N skipped".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, nodeVersion] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const before = { passed, failed, skipped };
  if ('check' in report) {
    passed += report.passed;
    failed += report.failed;
  } else if ('numPassedTests' in report) {
    // vitest (Jest-compatible JSON); a file that failed to load counts as a failure.
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
    skipped += report.numPendingTests + report.numTodoTests;
  } else if (report.stats) {
    // Playwright
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected + (report.errors?.length ?? 0);
    skipped += report.stats.skipped;
  }
  console.log(`${file}${nodeVersion ? ` (Node ${nodeVersion})` : ''}: ${passed - before.passed} passed, ${failed - before.failed} failed, ${skipped - before.skipped} skipped`);
}

if (process.env.CI_STARTED_AT) console.log(`CI took ${Math.round(Date.now() / 1000 - Number(process.env.CI_STARTED_AT))} s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
