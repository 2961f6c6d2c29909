// Runs the whole vitest suite and ends with one plain line "tests: N passed, N failed[, N skipped]"
// that any CI can read. Exits with vitest's exit code. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const report = 'test-output/vitest-report.json';
mkdirSync('test-output', { recursive: true });
const vitest = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
    { stdio: 'inherit' },
);
let line = 'tests: no report was written (vitest crashed before reporting)';
if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
    line = `tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : '');
    if (result.numFailedTestSuites > 0 && result.numFailedTests === 0) {
        line += ` (${result.numFailedTestSuites} test files failed to load)`;
    }
}
console.log(line);
process.exit(vitest.status ?? 1);
