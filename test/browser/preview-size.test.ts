/**
 * The real preview page (the extension's webview, its CSP and built script, in Chromium) draws
 * every view of an example at its natural size times the zoom shown in the toolbar: no view is
 * squeezed into a thumbnail because its diagram type writes `width="100%"` (Mermaid's xychart,
 * the emotion view, always does). And the error banner over the picture lists one error per
 * bullet, even when an error's text wraps onto several lines.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderAllViews, type ViewResult } from '../../language-server/src/views/index.js';
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

    test('no view keeps a wide empty margin: the drawing fills the picture (Mermaid\'s journey reserves a third more width)', async () => {
        const workspace = await loadWorkspace([path.join(ROOT, 'examples/hello.journey')], { cwd: ROOT });
        const views = renderAllViews(resolveFile(workspace.requested[0]).model!);
        await preview.update({
            type: 'update', uri: 'file:///examples/hello.journey', fileName: 'hello.journey', version: 1,
            views, errors: [], limits: { maxTextSize: 50000, maxEdges: 500 },
        });
        for (const view of views) {
            if (view.kind !== 'diagram') continue;
            expect((await preview.selectView(view.view)).rendered.shows).toBe('diagram');
            const fill = await preview.page.evaluate(() => {
                const svg = document.querySelector('#canvas svg') as SVGSVGElement;
                const content = svg.getBBox();
                const box = svg.viewBox.baseVal;
                return { width: content.width / box.width, height: content.height / box.height };
            });
            expect(fill.width, `${view.view}: ${JSON.stringify(fill)}`).toBeGreaterThan(0.95);
            expect(fill.height, `${view.view}: ${JSON.stringify(fill)}`).toBeGreaterThan(0.8);
        }
    }, 60_000);

    test('a long error that wraps keeps its bullet on its first line', async () => {
        const base = { type: 'update', uri: 'file:///wrap.journey', fileName: 'wrap.journey', limits: { maxTextSize: 50000, maxEdges: 500 } } as const;
        const views: ViewResult[] = [{ view: 'flow', title: 'Flow', kind: 'diagram', mermaid: 'flowchart LR\n  a["A"] --> b["B"]\n', sourceMap: [] }];
        await preview.page.setViewportSize({ width: 560, height: 400 });
        await preview.update({ ...base, version: 1, views, errors: [] });
        const message = "No channel 'nowhere_yet' in this journey or the workspace's shared files. Channels: search, site, phone.";
        const error = { range: { start: { line: 47, character: 6 }, end: { line: 47, character: 25 } }, message, severity: 1 as const };
        await preview.page.evaluate((update) => window.postMessage(update, '*'), { ...base, version: 2, errors: [error] });
        const item = preview.page.locator('#banner li').first();
        await item.waitFor();
        const box = (await item.boundingBox())!;
        const lineHeight = await item.evaluate((li) => parseFloat(getComputedStyle(li).lineHeight) || 20);
        expect(box.height, 'the error should wrap in a narrow preview').toBeGreaterThan(1.5 * lineHeight);
        // The bullet is drawn left of the item: dark pixels there, within the first line.
        const gutter = await preview.page.screenshot({ clip: { x: box.x - 16, y: box.y, width: 14, height: lineHeight } });
        const dark = await preview.page.evaluate(async (png) => {
            const image = new Image();
            image.src = `data:image/png;base64,${png}`;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            const { data } = context.getImageData(0, 0, image.width, image.height);
            let count = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) count++;
            return count;
        }, gutter.toString('base64'));
        expect(dark, 'no bullet beside the first line of the error').toBeGreaterThan(3);
    }, 60_000);
});
