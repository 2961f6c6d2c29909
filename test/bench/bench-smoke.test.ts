/**
 * `npm run bench` at a tiny size, as a process: its two fast sections (server, memory) each
 * measure something and print a table with ratios, and a section that breaks makes the
 * command fail instead of quietly writing "Not measured". The bundle section is left out
 * (packaging rebuilds the bundles that other tests load). No timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

test('npm run bench at 10 touchpoints measures the server and memory sections and prints their ratios', () => {
    const output = mkdtempSync(path.join(tmpdir(), 'journey-bench-smoke-'));
    try {
        const run = spawnSync(process.execPath, [path.join(ROOT, 'bench/run.mjs')], {
            cwd: ROOT,
            encoding: 'utf8',
            env: { ...process.env, BENCH_SIZES: '10', BENCH_ONLY: 'server,memory', BENCH_SECTIONS_DIR: path.join(output, 'sections'), BENCH_WRITE: '' },
            timeout: 240_000,
        });
        expect(run.status, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0);
        expect(run.stdout).not.toContain('Not measured');
        expect(run.stdout).toMatch(/## Language server/);
        expect(run.stdout).toMatch(/\| 10 \|/);
        expect(run.stdout).toMatch(/\d+(\.\d+)?×/);
        const report = readFileSync(path.join(output, 'bench-results.md'), 'utf8');
        expect(report).toContain('### Memory');
        expect(report).toContain('language server process');
    } finally {
        rmSync(output, { recursive: true, force: true });
    }
}, 300_000);
