/**
 * The real preview webview in a real Chromium, without VS Code: the page the extension builds
 * (`previewPageHtml`, strict CSP, scripts by nonce) served from a fake origin with the built
 * `extension/media` files, and a stand-in for `acquireVsCodeApi` that records what the page
 * posts. Benchmarks and hostile-label tests drive it with the same messages the host sends.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { previewPageHtml } from '../../extension/src/preview/journey-preview-html.js';
import type { RenderedMessage, UpdateMessage, ViewId } from '../../extension/src/preview/journey-preview-messages.js';
import { findChromium, missingChromiumMessage } from '../../language-server/src/render/chromium-path.js';
import { CHROMIUM_ARGS } from '../../language-server/src/render/mermaid-renderer.js';

const MEDIA = fileURLToPath(new URL('../../extension/media', import.meta.url));
const ORIGIN = 'https://journey-webview.test';

/** The body classes VS Code gives a webview in each kind of theme. */
export type PreviewTheme = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light';

/** The editor colours VS Code's default themes of each kind give the webview (as `--vscode-*` variables). */
export const THEME_COLOURS: Record<PreviewTheme, string> = {
    'vscode-light': '--vscode-editor-background:#ffffff;--vscode-editor-foreground:#3b3b3b',
    'vscode-dark': '--vscode-editor-background:#1f1f1f;--vscode-editor-foreground:#cccccc',
    'vscode-high-contrast': '--vscode-editor-background:#000000;--vscode-editor-foreground:#ffffff;--vscode-contrastBorder:#6fc3df',
    'vscode-high-contrast-light': '--vscode-editor-background:#ffffff;--vscode-editor-foreground:#292929;--vscode-contrastBorder:#0f4a85',
};

/** What the page posted back, and how long an update took to show, measured inside the page. */
export interface UpdateOutcome {
    rendered: RenderedMessage;
    /** From the message's dispatch to the page's `rendered` report, in ms (page clock). */
    ms: number;
}

/** One preview page in a headless Chromium. */
export class PreviewPage {
    /** Dialogs some content tried to open (none is ever expected). */
    readonly dialogs: string[] = [];
    /** Requests the page tried to make that the fake origin does not serve (none is expected). */
    readonly strayRequests: string[] = [];
    /** Console errors of the page, such as CSP violations. */
    readonly consoleErrors: string[] = [];

    private constructor(private readonly browser: Browser, readonly page: Page) {}

    /** Launches Chromium and opens the preview page; fails clearly when the webview was not built. */
    static async open(options: { theme?: PreviewTheme } = {}): Promise<PreviewPage> {
        for (const file of ['webview.js', 'mermaid.min.js', 'preview.css']) {
            if (!existsSync(path.join(MEDIA, file))) throw new Error(`extension/media/${file} is missing: run \`npm run build\` first`);
        }
        const executablePath = findChromium();
        if (!executablePath) throw new Error(missingChromiumMessage());
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const preview = new PreviewPage(browser, page);
        page.on('dialog', (dialog) => {
            preview.dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        page.on('console', (message) => {
            if (message.type() === 'error') preview.consoleErrors.push(message.text());
        });
        const html = previewPageHtml({
            cspSource: ORIGIN,
            mermaidScript: `${ORIGIN}/media/mermaid.min.js`,
            previewScript: `${ORIGIN}/media/webview.js`,
            previewStyle: `${ORIGIN}/media/preview.css`,
            initialState: { uri: 'file:///bench/map.journey' },
        }).replace('<body>', `<body class="${options.theme ?? 'vscode-light'}" style="${THEME_COLOURS[options.theme ?? 'vscode-light']}">`);
        await page.route('**/*', async (route) => {
            const url = new URL(route.request().url());
            if (url.origin === ORIGIN && url.pathname === '/preview.html') {
                return route.fulfill({ status: 200, contentType: 'text/html', body: html });
            }
            const file = url.origin === ORIGIN && url.pathname.startsWith('/media/') ? path.join(MEDIA, path.basename(url.pathname)) : undefined;
            if (file && existsSync(file)) {
                const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
                return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
            }
            preview.strayRequests.push(route.request().url());
            return route.abort();
        });
        await page.addInitScript(() => {
            const w = window as unknown as Record<string, unknown>;
            const posted: unknown[] = [];
            w.__posted = posted;
            let state: unknown;
            w.acquireVsCodeApi = () => ({
                postMessage(message: { type?: string; version?: number }) {
                    posted.push(message);
                    const waiting = w.__waiting as { version?: number; view?: string; resolve(message: unknown): void } | undefined;
                    const rendered = message as { type?: string; version?: number; view?: string };
                    if (waiting && rendered.type === 'rendered' && (waiting.version === undefined || rendered.version === waiting.version) && (waiting.view === undefined || rendered.view === waiting.view)) {
                        w.__waiting = undefined;
                        waiting.resolve(message);
                    }
                },
                getState: () => state,
                setState: (next: unknown) => {
                    state = next;
                },
            });
        });
        await page.goto(`${ORIGIN}/preview.html`);
        await page.waitForFunction(() => ((window as unknown as { __posted: Array<{ type: string }> }).__posted ?? []).some((m) => m.type === 'ready'));
        return preview;
    }

    /** Sends an update as the host does and waits until the page reports that version rendered. */
    async update(message: UpdateMessage): Promise<UpdateOutcome> {
        return this.page.evaluate((message) => new Promise<{ rendered: RenderedMessage; ms: number }>((resolve) => {
            const w = window as unknown as Record<string, unknown>;
            const start = performance.now();
            w.__waiting = { version: message.version, resolve: (rendered: RenderedMessage) => resolve({ rendered, ms: performance.now() - start }) };
            window.postMessage(message, '*');
        }), message);
    }

    /** Asks the page to show another view (as the host's view picker does) and waits until it is rendered. */
    async selectView(view: ViewId): Promise<UpdateOutcome> {
        return this.page.evaluate((view) => new Promise<{ rendered: RenderedMessage; ms: number }>((resolve) => {
            const w = window as unknown as Record<string, unknown>;
            const start = performance.now();
            w.__waiting = { view, resolve: (rendered: RenderedMessage) => resolve({ rendered, ms: performance.now() - start }) };
            window.postMessage({ type: 'selectView', view }, '*');
        }), view);
    }

    /** True when a label ran script: the canary `window.__pwned` is set. */
    async canaryTripped(): Promise<boolean> {
        return this.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned !== undefined);
    }

    /** Active content in the diagram: scripts, frames, objects, `on…` handlers, `javascript:` links, foreign `<style>` outside the SVG's own. */
    async activeContent(): Promise<string[]> {
        return this.page.evaluate(() => {
            const found: string[] = [];
            for (const element of Array.from(document.querySelectorAll('#canvas *'))) {
                const name = element.tagName.toLowerCase();
                if (['script', 'iframe', 'object', 'embed', 'img', 'link', 'meta', 'base', 'form'].includes(name)) found.push(`<${name}>`);
                for (const attribute of Array.from(element.attributes)) {
                    if (attribute.name.toLowerCase().startsWith('on')) found.push(`${name}[${attribute.name}]`);
                    if (/^\s*javascript:/i.test(attribute.value)) found.push(`${name}[${attribute.name}=${attribute.value}]`);
                }
            }
            return found;
        });
    }

    /** The CSS of the diagram's own `<style>` elements. */
    async diagramStyles(): Promise<string> {
        return this.page.evaluate(() => Array.from(document.querySelectorAll('#canvas style')).map((style) => style.textContent ?? '').join('\n'));
    }

    /** Renders `text` with a bare `mermaid.render` in the same page (nothing inserted), returning ms. */
    async bareRender(text: string): Promise<number> {
        return this.page.evaluate(async (text) => {
            const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
            const id = `bare-${Math.random().toString(36).slice(2)}`;
            const start = performance.now();
            await mermaid.render(id, text);
            const ms = performance.now() - start;
            document.getElementById(id)?.remove();
            document.getElementById(`d${id}`)?.remove();
            return ms;
        }, text);
    }

    /** Everything the page posted to the host so far. */
    async posted(): Promise<Array<{ type: string } & Record<string, unknown>>> {
        return this.page.evaluate(() => (window as unknown as { __posted: Array<{ type: string } & Record<string, unknown>> }).__posted);
    }

    /** The SVG on screen, or undefined. */
    async svg(): Promise<string | undefined> {
        return this.page.evaluate(() => document.querySelector('#canvas svg')?.outerHTML);
    }

    /** The text a reader sees in the diagram (styles and scripts excluded). */
    async visibleText(): Promise<string> {
        return this.page.evaluate(() => {
            const canvas = document.getElementById('canvas')!.cloneNode(true) as HTMLElement;
            canvas.querySelectorAll('style, script').forEach((node) => node.remove());
            return canvas.textContent ?? '';
        });
    }

    /** Closes the browser. */
    async close(): Promise<void> {
        await this.browser.close();
    }
}
