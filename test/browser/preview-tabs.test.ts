/**
 * The real preview page (the extension's webview in Chromium) with updates as the host sends them
 * (`viewsForUpdate`): the view on screen whole, the others only as tabs. Every tab is listed; a
 * click on a tab whose picture the page does not have asks the host for it once (`needView`) and
 * keeps the picture on screen until the answer (`view`), which is drawn; an answer for another
 * version is not drawn; while the map has errors the answer is drawn under the banner; an export
 * asked before the answer waits for it; an older version is dropped unless the document was
 * opened again.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExportRequestMessage, UpdateMessage, ViewMessage, ViewResult } from '../../extension/src/preview/journey-preview-messages.js';
import { viewsForUpdate } from '../../extension/src/preview/journey-preview-views.js';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { PreviewPage } from '../support/preview-page.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const URI = 'file:///examples/home-cleaning.journey';
const LIMITS = { maxTextSize: 50000, maxEdges: 500 };

describe('the preview page gets the view on screen whole and asks the host for another one', () => {
    let preview: PreviewPage;
    let views: ViewResult[];
    beforeAll(async () => {
        preview = await PreviewPage.open();
        const workspace = await loadWorkspace([path.join(ROOT, 'examples/home-cleaning.journey')], { cwd: ROOT });
        views = renderAllViews(resolveFile(workspace.requested[0]).model!);
    }, 60_000);
    afterAll(async () => preview?.close());

    const update = (version: number, shown: 'journey' | 'flow'): UpdateMessage =>
        ({ type: 'update', uri: URI, fileName: 'home-cleaning.journey', version, views: viewsForUpdate(views, shown), errors: [], limits: LIMITS });
    const whole = (view: string) => {
        const found = views.find((v) => v.view === view);
        if (found?.kind !== 'diagram') throw new Error(`home-cleaning.journey has no ${view} diagram`);
        return found;
    };
    const asked = async () => (await preview.posted()).filter((m) => m.type === 'needView');
    /** Posts a message as the host does, without waiting for a render. */
    const send = (message: UpdateMessage | ViewMessage | ExportRequestMessage) => preview.page.evaluate((m) => window.postMessage(m, '*'), message);
    /** Waits until the page has asked for `count` views in all. */
    const waitAsked = (count: number) => preview.page.waitForFunction((n) => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter((m) => m.type === 'needView').length >= n, count);
    /** Sends a `view` message and waits for the page's first report of that view, with the text of the picture on screen as it reports. */
    const answer = (message: ViewMessage) => preview.page.evaluate((m) => new Promise<{ view: string; version: number; shows: string; drawn: boolean; draws: number; errorBanner: boolean; shownText: string }>((resolve) => {
        (window as unknown as Record<string, unknown>).__waiting = {
            view: m.view.view,
            resolve: (rendered: Record<string, unknown>) => resolve({ ...rendered, shownText: document.querySelector('#canvas svg')?.textContent ?? '' } as never),
        };
        window.postMessage(m, '*');
    }), message);

    test('a tab click asks once for the view it lacks, keeps the picture until the answer, and draws the answer of its version only', async () => {
        // The update carries one diagram whole: the view on screen.
        const carried = update(1, 'journey').views!;
        expect(carried.filter((v) => v.kind === 'diagram').map((v) => v.view)).toEqual(['journey']);
        expect(carried.map((v) => v.view)).toEqual(views.map((v) => v.view));
        expect(JSON.stringify(carried)).not.toContain(whole('flow').mermaid);

        await preview.page.evaluate(() => window.postMessage({ type: 'selectView', view: 'journey' }, '*'));
        const first = await preview.update(update(1, 'journey'));
        expect(first.rendered).toMatchObject({ version: 1, view: 'journey', shows: 'diagram', drawn: true });
        expect(await asked()).toEqual([]);
        // Every view keeps its tab.
        expect(await preview.page.locator('#tabs [data-view]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-view')))).toEqual(views.map((v) => v.view));
        const journeySvg = await preview.svg();

        await preview.page.locator('#tabs [data-view="flow"]').click();
        await waitAsked(1);
        expect(await asked()).toEqual([{ type: 'needView', view: 'flow', version: 1 }]);
        // Until the answer, the picture on screen stays (no flow render was reported).
        expect(await preview.svg()).toBe(journeySvg);
        expect((await preview.posted()).filter((m) => m.type === 'rendered' && m.view === 'flow')).toEqual([]);

        // An answer for another version is not drawn (a stale picture); the answer for version 1 is.
        const flow = whole('flow');
        await send({ type: 'view', uri: URI, version: 0, view: { ...flow, mermaid: 'flowchart LR\n  stale["STALE ANSWER"]\n' } });
        const drawn = await answer({ type: 'view', uri: URI, version: 1, view: flow });
        expect(drawn).toMatchObject({ view: 'flow', version: 1, shows: 'diagram', drawn: true, draws: first.rendered.draws + 1 });
        expect(drawn.shownText).not.toContain('STALE ANSWER');
        expect(drawn.shownText).toContain('Calls for a quote');

        // An update sent before the host heard of the click (the journey whole, the flow a tab): asked once more, for that version.
        await send(update(2, 'journey'));
        await waitAsked(2);
        // Another render of the same update (the theme's class changes) does not ask again.
        await preview.page.evaluate(() => document.body.classList.add('some-class'));
        await preview.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
        expect((await asked()).slice(1)).toEqual([{ type: 'needView', view: 'flow', version: 2 }]);
        expect(await answer({ type: 'view', uri: URI, version: 2, view: flow })).toMatchObject({ view: 'flow', version: 2, shows: 'diagram' });
    }, 60_000);

    test('while the map has errors, a tab click asks for the view of the last good version and draws it under the banner', async () => {
        const good = await preview.update(update(3, 'flow'));
        expect(good.rendered).toMatchObject({ version: 3, view: 'flow', shows: 'diagram' });
        const error = { message: 'Unknown channel', severity: 1, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } } };
        // The page reports the version of the picture it shows (the last good one) under the banner.
        const broken = await preview.page.evaluate((m) => new Promise<Record<string, unknown>>((resolve) => {
            (window as unknown as Record<string, unknown>).__waiting = { version: 3, resolve };
            window.postMessage(m, '*');
        }), { type: 'update', uri: URI, fileName: 'home-cleaning.journey', version: 4, errors: [error], limits: LIMITS } satisfies UpdateMessage);
        expect(broken).toMatchObject({ view: 'flow', shows: 'diagram', errorBanner: true });
        const before = (await asked()).length;
        await preview.page.locator('#tabs [data-view="journey"]').click();
        await waitAsked(before + 1);
        expect((await asked()).at(-1)).toEqual({ type: 'needView', view: 'journey', version: 3 });
        const drawn = await answer({ type: 'view', uri: URI, version: 3, view: whole('journey') });
        expect(drawn).toMatchObject({ view: 'journey', version: 3, shows: 'diagram', drawn: true, errorBanner: true });
    }, 60_000);

    test('an export asked right after a tab click waits for that view\'s picture instead of exporting the last one', async () => {
        await preview.page.evaluate(() => window.postMessage({ type: 'selectView', view: 'journey' }, '*'));
        expect((await preview.update(update(20, 'journey'))).rendered).toMatchObject({ version: 20, view: 'journey', shows: 'diagram' });
        const before = (await asked()).length;
        await preview.page.locator('#tabs [data-view="flow"]').click();
        await waitAsked(before + 1);
        // The host asks for an SVG while the flow's picture is still on its way.
        await send({ type: 'export', requestId: 77, format: 'svg' });
        await preview.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
        const exported = async () => (await preview.posted()).filter((m) => m.type === 'exported' && m.requestId === 77) as Array<{ data?: string; error?: string }>;
        expect(await exported()).toEqual([]);
        await answer({ type: 'view', uri: URI, version: 20, view: whole('flow') });
        await preview.page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string; requestId?: number }> }).__posted.some((m) => m.type === 'exported' && m.requestId === 77));
        const [svg] = await exported();
        expect(svg?.error).toBeUndefined();
        expect(svg?.data).toContain('flowchart');
        expect(svg?.data).toContain('Calls for a quote');
    }, 60_000);

    test('an update of a lower version is dropped as stale, unless the document was opened again (restart)', async () => {
        await preview.page.evaluate(() => window.postMessage({ type: 'selectView', view: 'journey' }, '*'));
        expect((await preview.update(update(30, 'journey'))).rendered).toMatchObject({ version: 30, view: 'journey' });
        const reports = async () => (await preview.posted()).filter((m) => m.type === 'rendered').length;
        const before = await reports();
        // An answer that comes late, of an older version: not shown.
        await send(update(3, 'journey'));
        await preview.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
        expect(await reports()).toBe(before);
        // The same document closed and opened again: VS Code numbers it from 1 again.
        const reopened = await preview.update({ ...update(1, 'journey'), restart: true });
        expect(reopened.rendered).toMatchObject({ version: 1, view: 'journey', shows: 'diagram' });
        // From there on, its versions go up again.
        expect((await preview.update(update(2, 'journey'))).rendered).toMatchObject({ version: 2 });
    }, 60_000);
});
