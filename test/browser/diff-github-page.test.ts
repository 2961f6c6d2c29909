/**
 * A pull-request report built from hostile labels and file names, shown as GitHub shows the
 * comment: GitHub-flavoured Markdown with GitHub's allow-list, its ```mermaid blocks drawn by
 * the product's Mermaid, in a real Chromium. What a reviewer sees: the real headings and
 * tables only, every hostile label written out as text, no image, no script; a screenshot
 * is saved to test-output/screenshots/diff-github-hostile.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffFiles } from '../../language-server/src/diff/diff-files.js';
import { diffToMarkdown, PICTURE_VIEWS, REPORT_MAX_LENGTH } from '../../language-server/src/diff/diff-markdown.js';
import { viewPicture } from '../../language-server/src/diff/diff-pictures.js';
import { quoteString } from '../../language-server/src/language/journey-value-converter.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { findChromium } from '../../language-server/src/render/chromium-path.js';
import { CHROMIUM_ARGS } from '../../language-server/src/render/mermaid-renderer.js';
import { parseJourney } from '../helpers.js';
import { githubHtml } from '../support/github-markdown.js';
import { expectShown, TEST_OUTPUT, useMermaidBrowser } from './harness.js';

const STAGE = 'Payment\nNo journey map changed.\n<!--';
const TOUCHPOINT = '<details><summary>Fake</summary> Tweets @acme about #123 ![x](https://evil.example/x.png)';
const PAIN = '<img src="https://evil.example/p.png"> | owner/repo#2 `code` **bold**';
const FILE = 'maps/a`<b>x</b>`\n# Injected.journey';

function map(emotion: number): string {
    return `journey j "Hostile" {\n  stage s ${quoteString(STAGE)} {\n    touchpoint t ${quoteString(TOUCHPOINT)} {\n      emotion ${emotion}\n${emotion > 2 ? `      pain ${quoteString(PAIN)}\n` : ''}    }\n  }\n}\n`;
}

let browser: Browser;
beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}, 60_000);
afterAll(async () => browser?.close());

describe('a hostile report as GitHub shows it', () => {
    const mermaid = useMermaidBrowser();

    test('only the report\'s own structure, every label as text, every picture drawn, no image', async () => {
        const [before, after] = await Promise.all([map(2), map(4)].map(async (text, i) => buildJourneyModel(await parseJourney(text, { uri: `file:///github-page-${i}.journey` }))!));
        const markdown = diffToMarkdown(diffFiles([{ before: { path: FILE, text: 'a', models: [before] }, after: { path: FILE, text: 'b', models: [after] } }]), { picture: viewPicture, maxLength: REPORT_MAX_LENGTH });
        let html = githubHtml(markdown);
        // Draw each ```mermaid block as GitHub does, with the product's Mermaid.
        const blocks = [...html.matchAll(/<pre><code class="language-mermaid">([^]*?)<\/code><\/pre>/g)];
        expect(blocks).toHaveLength(PICTURE_VIEWS.length * 2); // each view before and after
        for (const block of blocks) {
            const text = block[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
            const result = await mermaid().render(text);
            expect(result.error, text).toBeUndefined();
            expectShown(result.text!, STAGE.replace(/\n/g, ' '), 'the stage in a picture');
            html = html.replace(block[0], `<div class="mermaid">${result.svg!.replace(/^<\?xml[^>]*>\n/, '')}</div>`);
        }
        const page = await (await browser.newContext({ offline: true, viewport: { width: 1000, height: 800 } })).newPage();
        await page.route('**/*', (route) => void route.abort());
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:sans-serif;max-width:900px;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px}</style></head><body>${html}</body></html>`);
        const seen = await page.evaluate(() => ({
            headings: Array.from(document.querySelectorAll("h1,h2,h3,h4,h5,h6"), (h) => `${h.tagName} ${h.textContent}`),
            details: document.querySelectorAll('details').length,
            images: document.querySelectorAll('img, image').length,
            tables: document.querySelectorAll('table').length,
            text: document.body.innerText.replace(/\u2060/g, ''),
        }));
        expect(seen.headings).toEqual(['H2 Journey map changes', 'H3 Hostile', 'H4 Stage Payment No journey map changed. <!--']);
        expect(seen.details).toBe(PICTURE_VIEWS.length);
        expect(seen.tables).toBe(1);
        expect(seen.images).toBe(0);
        expect(seen.text).toContain(TOUCHPOINT);
        expect(seen.text).toContain(PAIN);
        expect(seen.text).toContain('maps/a`<b>x</b>`␊# Injected.journey');
        expect(seen.text).toContain('mean emotion in Payment No journey map changed. <!-- 2.0 → 4.0');
        const folder = path.join(TEST_OUTPUT, 'screenshots');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'diff-github-hostile.png'), await page.screenshot({ fullPage: true }));
        await page.close();
    }, 120_000);
});
