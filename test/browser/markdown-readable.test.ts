/**
 * The pictures of a Markdown page, read where people read them: every ```mermaid block that
 * `journey render --format markdown` writes for every example (and the journey pictures of a
 * pull-request report) is drawn by the real Mermaid in Chromium, scaled as GitHub scales it
 * into its 880-pixel column, and its smallest label is measured on screen: 11 CSS pixels or
 * more, or the picture is a single step that cannot be cut any further. Views too wide for the
 * column come in pieces (view-pieces.ts), the flow runs top to bottom, the canvas turns portrait.
 * Screenshots: test-output/screenshots/markdown-<example>-<view>-<n>.png.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { diffFiles } from '../../language-server/src/diff/diff-files.js';
import { diffToMarkdown } from '../../language-server/src/diff/diff-markdown.js';
import { viewPicture } from '../../language-server/src/diff/diff-pictures.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { renderView } from '../../language-server/src/views/index.js';
import { MARKDOWN_PAGE_WIDTH, markdownDocument, markdownViews } from '../../language-server/src/views/markdown-document.js';
import { READABLE_LABEL_PX } from '../../language-server/src/views/view-width.js';
import { useMermaidBrowser } from './harness.js';
import { shownTextSize } from './canvas-dom.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function examples(): Promise<Array<{ name: string; model: JourneyModel }>> {
    const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
    return workspace.requested.flatMap((file) => {
        const { model } = resolveFile(file);
        return model ? [{ name: path.basename(file.path, '.journey'), model }] : [];
    });
}

/** The ```mermaid blocks of a Markdown document, as GitHub finds them, with the `## ` heading above each. */
function mermaidBlocks(markdown: string): Array<{ heading: string; mermaid: string }> {
    const blocks: Array<{ heading: string; mermaid: string }> = [];
    let heading = '';
    const lines = markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].startsWith('## ')) heading = lines[i].slice(3);
        const fence = /^(`{3,})mermaid$/.exec(lines[i]);
        if (!fence) continue;
        const end = lines.indexOf(fence[1], i + 1);
        blocks.push({ heading, mermaid: lines.slice(i + 1, end).join('\n') });
        i = end;
    }
    return blocks;
}

const browser = useMermaidBrowser();

describe('the pictures of a Markdown page in GitHub\'s 880-pixel column', () => {
    test('every picture of every example shows its labels at 11 px or more (or is one step that cannot be cut)', async () => {
        const report: string[] = [];
        let pieces = 0;
        for (const { name, model } of await examples()) {
            const { views } = markdownViews(model);
            const markdown = markdownDocument(model, views);
            const blocks = mermaidBlocks(markdown);
            // Each block of the page is one picture of the views, in order: nothing drawn is lost.
            const pictures = views.flatMap((view) => (view.kind === 'diagram' ? (view.pieces ?? [{ steps: undefined, mermaid: view.mermaid }]).map((piece) => ({ view: view.view, ...piece })) : []));
            expect(blocks.map((block) => block.mermaid), name).toEqual(pictures.map((picture) => picture.mermaid.trimEnd()));
            pieces += pictures.filter((picture) => picture.steps).length;
            let index = 0;
            for (const picture of pictures) {
                index++;
                const result = await browser().render(picture.mermaid);
                expect(result.error, `${name} ${picture.view}: Mermaid error`).toBeUndefined();
                const size = await shownTextSize(browser(), MARKDOWN_PAGE_WIDTH, `markdown-${name}-${picture.view}-${index}`);
                report.push(`${name} ${picture.view} #${index}: ${size.toFixed(1)} px`);
                if (picture.steps?.length === 1) continue;
                expect(size, `${name}: the ${picture.view} view${picture.steps ? ` (piece of ${picture.steps.length} steps)` : ''} shows its labels at ${size.toFixed(1)} px in an 880-pixel column`).toBeGreaterThanOrEqual(READABLE_LABEL_PX);
            }
        }
        // The big examples do need pieces: without them this test would prove nothing.
        expect(pieces, report.join('\n')).toBeGreaterThanOrEqual(20);
    }, 900_000);

    test('the before/after pictures of a pull-request report read there too', async () => {
        const home = (await examples()).find((example) => example.name === 'home-cleaning')!;
        // The same map, one touchpoint relabelled: every picture is drawn before and after.
        const after = structuredClone(home.model);
        const first = after.stages[0].steps[0];
        if (first.kind === 'touchpoint') first.label = 'Finds us on a map app';
        const markdown = diffToMarkdown(diffFiles([{ before: { path: 'home-cleaning.journey', text: 'a', models: [home.model] }, after: { path: 'home-cleaning.journey', text: 'b', models: [after] } }]), { picture: viewPicture });
        const blocks = mermaidBlocks(markdown);
        // Canvas and flow whole; the journey in pieces, of which the report shows the changed stage's.
        expect(blocks.length, markdown).toBe(6);
        expect(markdown).toContain('<em>Awareness – Consideration</em>');
        for (const [index, block] of blocks.entries()) {
            const result = await browser().render(block.mermaid);
            expect(result.error).toBeUndefined();
            const size = await shownTextSize(browser(), MARKDOWN_PAGE_WIDTH, index < 8 ? `markdown-diff-${index + 1}` : undefined);
            expect(size, `picture ${index + 1} of the report: labels at ${size.toFixed(1)} px`).toBeGreaterThanOrEqual(READABLE_LABEL_PX);
        }
    }, 300_000);

    test('the measure can fail: the whole journey and blueprint views of home-cleaning, unsplit, are under 11 px there', async () => {
        const home = (await examples()).find((example) => example.name === 'home-cleaning')!;
        for (const view of ['journey', 'blueprint'] as const) {
            const whole = renderView(home.model, view, { availableWidth: MARKDOWN_PAGE_WIDTH });
            expect(whole.kind).toBe('diagram');
            await browser().render(whole.kind === 'diagram' ? whole.mermaid : '');
            expect(await shownTextSize(browser(), MARKDOWN_PAGE_WIDTH), view).toBeLessThan(READABLE_LABEL_PX);
        }
    });
});
