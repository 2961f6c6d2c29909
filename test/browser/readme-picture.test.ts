/**
 * The README's picture is the product's own drawing of the map the README shows: the first view
 * of VIEW_IDS of examples/hello.journey, made by scripts/readme-picture.mjs (which `npm run
 * examples` runs). Drawn again here, in real Chromium, it has the size of the committed image:
 * when the first view changes (or the example does), the committed picture must be redrawn.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt } from '../cli/run-journey.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const COMMITTED = path.join(ROOT, 'docs', 'images', 'hello.png');
const temp = mkdtempSync(path.join(tmpdir(), 'journey-readme-picture-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Width and height from a PNG's header. */
function pngSize(file: string): { width: number; height: number } {
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1'), `${file} is not a PNG`).toBe('PNG');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the README picture', () => {
    test('is shown by the README, and `npm run examples` draws it', () => {
        expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/!\[[^\]]+\]\(docs\/images\/hello\.png\)/);
        expect(readFileSync(path.join(ROOT, 'scripts', 'render-examples.mjs'), 'utf8')).toContain("'readme-picture.mjs', 'walkthrough-media.mjs'");
    });

    test('is the first view of hello.journey as the product draws it now', async () => {
        await ensureCliBuilt();
        const fresh = path.join(temp, 'hello.png');
        const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'node'), [path.join(ROOT, 'scripts', 'readme-picture.mjs'), '--out', fresh], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/the \w+ view of examples\/hello\.journey/);
        const size = pngSize(fresh);
        // Readable at the README's width: not a thumbnail of a huge map.
        expect(size.width).toBeGreaterThan(400);
        expect(size.width).toBeLessThan(2000);
        expect(pngSize(COMMITTED), 'docs/images/hello.png is stale: run npm run examples and commit the picture').toEqual(size);
    }, 180_000);
});
