/**
 * `journey render` draws several diagrams at once (pages of one browser): the files it writes
 * are the same, byte for byte, as when it draws them one at a time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(path.join(tmpdir(), 'journey-parallel-'));

function render(out: string, jobs: string): { status: number | null; stderr: string } {
    const run = spawnSync(process.execPath, [path.join(root, 'out/cli.cjs'), 'render', path.join(root, 'examples'), '--format', 'svg', '--out', out, '--jobs', jobs], { encoding: 'utf8', timeout: 240_000 });
    return { status: run.status, stderr: run.stderr };
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('journey render on several pages at once', () => {
    it('writes the same SVG files as one page drawing one diagram at a time', { timeout: 300_000 }, () => {
        const one = render(path.join(folder, 'one'), '1');
        const three = render(path.join(folder, 'three'), '3');
        expect(one.status, one.stderr).toBe(0);
        expect(three.status, three.stderr).toBe(0);
        const files = readdirSync(path.join(folder, 'one')).sort();
        expect(files.length).toBeGreaterThan(20);
        expect(readdirSync(path.join(folder, 'three')).sort()).toEqual(files);
        const different = files.filter((file) => !readFileSync(path.join(folder, 'one', file)).equals(readFileSync(path.join(folder, 'three', file))));
        expect(different).toEqual([]);
    });

    it('refuses a number of pages that is not a whole number of at least 1', () => {
        const run = render(path.join(folder, 'none'), '0');
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("--jobs takes a whole number of diagrams to draw at once (1 or more), not '0'.");
    });
});
