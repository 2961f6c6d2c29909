/**
 * `journey render` on a 1,000-touchpoint map: views over Mermaid's limits (50,000 characters,
 * 500 links, GitHub's too) are drawn once per stage, and the command says which views it split;
 * views within the limits are written whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { VIEW_IDS } from '../../language-server/src/views/index.js';
import { diagramSize, exceedsLimits, MERMAID_DEFAULT_LIMITS } from '../../language-server/src/views/view-size.js';
import { generateMap } from '../support/generate-map.js';
import { ensureCliBuilt, makeFolder, runJourney } from './run-journey.js';

let folder: ReturnType<typeof makeFolder>;

beforeAll(async () => {
    await ensureCliBuilt();
    folder = makeFolder({ 'big.journey': generateMap(1000).text, 'small.journey': generateMap(20, { journeyId: 'small' }).text });
}, 120_000);
afterAll(() => folder?.remove());

test('a view too large is written one stage per file, and the command says which views it split', async () => {
    const run = await runJourney(['render', 'big.journey', '--format', 'mermaid', '--out', 'out/'], { cwd: folder.dir });
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/journey: the flow view is too large for Mermaid \(\d+ characters, \d+ links; Mermaid and GitHub draw up to 50000 and 500\): split into 100 stages\./);
    const split = [...run.stderr.matchAll(/journey: the (\w+) view is too large/g)].map((m) => m[1]);
    expect(split.length).toBeGreaterThanOrEqual(4);
    const files = readdirSync(path.join(folder.dir, 'out'));
    for (const view of split) {
        const parts = files.filter((f) => f.startsWith(`big-${view}-stage_`));
        expect(parts, view).toHaveLength(100);
        expect(files).not.toContain(`big-${view}.mmd`);
    }
    for (const file of files) {
        const text = readFileSync(path.join(folder.dir, 'out', file), 'utf8');
        expect(exceedsLimits(diagramSize(text), MERMAID_DEFAULT_LIMITS), file).toBe(false);
    }
    expect(readFileSync(path.join(folder.dir, 'out', 'big-flow-stage_51.mmd'), 'utf8')).toContain('tp_512');
}, 120_000);

test('the Markdown document holds one picture per stage of a view too large, titled with the stage', async () => {
    const run = await runJourney(['render', 'big.journey', '--format', 'markdown', '--out', 'big.md'], { cwd: folder.dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/split into 100 stages/);
    const markdown = readFileSync(path.join(folder.dir, 'big.md'), 'utf8');
    expect(markdown).toContain('## Flow: Consideration 51');
    for (const block of markdown.split('```mermaid').slice(1)) {
        expect(exceedsLimits(diagramSize(block.split('```')[0]), MERMAID_DEFAULT_LIMITS)).toBe(false);
    }
}, 120_000);

test('a map within the limits is written whole, without a note', async () => {
    const run = await runJourney(['render', 'small.journey', '--format', 'mermaid', '--out', 'small/'], { cwd: folder.dir });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/too large/);
    expect(readdirSync(path.join(folder.dir, 'small')).sort()).toEqual(VIEW_IDS.map((view) => `small-${view}.mmd`).sort());
}, 60_000);

test('one view picked but too large for one file says it is drawn one stage at a time, not to pick a view', async () => {
    const run = await runJourney(['render', 'big.journey', '--view', 'flow', '--format', 'svg', '--out', 'flow.svg'], { cwd: folder.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/100 svg files to write but --out names one file \(flow\.svg\): name a folder \(the flow view is drawn one stage at a time\), or use --format markdown\./);
    expect(run.stderr).not.toContain('pick one view');
    const stdout = await runJourney(['render', 'big.journey', '--view', 'flow', '--format', 'svg'], { cwd: folder.dir });
    expect(stdout.status).toBe(2);
    expect(stdout.stderr).toContain('100 SVG pictures (the flow view is drawn one stage at a time): name a folder with --out');
}, 120_000);
