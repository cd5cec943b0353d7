// Adds up the JSON results every package's vitest run left behind and prints one closing line,
// "tests: N passed, N failed, N skipped", so CI can see how many tests ran. Exits 1 if none ran.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const file = join(group, name, '.test-results.json');
    if (!existsSync(file)) continue;
    const result = JSON.parse(readFileSync(file, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + (result.numTodoTests ?? 0);
    console.log(`${group}/${name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
    for (const suite of result.testResults ?? []) {
      for (const test of suite.assertionResults ?? []) {
        if (test.status !== 'failed') continue;
        // CI shows only the tail of the log, so each failure is named here with its first message line.
        const message = (test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
        failures.push(
          `  FAILED ${group}/${name} ${suite.name.split(`/${group}/${name}/`).pop()}: ${test.fullName}\n    ${message}`,
        );
      }
    }
  }
}
// The conformance suite's scenarios are reported on their own line: they are not vitest tests.
const conformance = 'conformance/.results.json';
if (existsSync(conformance)) {
  const result = JSON.parse(readFileSync(conformance, 'utf8'));
  console.log(
    `conformance: ${result.passed} scenarios passed, ${result.failed} failed (${result.checks} checks)`,
  );
}
for (const line of failures) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
