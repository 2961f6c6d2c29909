/**
 * The real preview page (the extension's webview, its CSP and built script, in Chromium) draws
 * every view of an example at its natural size times the zoom shown in the toolbar: no view is
 * squeezed into a thumbnail because its diagram type writes `width="100%"` (Mermaid's xychart,
 * the emotion view, always does).
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { PreviewPage } from '../support/preview-page.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the preview page draws every view at its natural size', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await PreviewPage.open();
    }, 60_000);
    afterAll(async () => preview?.close());

    test('the width on screen is the diagram width times the zoom, for every view of an example', async () => {
        const workspace = await loadWorkspace([path.join(ROOT, 'examples/home-cleaning.journey')], { cwd: ROOT });
        const model = resolveFile(workspace.requested[0]).model!;
        const views = renderAllViews(model);
        const first = await preview.update({
            type: 'update', uri: 'file:///examples/home-cleaning.journey', fileName: 'home-cleaning.journey', version: 1,
            views, errors: [], limits: { maxTextSize: 50000, maxEdges: 500 },
        });
        expect(first.rendered.shows).toBe('diagram');
        for (const view of views) {
            if (view.kind !== 'diagram') continue;
            if (view.view !== first.rendered.view) expect((await preview.selectView(view.view)).rendered.shows).toBe('diagram');
            const size = await preview.page.evaluate(() => {
                const svg = document.querySelector('#canvas svg') as SVGSVGElement;
                const zoom = Number(/scale\(([\d.]+)\)/.exec(document.getElementById('canvas')!.style.transform)?.[1] ?? 1);
                return { natural: svg.viewBox.baseVal.width, shown: svg.getBoundingClientRect().width, zoom, label: document.getElementById('zoom-reset')!.textContent };
            });
            expect(size.natural, view.view).toBeGreaterThan(300);
            expect(Math.abs(size.shown - size.natural * size.zoom), `${view.view}: ${JSON.stringify(size)}`).toBeLessThan(2);
            expect(size.label, view.view).toBe(`${Math.round(size.zoom * 100)}%`);
        }
    }, 60_000);
});
