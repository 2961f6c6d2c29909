/**
 * Every view of every example follows the editor's theme: drawn by the real preview webview
 * (its Mermaid configuration per theme) in a real Chromium, in the light, dark and
 * high-contrast themes, each shape's computed fill is read and blended over the page's
 * background. A fill is unthemed when a shape looks the same in the light theme and in the
 * dark (or high-contrast) one and glares there (near white: a light-blue header, a white empty
 * cell) or vanishes (near black); mid-tone data colours that read on both pages (a persona's
 * dot, a sankey band, a red loss link) may stay. Screenshots: test-output/screenshots/theme-<theme>-<example>-<view>.png.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleModels } from '../support/example-models.js';
import { renderAllViews, type ViewResult } from '../../language-server/src/views/index.js';
import { PreviewPage, type PreviewTheme } from '../support/preview-page.js';
import { TEST_OUTPUT } from './harness.js';


/** One shape of the drawn view: what it is, and its fill blended over the page (r, g, b), or undefined when it has none. */
interface Fill {
    shape: string;
    colour?: [number, number, number];
}

/** The fills of the shapes (not the texts) of the diagram on screen, in document order. */
async function fills(preview: PreviewPage): Promise<Fill[]> {
    return preview.page.evaluate(() => {
        const rgba = (text: string): number[] | undefined => {
            const match = /rgba?\(([^)]+)\)/.exec(text);
            if (!match) return undefined;
            const parts = match[1].split(/[ ,/]+/).filter(Boolean).map(Number);
            return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
        };
        const page = rgba(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
        const shapes = Array.from(document.querySelectorAll('#canvas svg :is(rect, circle, ellipse, polygon, path)'));
        return shapes.map((shape) => {
            const css = getComputedStyle(shape);
            const describe = `${shape.tagName}${shape.id ? `#${shape.id}` : ''}.${shape.getAttribute('class') ?? ''} in ${shape.closest('g[id]')?.id ?? ''}`;
            const fill = rgba(css.fill);
            const opacity = Number(css.fillOpacity) * Number(css.opacity);
            if (!fill || fill[3] * opacity === 0 || css.display === 'none' || css.visibility === 'hidden') return { shape: describe };
            const alpha = fill[3] * opacity;
            return { shape: describe, colour: [0, 1, 2].map((i) => Math.round(fill[i] * alpha + page[i] * (1 - alpha))) as [number, number, number] };
        });
    });
}

/** The relative luminance of an sRGB colour (0 black … 1 white). */
function luminance([r, g, b]: [number, number, number]): number {
    const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** A colour that glares on a dark page (near white) or vanishes on it (near black). Mid tones (a persona's dot, a sankey band) read on both. */
function glares(colour: [number, number, number]): boolean {
    const value = luminance(colour);
    return value > 0.6 || value < 0.02;
}

const THEMES: PreviewTheme[] = ['vscode-light', 'vscode-dark', 'vscode-high-contrast'];


describe('every view of every example in dark and high-contrast themes', () => {
    const pages = new Map<PreviewTheme, PreviewPage>();
    beforeAll(async () => {
        for (const theme of THEMES) pages.set(theme, await PreviewPage.open({ theme }));
    }, 90_000);
    afterAll(async () => {
        for (const page of pages.values()) await page.close();
    });

    const unthemed: string[] = [];
    let compared = 0;

    test('has no unthemed fill: no shape keeps its light-theme colour', async () => {
        const shots = path.join(TEST_OUTPUT, 'screenshots');
        mkdirSync(shots, { recursive: true });
        let version = 0;
        for (const { name, model } of await exampleModels()) {
            const views: ViewResult[] = renderAllViews(model);
            version++;
            for (const view of views) {
                if (view.kind === 'empty') continue;
                const seen = new Map<PreviewTheme, Fill[]>();
                for (const theme of THEMES) {
                    const preview = pages.get(theme)!;
                    let shown = await preview.update({ type: 'update', uri: `file:///examples/${name}.journey`, fileName: `${name}.journey`, version, title: model.label, views, errors: [], limits: { maxTextSize: 1_000_000, maxEdges: 5_000 } });
                    if (shown.rendered.view !== view.view) shown = await preview.selectView(view.view);
                    expect(shown.rendered.shows, `${name} ${view.view} in ${theme}: ${shown.rendered.message ?? ''}`).toBe('diagram');
                    seen.set(theme, await fills(preview));
                    await preview.page.locator('#canvas svg').screenshot({ path: path.join(shots, `theme-${theme}-${name}-${view.view}.png`) });
                }
                const light = seen.get('vscode-light')!;
                for (const theme of ['vscode-dark', 'vscode-high-contrast'] as const) {
                    const other = seen.get(theme)!;
                    expect(other.length, `${name} ${view.view}: the same shapes in ${theme}`).toBe(light.length);
                    light.forEach((shape, i) => {
                        const a = shape.colour;
                        const b = other[i].colour;
                        if (!a || !b) return;
                        compared++;
                        if (a.every((value, j) => Math.abs(value - b[j]) <= 8) && glares(b)) unthemed.push(`${name} ${view.view} in ${theme}: ${shape.shape} is rgb(${a.join(', ')}) as in the light theme`);
                    });
                }
            }
        }
        expect(compared).toBeGreaterThan(100);
        expect(unthemed).toEqual([]);
    }, 400_000);
});
