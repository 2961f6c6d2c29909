// `npm run bench`: bundles the TypeScript benchmarks with esbuild and runs them on this Node
// with --expose-gc. Environment: BENCH_SIZES=10,100,1000,10000 (map sizes),
// BENCH_ONLY=server,memory,typing,views,preview,cli,diff,size,activation (sections), BENCH_TYPING_EDITS=1000, BENCH_WRITE=1 (rewrite bench/RESULTS.md).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'bench', 'bench.mjs');
mkdirSync(dirname(outfile), { recursive: true });

await esbuild.build({
    entryPoints: [join(root, 'bench', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
