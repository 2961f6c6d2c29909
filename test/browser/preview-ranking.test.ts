/**
 * The real preview page (the extension's webview in Chromium) shows the priorities' ranking as
 * a table under the quadrant: the rows the view sends, best first, readable at the size shown,
 * within the picture's width; a click on a row leads to the action's line, and the cursor on
 * an action's line outlines its row. In a dark theme the table takes the theme's colours.
 * Screenshots land in test-output/screenshots/preview-ranking-*.png.
 */
import * as path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { PreviewPage } from '../support/preview-page.js';
import { TEST_OUTPUT } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function exampleViews(name: string) {
    const workspace = await loadWorkspace([path.join(ROOT, 'examples', name)], { cwd: ROOT });
    return renderAllViews(resolveFile(workspace.requested[0]).model!);
}

async function screenshot(preview: PreviewPage, name: string): Promise<void> {
    mkdirSync(path.join(TEST_OUTPUT, 'screenshots'), { recursive: true });
    writeFileSync(path.join(TEST_OUTPUT, 'screenshots', `preview-ranking-${name}.png`), await preview.page.screenshot());
}

for (const theme of ['vscode-light', 'vscode-dark'] as const) {
    describe(`the ranking table under the priorities quadrant (${theme})`, () => {
        let preview: PreviewPage;
        beforeAll(async () => {
            preview = await PreviewPage.open({ theme });
        }, 60_000);
        afterAll(async () => preview?.close());

        test('shows the rows the view sends, readable and within the picture, and links each row to its action', async () => {
            const views = await exampleViews('home-cleaning.journey');
            const priorities = views.find((view) => view.view === 'priorities')!;
            if (priorities.kind !== 'diagram' || !priorities.table) throw new Error('the priorities view has no table');
            await preview.update({
                type: 'update', uri: 'file:///examples/home-cleaning.journey', fileName: 'home-cleaning.journey', version: 1,
                views, errors: [], limits: { maxTextSize: 50000, maxEdges: 500 },
            });
            expect((await preview.selectView('priorities')).rendered.shows).toBe('diagram');
            await screenshot(preview, theme);
            const shown = await preview.page.evaluate(() => {
                const figure = document.querySelector('#canvas .journey-table') as HTMLElement;
                const svg = document.querySelector('#canvas svg') as SVGSVGElement;
                const cell = figure.querySelector('td') as HTMLElement;
                const zoom = Number(/scale\(([\d.]+)\)/.exec(document.getElementById('canvas')!.style.transform)?.[1] ?? 1);
                const box = figure.getBoundingClientRect();
                const picture = svg.getBoundingClientRect();
                return {
                    caption: figure.querySelector('caption')!.textContent,
                    header: Array.from(figure.querySelectorAll('th')).map((th) => th.textContent),
                    rows: Array.from(figure.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)),
                    fontOnScreen: parseFloat(getComputedStyle(cell).fontSize) * zoom,
                    textColour: getComputedStyle(cell).color,
                    background: getComputedStyle(document.body).backgroundColor,
                    below: box.top >= picture.bottom - 1,
                    withinWidth: box.width <= Math.max(picture.width, 480 * zoom) + 1,
                    visible: box.bottom <= window.innerHeight || box.top < window.innerHeight,
                };
            });
            expect(shown.caption).toBe(priorities.table.caption);
            expect(shown.header).toEqual(priorities.table.columns);
            expect(shown.rows).toEqual(priorities.table.rows.map((row) => row.cells));
            expect(shown.rows.map((row) => row[1])).toEqual(['One-click rebooking', 'Show prices on the home page', 'Instant online quote', 'Answer the phone until 9 pm']);
            expect(shown.fontOnScreen, 'table text on screen (px)').toBeGreaterThanOrEqual(11);
            expect(shown.below, 'the table is under the quadrant').toBe(true);
            expect(shown.withinWidth, 'the table keeps to the picture\'s width').toBe(true);
            expect(shown.textColour, 'the table text stands out from the background').not.toBe(shown.background);

            // A click on the first row reveals the action's line in the editor.
            await preview.page.locator('#canvas .journey-table tbody tr').first().click();
            const reveal = (await preview.posted()).filter((message) => message.type === 'reveal').at(-1) as { range: { start: { line: number } } } | undefined;
            const first = priorities.table.rows[0]!;
            expect(reveal?.range.start.line).toBe(first.range.start.line);

            // The cursor on that action's line outlines its row (and only it).
            await preview.page.evaluate((line) => window.postMessage({ type: 'highlight', line }, '*'), first.range.start.line + 1);
            await preview.page.waitForFunction(() => document.querySelectorAll('#canvas .journey-table tr.journey-highlight').length > 0);
            const outlined = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#canvas .journey-table tr.journey-highlight')).map((tr) => tr.querySelector('td:nth-child(2)')!.textContent));
            expect(outlined).toEqual([first.cells[1]]);
        }, 60_000);
    });
}
