// Runs the vitest suite and ends with one plain summary line ("vitest: N passed, N failed"),
// which CI reads; the exit code is vitest's own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'needfirst-vitest-'));
const results = join(dir, 'results.json');
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let code = run.status ?? 1;
try {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`\nvitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (report.numTotalTests === 0) {
    console.error('No test ran.');
    code = 1;
  }
} catch {
  console.error('vitest wrote no results.');
  code = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
