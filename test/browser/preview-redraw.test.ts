/**
 * The real preview page (the extension's webview in Chromium) draws a view again only when its
 * Mermaid text changed: an update with a new version but the same pictures (an edit that changes
 * no view, or one above the elements that only moves their lines) costs no `mermaid.render`, still
 * reports `rendered` for its version and links the picture to the new lines; a changed view is
 * drawn again. Mermaid's calls are counted by wrapping `mermaid.render` in the page, not only by
 * the page's own counters, so the test fails if the skip is removed.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UpdateMessage, ViewResult } from '../../extension/src/preview/journey-preview-messages.js';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { PreviewPage } from '../support/preview-page.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const URI = 'file:///examples/hello.journey';

/** The same views, as if `lines` lines had been inserted above everything they draw. */
function shifted(views: ViewResult[], lines: number): ViewResult[] {
    return views.map((view) => view.kind !== 'diagram' ? view : {
        ...view,
        ...(view.table ? { table: { ...view.table, rows: view.table.rows.map((row) => ({ ...row, range: move(row.range, lines) })) } } : {}),
        sourceMap: view.sourceMap.map((entry) => ({
            ...entry,
            range: {
                ...entry.range,
                start: { ...entry.range.start, line: entry.range.start.line + lines },
                end: { ...entry.range.end, line: entry.range.end.line + lines },
            },
        })),
    });
}

function move<T extends { start: { line: number }; end: { line: number } }>(range: T, lines: number): T {
    return { ...range, start: { ...range.start, line: range.start.line + lines }, end: { ...range.end, line: range.end.line + lines } };
}

function update(version: number, views: ViewResult[], uri = URI): UpdateMessage {
    return { type: 'update', uri, fileName: 'hello.journey', version, views, errors: [], limits: { maxTextSize: 50000, maxEdges: 500 } };
}

describe('the preview draws a view again only when its Mermaid text changed', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await PreviewPage.open();
        // Counts Mermaid's own calls, whatever the page says about them.
        await preview.page.evaluate(() => {
            const w = window as unknown as { mermaid: { render(...args: unknown[]): Promise<unknown> }; __mermaidRenders: number };
            const render = w.mermaid.render.bind(w.mermaid);
            w.__mermaidRenders = 0;
            w.mermaid.render = (...args: unknown[]) => {
                w.__mermaidRenders++;
                return render(...args);
            };
        });
    }, 60_000);
    afterAll(async () => preview?.close());

    const mermaidRenders = () => preview.page.evaluate(() => (window as unknown as { __mermaidRenders: number }).__mermaidRenders);
    /**
     * Clicks the first element of the picture linked to the map and returns the line the page asks
     * the editor to reveal, with the version it says that line is read in (`line@version`).
     */
    const clickFirstLinked = async (diagramId: string) => {
        const before = (await preview.posted()).length;
        await preview.page.evaluate((id) => {
            const entry = Array.from(document.querySelectorAll('#canvas svg .journey-linked')).find((el) => el.getAttribute('data-journey-id') === id);
            if (!entry) throw new Error(`no linked element for ${id}`);
            entry.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        }, diagramId);
        const reveal = (await preview.posted()).slice(before).find((m) => m.type === 'reveal') as { range: { start: { line: number } }; version: number } | undefined;
        return reveal && `${reveal.range.start.line}@${reveal.version}`;
    };

    test('a new version with the same views is not drawn again; a changed view is', async () => {
        const workspace = await loadWorkspace([path.join(ROOT, 'examples/hello.journey')], { cwd: ROOT });
        const views = renderAllViews(resolveFile(workspace.requested[0]).model!);
        const journey = views.find((view) => view.view === 'journey');
        if (journey?.kind !== 'diagram') throw new Error('hello.journey has no journey view');
        const touchpoint = journey.sourceMap.find((entry) => entry.kind === 'touchpoint' && entry.elementId);
        if (!touchpoint?.elementId) throw new Error('the journey view links no touchpoint');
        // The journey view is shown (before any update: nothing to wait for yet).
        await preview.page.evaluate(() => window.postMessage({ type: 'selectView', view: 'journey' }, '*'));

        const first = await preview.update(update(1, views));
        expect(first.rendered).toMatchObject({ version: 1, view: 'journey', shows: 'diagram', drawn: true });
        expect(first.rendered.timing.mermaid).toBeGreaterThan(0);
        const calls = await mermaidRenders();
        expect(calls).toBeGreaterThan(0);
        expect(first.rendered.draws).toBe(calls);
        const svg = await preview.svg();
        expect(await clickFirstLinked(touchpoint.elementId)).toBe(`${touchpoint.range.start.line}@1`);

        // An edit two lines above everything: the same Mermaid text, every element on another line.
        const second = await preview.update(update(2, shifted(views, 2)));
        expect(second.rendered).toMatchObject({ version: 2, view: 'journey', shows: 'diagram', drawn: false, draws: first.rendered.draws, skips: first.rendered.skips + 1 });
        expect(second.rendered.timing.mermaid).toBe(0);
        expect(second.rendered.svgLength).toBe(first.rendered.svgLength);
        expect(await mermaidRenders()).toBe(calls);
        expect(await preview.svg()).toBe(svg);
        // The picture kept is linked to the new lines.
        expect(await clickFirstLinked(touchpoint.elementId)).toBe(`${touchpoint.range.start.line + 2}@2`);

        // A version whose text changes no view at all (a comment typed): still no drawing.
        const third = await preview.update(update(3, shifted(views, 2)));
        expect(third.rendered).toMatchObject({ version: 3, drawn: false, draws: first.rendered.draws, skips: first.rendered.skips + 2 });
        expect(await mermaidRenders()).toBe(calls);

        // The journey view's text changes: drawn again.
        const changed = views.map((view) => view.view === 'journey' && view.kind === 'diagram' ? { ...view, mermaid: `${view.mermaid}\n%% edited` } : view);
        const fourth = await preview.update(update(4, changed));
        expect(fourth.rendered).toMatchObject({ version: 4, view: 'journey', shows: 'diagram', drawn: true, draws: first.rendered.draws + 1, skips: third.rendered.skips });
        expect(await mermaidRenders()).toBe(calls + 1);
        expect(await clickFirstLinked(touchpoint.elementId)).toBe(`${touchpoint.range.start.line}@4`);
    }, 60_000);

    test('the rows of a table beside a picture kept on screen lead to their new lines', async () => {
        const workspace = await loadWorkspace([path.join(ROOT, 'examples/home-cleaning.journey')], { cwd: ROOT });
        const views = renderAllViews(resolveFile(workspace.requested[0]).model!);
        const priorities = views.find((view) => view.view === 'priorities');
        if (priorities?.kind !== 'diagram' || !priorities.table) throw new Error('the priorities view has no table');
        const uri = 'file:///examples/home-cleaning.journey';
        await preview.update(update(10, views, uri));
        const drawn = await preview.selectView('priorities');
        expect(drawn.rendered).toMatchObject({ view: 'priorities', shows: 'diagram', drawn: true });
        const calls = await mermaidRenders();
        const clickRow = async () => {
            await preview.page.locator('#canvas .journey-table tbody tr').first().click();
            const reveal = (await preview.posted()).filter((message) => message.type === 'reveal').at(-1) as { range: { start: { line: number } } } | undefined;
            return reveal?.range.start.line;
        };
        const row = priorities.table.rows[0]!;
        expect(await clickRow()).toBe(row.range.start.line);
        const kept = await preview.update(update(11, shifted(views, 3), uri));
        expect(kept.rendered).toMatchObject({ version: 11, view: 'priorities', drawn: false, draws: drawn.rendered.draws });
        expect(await mermaidRenders()).toBe(calls);
        expect(await clickRow()).toBe(row.range.start.line + 3);
    }, 60_000);
});
