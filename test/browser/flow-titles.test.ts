/**
 * The flow view's stage boxes, drawn by the real Mermaid in Chromium: a stage's title (its name,
 * then one line per measured KPI) stays clear of the steps inside the stage, left to right and
 * top to bottom (as GitHub's column draws a wide flow). Mermaid leaves room for one line of a
 * subgraph's title; the view asks for the room its KPI lines take (`subGraphTitleMargin`).
 * Screenshots: test-output/screenshots/flow-titles-<direction>.png.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderView } from '../../language-server/src/views/index.js';
import { MARKDOWN_PAGE_WIDTH } from '../../language-server/src/views/markdown-document.js';
import { overlap, type Box } from './views-dom.js';
import { pageOf, saveScreenshot, useMermaidBrowser } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const browser = useMermaidBrowser();

/** Each stage's title box and the boxes of the steps drawn inside the stage. */
async function stageTitles(): Promise<Array<{ stage: string; title: Box; steps: Array<{ id: string; box: Box }> }>> {
    const page = pageOf(browser());
    return page.evaluate(() => {
        const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        const svg = document.querySelector('#host svg') as SVGSVGElement;
        return Array.from(svg.querySelectorAll('g.cluster')).map((cluster) => {
            const frame = cluster.querySelector('rect')!.getBoundingClientRect();
            const label = cluster.querySelector('.cluster-label foreignObject div, .cluster-label text') ?? cluster.querySelector('.cluster-label')!;
            const steps = Array.from(svg.querySelectorAll('g.node')).filter((node) => {
                const r = node.getBoundingClientRect();
                return r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
            });
            return { stage: cluster.id, title: box(label.getBoundingClientRect()), steps: steps.map((node) => ({ id: node.id, box: box(node.getBoundingClientRect()) })) };
        });
    });
}

describe('the flow view\'s stage titles', () => {
    test('a stage\'s name and KPI lines overlap none of its steps, left to right and top to bottom', async () => {
        const workspace = await loadWorkspace(['examples/home-cleaning.journey'], { cwd: ROOT });
        const model = resolveFile(workspace.requested[0]).model!;
        for (const [direction, options] of [['lr', {}], ['tb', { availableWidth: MARKDOWN_PAGE_WIDTH }]] as const) {
            const view = renderView(model, 'flow', options);
            const mermaid = view.kind === 'diagram' ? view.mermaid : '';
            expect(mermaid).toMatch(direction === 'lr' ? /^flowchart LR$/m : /^flowchart TB$/m);
            const result = await browser().render(mermaid);
            expect(result.error).toBeUndefined();
            await saveScreenshot(browser(), `flow-titles-${direction}`);
            const stages = await stageTitles();
            expect(stages.length, direction).toBe(model.stages.length);
            const clashes = stages.flatMap((stage) => stage.steps.filter((step) => overlap(stage.title, step.box) > 0).map((step) => `${stage.stage}: its title overlaps ${step.id}`));
            expect(clashes, direction).toEqual([]);
            // The check can fail: the titles with KPI lines are taller than one line.
            expect(stages.some((stage) => stage.title.bottom - stage.title.top > 30), direction).toBe(true);
        }
    });
});
