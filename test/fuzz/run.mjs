// `npm run test:fuzz`: the robustness suites at full size. Defaults (each overridable from the
// environment): FUZZ_RUNS=1000 cases per property, FUZZ_BROWSER=all (every clean input rendered
// in Chromium), STRESS_EDITS=1000 LSP edits; FUZZ_SEED picks another reproducible run.
// Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const env = {
    ...process.env,
    FUZZ_RUNS: process.env.FUZZ_RUNS ?? '1000',
    FUZZ_BROWSER: process.env.FUZZ_BROWSER ?? 'all',
    STRESS_EDITS: process.env.STRESS_EDITS ?? '1000',
};
rmSync('test-output/fuzz-results.jsonl', { force: true });
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SEED=${env.FUZZ_SEED ?? 'default'} FUZZ_BROWSER=${env.FUZZ_BROWSER} STRESS_EDITS=${env.STRESS_EDITS}`);
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...(args.length > 0 ? args : ['test/fuzz', 'test/stress', 'test/files']), '--testTimeout=3600000'], { stdio: 'inherit', env });
console.log('fuzz: case counts in test-output/fuzz-results.jsonl');
process.exit(result.status ?? 1);
