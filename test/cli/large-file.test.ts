/**
 * `journey check` on a generated map of more than 5 MB: checked in seconds (about 4 s here), not minutes. The
 * two-minute limit only catches a check that has become dozens of times slower; speed itself is
 * measured by `npm run bench`, never asserted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateMap } from '../support/generate-map.js';
import { ensureCliBuilt, makeFolder, runJourney } from './run-journey.js';

const FIVE_MB = 5 * 1024 * 1024;
let folder: ReturnType<typeof makeFolder>;

beforeAll(async () => {
    await ensureCliBuilt();
    const perTouchpoint = Buffer.byteLength(generateMap(100).text) / 100;
    const map = generateMap(Math.ceil((FIVE_MB * 1.02) / perTouchpoint));
    expect(Buffer.byteLength(map.text)).toBeGreaterThan(FIVE_MB);
    folder = makeFolder({ 'large.journey': map.text });
}, 300_000);
afterAll(() => folder?.remove());

test('a valid map of more than 5 MB is checked without errors', async () => {
    const run = await runJourney(['check', 'large.journey', '--quiet'], { cwd: folder.dir });
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^1 file checked, no problems/m);
    expect(run.status).toBe(0);
}, 120_000);
