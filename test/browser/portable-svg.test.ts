/**
 * Pictures that travel and stay the same:
 * - the SVG files `journey render` writes carry every label as SVG text, drawn by a renderer
 *   that is not a browser (rsvg-convert, from Debian's librsvg2-bin, as slide and design
 *   tools draw SVG): no `<foreignObject>` is left, each label the view shows is in the
 *   file's `<text>`, and rsvg draws those texts (its picture with them differs from the one
 *   without them where the labels are);
 * - the Mermaid settings each view depends on are pinned in its text, so the same map gives
 *   byte-identical SVG in two fresh browsers.
 * rsvg's pictures land in test-output/screenshots/rsvg-<example>-<view>.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';
import { renderAllViews, type ViewId } from '../../language-server/src/views/index.js';
import { exampleModels } from '../support/example-models.js';
import { TEST_OUTPUT, withoutSpaces } from './harness.js';
import { labelsDrawnBy } from './view-labels.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'out', 'cli.cjs');


function rsvg(svgFile: string, pngFile: string): void {
    const result = spawnSync('rsvg-convert', [svgFile, '-o', pngFile], { encoding: 'utf8' });
    expect(result.error, 'rsvg-convert is installed by scripts/setup-test-tools.sh').toBeUndefined();
    expect(result.status, `rsvg-convert ${svgFile}: ${result.stderr}`).toBe(0);
}

describe('portable SVG files', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
        browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
        page = await (await browser.newContext({ offline: true })).newPage();
    }, 60_000);
    afterAll(async () => {
        await browser?.close();
    });

    /** The texts of the SVG file's `<text>` elements, and whether it still has a `<foreignObject>`. */
    async function svgTexts(svg: string): Promise<{ texts: string[]; foreignObjects: number }> {
        return page.evaluate((source) => {
            const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
            return { texts: Array.from(doc.querySelectorAll('text')).map((text) => text.textContent ?? ''), foreignObjects: doc.querySelectorAll('foreignObject').length };
        }, svg);
    }

    /** The SVG file without its `<text>` elements. */
    async function withoutTexts(svg: string): Promise<string> {
        return page.evaluate((source) => {
            const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
            for (const text of Array.from(doc.querySelectorAll('text'))) text.remove();
            return new XMLSerializer().serializeToString(doc);
        }, svg);
    }

    /** How many pixels differ between two PNG files (decoded by the browser). */
    async function differentPixels(a: string, b: string): Promise<number> {
        const data = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
        return page.evaluate(async ([first, second]) => {
            const pixels = async (url: string) => {
                const image = new Image();
                image.src = url;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.naturalWidth;
                canvas.height = image.naturalHeight;
                const context = canvas.getContext('2d')!;
                context.drawImage(image, 0, 0);
                return context.getImageData(0, 0, canvas.width, canvas.height).data;
            };
            const [x, y] = [await pixels(first), await pixels(second)];
            if (x.length !== y.length) return -1;
            let count = 0;
            for (let i = 0; i < x.length; i += 4) if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2] || x[i + 3] !== y[i + 3]) count++;
            return count;
        }, [data(a), data(b)]);
    }

    test('journey render writes every label as SVG text that rsvg-convert draws', async () => {
        const out = mkdtempSync(path.join(tmpdir(), 'journey-portable-'));
        const shots = path.join(TEST_OUTPUT, 'screenshots');
        mkdirSync(shots, { recursive: true });
        const result = spawnSync(process.execPath, [CLI, 'render', 'examples', '--format', 'svg', '--out', out], { cwd: ROOT, encoding: 'utf8' });
        expect(result.status, result.stderr).toBe(0);
        const models = new Map((await exampleModels()).map(({ name, model }) => [name, model]));
        const files = readdirSync(out).filter((file) => file.endsWith('.svg'));
        expect(files.length).toBeGreaterThanOrEqual(models.size * 4);
        for (const file of files) {
            const [, name, view] = /^(.*)-(\w+)\.svg$/.exec(file)!;
            const model = models.get(name);
            if (!model) continue;
            const svgFile = path.join(out, file);
            const svg = readFileSync(svgFile, 'utf8');
            const { texts, foreignObjects } = await svgTexts(svg);
            expect(foreignObjects, `${file}: a <foreignObject> is drawn empty outside a browser`).toBe(0);
            // A browser shows a line break inside an SVG text as a space; rsvg (SVG 1.1) drops it and glues the words.
            for (const text of texts) expect(text, `${file}: words joined by a line break only`).not.toMatch(/\S[\r\n]+\s*\S/);
            const drawn = withoutSpaces(texts.join('\n'));
            for (const label of labelsDrawnBy(model, view as ViewId)) {
                expect(drawn.includes(withoutSpaces(label)), `${file}: the label ${JSON.stringify(label)} is not in the SVG text`).toBe(true);
            }
            // rsvg draws the file, and draws its texts: without them its picture is not the same.
            const png = path.join(shots, `rsvg-${name}-${view}.png`);
            rsvg(svgFile, png);
            const bare = path.join(out, `${name}-${view}-without-text.svg`);
            writeFileSync(bare, await withoutTexts(svg));
            rsvg(bare, path.join(out, `${name}-${view}-without-text.png`));
            const changed = await differentPixels(png, path.join(out, `${name}-${view}-without-text.png`));
            expect(changed, `${file}: rsvg draws no text`).toBeGreaterThan(200);
        }
    }, 180_000);
});

describe('stable pictures', () => {
    test('every view of every example gives byte-identical SVG in two fresh browsers', async () => {
        const texts = (await exampleModels()).flatMap(({ name, model }) =>
            renderAllViews(model).flatMap((view) => (view.kind === 'diagram' ? [{ where: `${name} ${view.view}`, mermaid: view.mermaid }] : [])),
        );
        for (const { where, mermaid } of texts) {
            expect(mermaid, `${where}: the settings the picture depends on are pinned in its text`).toMatch(/^---\nconfig:\n(.*\n)*  look: classic\n(.*\n)*  deterministicIds: true\n(.*\n)*---\n/);
        }
        const runs: string[][] = [];
        for (let run = 0; run < 2; run++) {
            const renderer = await MermaidRenderer.launch();
            try {
                runs.push((await renderer.renderAll(texts.map((text) => text.mermaid))).map((result) => result.svg ?? `error: ${result.error}`));
            } finally {
                await renderer.close();
            }
        }
        texts.forEach(({ where }, i) => expect(runs[1][i], `${where}: another SVG in a fresh browser`).toBe(runs[0][i]));
    }, 180_000);
});
