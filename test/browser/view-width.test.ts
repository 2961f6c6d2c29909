/**
 * The width estimate of view-width.ts held against the width the real Mermaid draws in
 * Chromium, for every example's journey, emotion, flow, funnel and blueprint views and for
 * every piece of them cut for GitHub's column. The estimate decides where a picture is cut
 * and when the flow turns top to bottom: too small, and a picture shows labels under 11 px;
 * too large, and a page gets more pieces than it needs.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderView } from '../../language-server/src/views/index.js';
import { MARKDOWN_PAGE_WIDTH } from '../../language-server/src/views/markdown-document.js';
import { withPieces } from '../../language-server/src/views/view-pieces.js';
import { estimateDrawingSize } from '../../language-server/src/views/view-width.js';
import { useMermaidBrowser } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const browser = useMermaidBrowser();

/** The natural width (viewBox) of the diagram drawn last. */
async function drawnWidth(mermaid: string): Promise<number> {
    const result = await browser().render(mermaid);
    expect(result.error).toBeUndefined();
    const page = (browser() as unknown as { page: { evaluate<R>(fn: () => R): Promise<R> } }).page;
    return page.evaluate(() => (document.querySelector('#host svg') as SVGSVGElement).viewBox.baseVal.width);
}

describe('the width estimate of a view', () => {
    test('is never under 0.9× and at most 1.5× what Mermaid draws, for every example view and piece', async () => {
        const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
        const rows: string[] = [];
        let measured = 0;
        for (const file of workspace.requested) {
            const { model } = resolveFile(file);
            if (!model) continue;
            for (const view of ['journey', 'emotion', 'flow', 'funnel', 'blueprint'] as const) {
                const whole = renderView(model, view);
                if (whole.kind !== 'diagram') continue;
                const cut = withPieces(model, whole, MARKDOWN_PAGE_WIDTH);
                const texts = [whole.mermaid, ...(cut.kind === 'diagram' ? (cut.pieces ?? []).filter((piece) => view !== 'flow' && piece.steps.length > 0).map((piece) => piece.mermaid) : [])];
                for (const text of texts) {
                    const estimate = estimateDrawingSize(text);
                    if (!estimate) continue;
                    const drawn = await drawnWidth(text);
                    const ratio = estimate.width / drawn;
                    rows.push(`${path.basename(file.path)} ${view}: estimated ${Math.round(estimate.width)} px, drawn ${Math.round(drawn)} px (${ratio.toFixed(2)}×)`);
                    measured++;
                }
            }
        }
        const off = rows.filter((row) => {
            const ratio = Number(/\(([\d.]+)×\)/.exec(row)![1]);
            return ratio < 0.9 || ratio > 1.5;
        });
        expect(off, rows.join('\n')).toEqual([]);
        expect(measured).toBeGreaterThanOrEqual(60);
    }, 600_000);
});
