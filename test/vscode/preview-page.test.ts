/**
 * The preview page's security; the real webview script in Chromium (the state it saves for a
 * reload, its keyboard and wheel zoom); and the Markdown document the preview saves (served by
 * the language server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownOfDocument } from '../../language-server/src/lsp/journey-preview-request.js';
import { parseJourney } from '../helpers.js';
import { previewPageHtml } from '../../extension/src/preview/journey-preview-html.js';
import type { HostToWebviewMessage, PreviewState, UpdateMessage } from '../../extension/src/preview/journey-preview-messages.js';
import { PreviewPage } from '../support/preview-page.js';

const resources = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    mermaidScript: 'https://x/media/mermaid.min.js',
    previewScript: 'https://x/media/webview.js',
    previewStyle: 'https://x/media/preview.css',
    initialState: { uri: 'file:///a"b<c>.journey' },
};

describe('the preview page', () => {
    const html = previewPageHtml(resources, 'NONCE123');
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

    it('allows scripts by nonce only, and inline styles (Mermaid needs them) without a style nonce', () => {
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-NONCE123'");
        expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
        expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);
        expect(csp).not.toMatch(/style-src[^;]*nonce/);
        expect([...html.matchAll(/<script /g)].length).toBe([...html.matchAll(/<script nonce="NONCE123"/g)].length);
    });

    it('escapes the initial state into an attribute', () => {
        expect(html).not.toContain('b<c>');
        expect(html).toContain('b&lt;c&gt;.journey&quot;');
    });
});

/** An update as the host sends it: one small flow view of `uri`, without errors. */
function update(uri: string, version: number): UpdateMessage {
    return {
        type: 'update', uri, fileName: uri.slice(uri.lastIndexOf('/') + 1), version, errors: [],
        views: [{ view: 'flow', title: 'Flow', kind: 'diagram', mermaid: 'flowchart LR\n  a["A"] --> b["B"] --> c["C"]\n', sourceMap: [] }],
        limits: { maxTextSize: 50000, maxEdges: 500 },
    };
}

/**
 * Makes the page's `vscode.setState` keep a JSON copy, across reloads of the page, as VS Code does
 * (the harness's stand-in keeps the live object, so a later change would pass for a saved one).
 */
async function keepStateAsVsCodeDoes(preview: PreviewPage): Promise<void> {
    await preview.page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        type Api = { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };
        // Whichever of the harness's init script and this one runs first, the page gets this wrapper.
        let fake = w.acquireVsCodeApi as (() => Api) | undefined;
        Object.defineProperty(window, 'acquireVsCodeApi', {
            configurable: true,
            set: (value: () => Api) => { fake = value; },
            get: () => () => {
                const api = fake!();
                return {
                    postMessage: (message: unknown) => api.postMessage(message),
                    getState: () => JSON.parse(sessionStorage.getItem('journey-saved-state') ?? 'null') ?? undefined,
                    setState: (state: unknown) => sessionStorage.setItem('journey-saved-state', JSON.stringify(state)),
                };
            },
        });
    });
    await reload(preview);
}

/** Reloads the page (as VS Code reloads a hidden webview or the window) and waits for its `ready`. */
async function reload(preview: PreviewPage): Promise<void> {
    await preview.page.reload();
    await preview.page.waitForFunction(() => ((window as unknown as { __posted?: Array<{ type: string }> }).__posted ?? []).some((m) => m.type === 'ready'));
}

describe('the preview page in Chromium', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await PreviewPage.open();
        await keepStateAsVsCodeDoes(preview);
    }, 60_000);
    afterAll(async () => preview?.close());

    /** What the page last saved with `vscode.setState` (what VS Code hands the serializer after a reload). */
    const saved = () => preview.page.evaluate(() => (window as unknown as { acquireVsCodeApi(): { getState(): PreviewState | undefined } }).acquireVsCodeApi().getState());
    const send = (message: HostToWebviewMessage) => preview.page.evaluate((m) => window.postMessage(m, '*'), message);
    const savedWith = async (what: string, accept: (state: PreviewState) => boolean) => {
        await expect.poll(async () => accept((await saved()) ?? {}), { message: `${what}: ${JSON.stringify(await saved())}`, timeout: 5000 }).toBe(true);
        return (await saved())!;
    };
    const zoom = async () => (await saved())?.zoom ?? 1;

    it('saves the document it shows after a file switch, with the zoom of that document', async () => {
        await preview.update(update('file:///maps/a.journey', 1));
        await preview.page.click('#zoom-in');
        await savedWith('the zoom of a.journey', (s) => s.uri === 'file:///maps/a.journey' && s.fit === false);
        // The preview follows the editor to another map: the host sends that map's update.
        await preview.update(update('file:///maps/b.journey', 1));
        const state = await savedWith('the state to name b.journey', (s) => s.uri === 'file:///maps/b.journey');
        expect(state.fit).toBe(true);
    });

    it('saves the document and the lock the host says it shows (followed editor, rename, lock)', async () => {
        await send({ type: 'document', uri: 'file:///maps/renamed.journey', locked: false });
        await savedWith('the renamed document', (s) => s.uri === 'file:///maps/renamed.journey' && s.locked === false);
        await send({ type: 'document', uri: 'file:///maps/renamed.journey', locked: true });
        await savedWith('the lock', (s) => s.uri === 'file:///maps/renamed.journey' && s.locked === true);
        await preview.update(update('file:///maps/renamed.journey', 2));
        expect(await saved()).toMatchObject({ uri: 'file:///maps/renamed.journey', locked: true });
    });

    it('keeps the zoom and the picture when the document is renamed', async () => {
        await preview.update(update('file:///maps/old-name.journey', 1));
        await preview.page.click('#zoom-in');
        const zoomed = await savedWith('the zoom of old-name.journey', (s) => s.uri === 'file:///maps/old-name.journey' && s.fit === false);
        await send({ type: 'document', uri: 'file:///maps/new-name.journey', locked: zoomed.locked ?? false, renamedFrom: 'file:///maps/old-name.journey' });
        const renamed = await savedWith('the new name', (s) => s.uri === 'file:///maps/new-name.journey');
        expect({ fit: renamed.fit, zoom: renamed.zoom, panX: renamed.panX, panY: renamed.panY }).toEqual({ fit: false, zoom: zoomed.zoom, panX: zoomed.panX, panY: zoomed.panY });
        expect(await preview.page.locator('#canvas svg').count()).toBe(1);
        // The next update under the new name is the same map: it still does not refit.
        await preview.update(update('file:///maps/new-name.journey', 2));
        expect((await saved())?.zoom).toBe(zoomed.zoom);
        await send({ type: 'document', uri: 'file:///maps/renamed.journey', locked: true });
    });

    it('keeps the saved document, lock and zoom through a reload of the page', async () => {
        await preview.page.click('#zoom-in');
        const before = await savedWith('the zoom', (s) => s.fit === false && s.locked === true);
        // The page's initial state still names the document the panel was created with.
        await reload(preview);
        expect(await saved()).toEqual(before);
        await preview.update(update('file:///maps/renamed.journey', 2));
        expect(await saved()).toEqual(before);
        await send({ type: 'document', uri: 'file:///maps/renamed.journey', locked: false });
        await savedWith('the unlock', (s) => s.locked === false);
    });

    it('zooms with + - 0 and Ctrl + wheel, but leaves Ctrl, Cmd and Alt with + or - to VS Code (the window zoom)', async () => {
        await preview.update(update('file:///maps/keys.journey', 1));
        await preview.page.click('#zoom-reset');
        await preview.page.focus('#viewport');
        expect(await zoom()).toBe(1);
        for (const key of ['Control+Minus', 'Control+Equal', 'Meta+Equal', 'Meta+Minus', 'Alt+Minus', 'Control+Shift+Equal', 'Control+0']) {
            await preview.page.keyboard.press(key);
            expect(await zoom(), key).toBe(1);
        }
        await preview.page.keyboard.press('Equal');
        expect(await zoom(), '=').toBeCloseTo(1.25);
        await preview.page.keyboard.press('Minus');
        expect(await zoom(), '-').toBeCloseTo(1);
        await preview.page.keyboard.press('Minus');
        expect(await zoom(), '-').toBeCloseTo(0.8);
        await preview.page.keyboard.press('0');
        expect(await zoom(), '0').toBe(1);
        const box = (await preview.page.locator('#viewport').boundingBox())!;
        await preview.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await preview.page.mouse.wheel(0, 100);
        const panned = (await saved())!;
        expect(panned.zoom, 'a plain wheel pans').toBe(1);
        expect(panned.panY).toBe(-100);
        await preview.page.keyboard.down('Control');
        await preview.page.mouse.wheel(0, -300);
        await preview.page.keyboard.up('Control');
        expect(await zoom(), 'Ctrl + wheel up zooms in').toBeCloseTo(Math.E, 1);
    });
});

describe('Save as Markdown', () => {
    const text = [
        'journey fish "Fish & <b>chips</b> *now*" {',
        '  persona ana "Ana" { goal "Lunch" }',
        '  stage order "Order" {',
        '    kpi orders "Orders" target 30',
        '    touchpoint counter "At the counter" { persona ana emotion 4 }',
        '  }',
        '}',
    ].join('\n');

    it('is the document journey render --format markdown writes: title as text, personas, KPIs, a block per view', async () => {
        const { markdown } = markdownOfDocument(await parseJourney(text));
        expect(markdown?.split('\n')[0]).toBe('# Fish &amp; &lt;b&gt;chips&lt;/b&gt; \\*now\\*');
        expect(markdown).toContain('## Personas\n\n- **Ana**\n  - Goal: Lunch');
        expect(markdown).toContain('| Order | Orders | 30 |');
        expect(markdown).toMatch(/## Flow\n\n```mermaid\n---\nconfig:\n[\s\S]*?\n---\nflowchart LR/);
        expect(markdown).toMatch(/## Priorities\n\n> .*action/);
    });

    it('is absent when the file holds no journey', async () => {
        const result = markdownOfDocument(await parseJourney('persona ana "Ana"'));
        expect(result.markdown).toBeUndefined();
        expect(result.problem).toMatch(/holds no journey/);
    });
});
