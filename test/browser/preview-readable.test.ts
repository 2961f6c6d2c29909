/**
 * The real preview page (the extension's webview script, CSS and CSP, in Chromium) reads in a
 * side pane: after Fit, labels show at an effective size (font size × zoom) of at least 11 CSS px
 * in a 700-px pane, a long picture scrolls instead of shrinking; the cursor's node is scrolled
 * into view; the editor's scroll keeps the picture on the same stage; the pane reports its width;
 * a view too large to draw whole shows one stage with a stage picker.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { viewsOfDocument } from '../../language-server/src/lsp/journey-preview-request.js';
import { renderAllViews, type ViewResult } from '../../language-server/src/views/index.js';
import { MERMAID_DEFAULT_LIMITS } from '../../language-server/src/views/view-size.js';
import type { UpdateMessage } from '../../extension/src/preview/journey-preview-messages.js';
import { generateMap } from '../support/generate-map.js';
import { PreviewPage } from '../support/preview-page.js';
import { parseJourney } from '../helpers.js';
import { TEST_OUTPUT } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHOTS = path.join(TEST_OUTPUT, 'screenshots');
const LIMITS = { maxTextSize: 50000, maxEdges: 500 };
let version = 0;

function update(name: string, views: ViewResult[]): UpdateMessage {
    return { type: 'update', uri: `file:///maps/${name}.journey`, fileName: `${name}.journey`, version: ++version, views, errors: [], limits: LIMITS };
}

async function exampleModels(): Promise<{ name: string; model: JourneyModel }[]> {
    const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
    return workspace.requested.flatMap((file) => {
        const model = resolveFile(file).model;
        return model ? [{ name: path.basename(file.path, '.journey'), model }] : [];
    });
}

/** What a person sees of the labels of the picture on screen: their effective size and where the picture stands. */
async function labelFigures(preview: PreviewPage) {
    return preview.page.evaluate(() => {
        const canvas = document.getElementById('canvas')!;
        const zoom = Number(/scale\(([\d.]+)\)/.exec(canvas.style.transform)?.[1] ?? 1);
        const svg = canvas.querySelector('svg') as SVGSVGElement;
        const texts = Array.from(svg.querySelectorAll('.journey-linked text, .journey-linked span, .journey-linked div, .journey-linked p'))
            .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''));
        const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom);
        // Measured on screen too: the height of a glyph box of the smallest label.
        const viewport = document.getElementById('viewport')!.getBoundingClientRect();
        const picture = svg.getBoundingClientRect();
        return { zoom, labels: texts.length, smallest: Math.min(...sizes), pictureWidth: picture.width, pictureHeight: picture.height, viewportWidth: viewport.width, viewportHeight: viewport.height };
    });
}

/** Shows `view` (the page draws nothing again when it already shows it). */
async function show(preview: PreviewPage, view: ViewResult['view']): Promise<void> {
    const last = (await preview.posted()).filter((m) => m.type === 'rendered').at(-1);
    if (last?.view !== view) await preview.selectView(view);
}

describe('the preview reads in a 700-px pane', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await PreviewPage.open();
        await preview.page.setViewportSize({ width: 700, height: 700 });
        mkdirSync(SHOTS, { recursive: true });
    }, 60_000);
    afterAll(async () => preview?.close());

    test('the default view of every example and of a generated 30-touchpoint map: labels at 11 CSS px or more after Fit, fitted to the width when that is enough', async () => {
        const maps = await exampleModels();
        expect(maps.length).toBeGreaterThanOrEqual(5);
        maps.push({ name: 'generated-30', model: buildJourneyModel(await parseJourney(generateMap(30).text))! });
        for (const { name, model } of maps) {
            const views = renderAllViews(model, { availableWidth: 676 });
            const first = await preview.update(update(name, views));
            expect(first.rendered.shows, name).toBe('diagram');
            await preview.page.click('#zoom-fit');
            const figures = await labelFigures(preview);
            expect(figures.labels, `${name}: labels linked to the map`).toBeGreaterThan(0);
            expect(figures.smallest, `${name}: ${JSON.stringify(figures)}`).toBeGreaterThanOrEqual(11);
            // Never smaller than needed: a picture narrower than the pane at that zoom is not shrunk further.
            if (figures.zoom < 1) expect(figures.pictureWidth, `${name}: ${JSON.stringify(figures)}`).toBeGreaterThanOrEqual(figures.viewportWidth - 30);
            await preview.page.screenshot({ path: path.join(SHOTS, `preview-700-${name}.png`) });
        }
    }, 120_000);

    test('a long picture scrolls with the wheel and stays fitted, within its edges', async () => {
        const model = buildJourneyModel(await parseJourney(generateMap(30).text))!;
        const views = renderAllViews(model);
        await preview.update(update('scroll', views));
        // The widest view at its readable zoom is larger than the pane.
        await show(preview, 'flow');
        await preview.page.click('#zoom-fit');
        const before = await labelFigures(preview);
        expect(before.pictureWidth).toBeGreaterThan(before.viewportWidth);
        const box = (await preview.page.locator('#viewport').boundingBox())!;
        await preview.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await preview.page.mouse.wheel(300, 0);
        await preview.page.waitForFunction(() => /translate\(-300px/.test(document.getElementById('canvas')!.style.transform));
        await preview.page.mouse.wheel(-1000, -1000);
        await preview.page.waitForFunction(() => /translate\(0px, 0px\)/.test(document.getElementById('canvas')!.style.transform));
        await preview.page.mouse.wheel(100000, 0);
        const after = await preview.page.evaluate(() => {
            const canvas = document.getElementById('canvas')!.getBoundingClientRect();
            return { right: canvas.right, viewport: document.getElementById('viewport')!.getBoundingClientRect().right };
        });
        expect(Math.abs(after.right - after.viewport), 'scrolled to its right edge, not past it').toBeLessThan(2);
        const fitted = await labelFigures(preview);
        expect(fitted.zoom, 'scrolling keeps the fitted zoom').toBeCloseTo(before.zoom, 5);
    }, 60_000);

    test('the cursor\'s node is scrolled into view, and the editor\'s scroll keeps the picture on the stage at its top', async () => {
        const map = generateMap(30);
        const parsed = await parseJourney(map.text);
        const views = viewsOfDocument(parsed).views;
        await preview.update(update('cursor', views));
        await show(preview, 'flow');
        await preview.page.click('#zoom-fit');
        const visible = (id: string) => preview.page.evaluate((id) => {
            const node = document.querySelector(`[data-journey-id="${id}"]`)!.getBoundingClientRect();
            const viewport = document.getElementById('viewport')!.getBoundingClientRect();
            return { inside: node.left >= viewport.left && node.right <= viewport.right && node.top >= viewport.top && node.bottom <= viewport.bottom, left: node.left - viewport.left, top: node.top - viewport.top };
        }, id);
        expect((await visible('tp_27')).inside, 'the last touchpoints start off screen').toBe(false);
        await preview.page.evaluate((line) => window.postMessage({ type: 'highlight', line }, '*'), map.touchpointLines[27] + 1);
        await preview.page.waitForFunction(() => document.querySelector('.journey-highlight[data-journey-id="tp_27"]'));
        expect((await visible('tp_27')).inside, 'the cursor\'s node is on screen').toBe(true);
        await preview.page.screenshot({ path: path.join(SHOTS, 'preview-700-cursor-reveal.png') });
        // The editor scrolled to the second stage, the cursor out of sight: the picture shows that stage from its start.
        const stageLine = map.text.split('\n').findIndex((l) => l.includes('stage stage_1 '));
        await preview.page.evaluate((line) => window.postMessage({ type: 'scroll', line, lastLine: line + 30 }, '*'), stageLine + 3);
        await preview.page.waitForFunction(() => {
            const stage = document.querySelector('[data-journey-id="stage_1"]')!.getBoundingClientRect();
            const viewport = document.getElementById('viewport')!.getBoundingClientRect();
            return Math.abs(stage.left - viewport.left - 16) < 2;
        });
        // Scrolling on within the same stage leaves the picture where the reader put it.
        const transform = () => preview.page.evaluate(() => document.getElementById('canvas')!.style.transform);
        const onStage = await transform();
        await preview.page.evaluate((line) => window.postMessage({ type: 'scroll', line, lastLine: line + 30 }, '*'), stageLine + 9);
        await new Promise((r) => setTimeout(r, 100));
        expect(await transform()).toBe(onStage);
        await preview.page.screenshot({ path: path.join(SHOTS, 'preview-700-scroll-sync.png') });
        // The journey view draws the journey's title, which holds every line: the stage still wins.
        await show(preview, 'journey');
        await preview.page.click('#zoom-fit');
        const stage3 = map.text.split('\n').findIndex((l) => l.includes('stage stage_2 '));
        await preview.page.evaluate((line) => window.postMessage({ type: 'scroll', line, lastLine: line + 30 }, '*'), stage3 + 3);
        await preview.page.waitForFunction(() => {
            const stage = document.querySelector('[data-journey-id="stage_2"]')!.getBoundingClientRect();
            const viewport = document.getElementById('viewport')!.getBoundingClientRect();
            return Math.abs(stage.left - viewport.left - 16) < 2;
        });
    }, 60_000);

    test('the page reports the width of its pictures when ready and when the pane is resized', async () => {
        const ready = (await preview.posted()).find((m) => m.type === 'ready');
        expect(ready?.width).toBe(1400 - 24);
        await preview.page.setViewportSize({ width: 520, height: 700 });
        await preview.page.waitForFunction(() => ((window as unknown as { __posted: { type: string; width?: number }[] }).__posted).some((m) => m.type === 'size' && m.width === 520 - 24));
        await preview.page.setViewportSize({ width: 700, height: 700 });
    }, 30_000);

    test('a view too large to draw whole shows the stage asked for, and a picker of the stages', async () => {
        const map = generateMap(1000);
        const parsed = await parseJourney(map.text);
        const views = viewsOfDocument(parsed, { limits: MERMAID_DEFAULT_LIMITS, line: map.touchpointLines[512] }).views;
        const outcome = await preview.update(update('big', views));
        expect(outcome.rendered.shows).toBe('diagram');
        await show(preview, 'flow');
        const rendered = (await preview.posted()).filter((m) => m.type === 'rendered').at(-1)!;
        expect(rendered).toMatchObject({ shows: 'diagram', view: 'flow', stage: 'stage_51' });
        const bar = await preview.page.locator('#part').textContent();
        expect(bar).toMatch(/too large to draw whole as "Flow"/);
        expect(await preview.page.locator('#stage-picker option').count()).toBe(100);
        expect(await preview.page.locator('#stage-picker').inputValue()).toBe('stage_51');
        expect(await preview.visibleText()).toContain('512');
        const figures = await labelFigures(preview);
        expect(figures.smallest).toBeGreaterThanOrEqual(11);
        await preview.page.screenshot({ path: path.join(SHOTS, 'preview-700-big-map-stage.png') });
        await preview.page.selectOption('#stage-picker', 'stage_3');
        const picked = (await preview.posted()).filter((m) => m.type === 'selectStage');
        expect(picked.at(-1)).toEqual({ type: 'selectStage', stage: 'stage_3' });
    }, 120_000);
});
