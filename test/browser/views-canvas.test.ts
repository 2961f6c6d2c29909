/**
 * The canvas of every example (and of a generated 30-touchpoint map), drawn by the real
 * Mermaid in a real Chromium and read as a person would: nothing clipped, nothing on top of
 * anything else, the cells of each lane on one line, every source map entry on a drawn cell;
 * and where people look at it, in a
 * preview pane 700 px wide and in GitHub's 880-px Markdown column, its labels are shown at
 * 11 CSS px or more: the canvas turns portrait where the landscape grid would be smaller.
 * Screenshots: test-output/screenshots/canvas-<example>-<width>.png.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { MIN_READABLE_FONT } from '../../language-server/src/views/canvas-view.js';
import { renderView, type ViewOptions } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';
import { generateMap } from '../support/generate-map.js';
import { canvasFacts, expectCanvasReadable, shownLabelSize } from './canvas-dom.js';
import { expectSafe, expectShown, useMermaidBrowser } from './harness.js';
import { labelsDrawnBy } from './view-labels.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every example's journey, and a generated map of 30 touchpoints. */
async function maps(): Promise<Array<{ name: string; model: JourneyModel }>> {
    const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
    const examples = workspace.requested.flatMap((file) => {
        const { model } = resolveFile(file);
        return model ? [{ name: path.basename(file.path, '.journey'), model }] : [];
    });
    const generated = buildJourneyModel(await parseJourney(generateMap(30).text))!;
    return [...examples, { name: 'generated-30', model: generated }];
}

const browser = useMermaidBrowser();

/** Draws the canvas of `model` with `options` and checks it reads; returns its Mermaid text. */
async function drawn(name: string, model: JourneyModel, options: ViewOptions): Promise<string> {
    const view = renderView(model, 'canvas', options);
    expect(view.kind, name).toBe('diagram');
    const mermaid = view.kind === 'diagram' ? view.mermaid : '';
    const result = await browser().render(mermaid);
    expect(result.error, `${name}: Mermaid error`).toBeUndefined();
    for (const label of labelsDrawnBy(model, 'canvas')) expectShown(result.text!, label, name);
    const facts = await canvasFacts(browser());
    expectCanvasReadable(facts, mermaid, name);
    // Every source map entry points at a drawn cell (what a click in the preview finds).
    const drawnIds = new Set(facts.cells.map((cell) => cell.id));
    const lost = view.kind === 'diagram' ? view.sourceMap.filter((entry) => !drawnIds.has(entry.diagramId)) : [];
    expect(lost.map((entry) => `${entry.kind} ${entry.elementId} → ${entry.diagramId}`), name).toEqual([]);
    expect(view.kind === 'diagram' && view.sourceMap.some((entry) => entry.kind === 'touchpoint'), `${name}: touchpoints in the source map`).toBe(true);
    await expectSafe(browser());
    return mermaid;
}

describe('the canvas in a real browser', () => {
    test('every example, landscape: every label shown, nothing clipped or overlapping, lanes aligned', async () => {
        const all = await maps();
        expect(all.length).toBeGreaterThanOrEqual(6);
        for (const { name, model } of all) {
            await drawn(`${name} landscape`, model, {});
            await shownLabelSize(browser(), 100_000, `canvas-${name}-natural`);
        }
    }, 600_000);

    for (const width of [700, 880]) {
        test(`at ${width} px wide (${width === 700 ? 'a preview pane' : "GitHub's Markdown column"}) every example's labels are shown at 11 px or more`, async () => {
            let portraits = 0;
            for (const { name, model } of await maps()) {
                const mermaid = await drawn(`${name} at ${width}`, model, { availableWidth: width });
                const size = await shownLabelSize(browser(), width, `canvas-${name}-${width}`);
                expect(size, `${name}: labels shown at ${size.toFixed(1)} px at ${width} px wide`).toBeGreaterThanOrEqual(MIN_READABLE_FONT);
                const landscape = renderView(model, 'canvas');
                if (landscape.kind === 'diagram' && landscape.mermaid !== mermaid) {
                    portraits++;
                    // It turned portrait because the landscape grid would have been too small to read there.
                    await browser().render(landscape.mermaid);
                    expect(await shownLabelSize(browser(), width), `${name}: turned portrait though the landscape grid reads at ${width} px`).toBeLessThan(MIN_READABLE_FONT);
                }
            }
            // The big examples turn portrait; the small ones (hello) stay landscape.
            expect(portraits).toBeGreaterThanOrEqual(3);
        }, 600_000);
    }

    test('the readability figure can fail: the landscape grid of the home-cleaning example is under 11 px at 700 px', async () => {
        const home = (await maps()).find((map) => map.name === 'home-cleaning')!;
        const landscape = renderView(home.model, 'canvas');
        await browser().render(landscape.kind === 'diagram' ? landscape.mermaid : '');
        expect(await shownLabelSize(browser(), 700)).toBeLessThan(MIN_READABLE_FONT);
    });

    test('the alignment check can fail: cells said to share a row that are drawn on two lines are reported', async () => {
        await browser().render('block-beta\n  columns 2\n  a["A"] b["B"]\n  c["C"] d["D"]\n');
        const facts = await canvasFacts(browser());
        expectCanvasReadable(facts, 'block-beta\n  a["A"] b["B"]\n  c["C"] d["D"]\n', 'as drawn');
        expect(() => expectCanvasReadable(facts, 'block-beta\n  a["A"] c["C"]\n  b["B"] d["D"]\n', 'columns read as rows')).toThrow(/not on one line/);
    });
});
