/**
 * The walkthrough's pictures and pages are the product's own, and current: made again here by
 * scripts/walkthrough-media.mjs (real Mermaid in real Chromium, the real completion provider and
 * `journey diff`), the pages are those committed in extension/media/walkthrough/, word for word,
 * and the pictures are there in both themes, each a standalone SVG of the same kind.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ensureCliBuilt } from '../cli/run-journey.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const COMMITTED = path.join(ROOT, 'extension', 'media', 'walkthrough');
const temp = mkdtempSync(path.join(tmpdir(), 'journey-walkthrough-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('the committed walkthrough media is what the product makes now', async () => {
    await ensureCliBuilt();
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'node'), [path.join(ROOT, 'scripts', 'walkthrough-media.mjs'), '--out', temp], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    expect(run.status, run.stderr).toBe(0);
    const made = readdirSync(temp).sort();
    expect(made).toEqual(['completion.md', 'flow-dark.svg', 'flow-light.svg', 'journey-dark.svg', 'journey-light.svg', 'new-map.md', 'review.md']);
    expect(readdirSync(COMMITTED).sort()).toEqual(made);
    for (const page of made.filter((file) => file.endsWith('.md'))) {
        expect(readFileSync(path.join(COMMITTED, page), 'utf8'), `${page} is stale: run npm run examples and commit extension/media/walkthrough/`).toBe(readFileSync(path.join(temp, page), 'utf8'));
    }
    for (const picture of made.filter((file) => file.endsWith('.svg'))) {
        const svg = readFileSync(path.join(COMMITTED, picture), 'utf8');
        expect(svg, picture).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
        expect(svg.match(/aria-roledescription="(\w+)"/)?.[1], picture).toBe(readFileSync(path.join(temp, picture), 'utf8').match(/aria-roledescription="(\w+)"/)?.[1]);
    }
    // The dark pictures are drawn in Mermaid's dark theme, not copies of the light ones.
    expect(readFileSync(path.join(COMMITTED, 'journey-dark.svg'), 'utf8')).not.toBe(readFileSync(path.join(COMMITTED, 'journey-light.svg'), 'utf8'));
    expect(readFileSync(path.join(COMMITTED, 'new-map.md'), 'utf8')).toContain('journey booking_a_home_cleaning "Booking a home cleaning" {');
}, 240_000);
