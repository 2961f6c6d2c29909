/**
 * The VS Code compare view's page (the real HTML with its CSP, the built webview script and
 * Mermaid) in a real Chromium, fed a real `journey/diff` answer from real language services:
 * the default view full width with the preview's zoom, after above before, the changed
 * touchpoint marked in the "after" picture only, every view a tab away, and the change list.
 * VS Code itself is stood in for by a recorded `acquireVsCodeApi`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffPageHtml } from '../../extension/src/diff/journey-diff-html.js';
import { computeJourneyDiff } from '../../language-server/src/lsp/journey-diff-request.js';
import type { JourneyDiffResult } from '../../language-server/src/lsp/journey-diff-protocol.js';
import { findChromium } from '../../language-server/src/render/chromium-path.js';
import { CHROMIUM_ARGS } from '../../language-server/src/render/mermaid-renderer.js';
import { VIEW_IDS } from '../../language-server/src/views/index.js';
import { ensureCliBuilt, ROOT } from '../cli/run-journey.js';
import { createTestServices, parseJourney } from '../helpers.js';

const MEDIA = path.join(ROOT, 'extension', 'media');
const ORIGIN = 'https://journey-diff.test';
const CURRENT = `journey booking "Booking" {
  state current
  stage consider "Consider" {
    touchpoint calls "Calls for a quote" { emotion 1 pain "Waits" }
    touchpoint visits "Visits the site" { emotion 3 }
  }
}
`;
const FUTURE = CURRENT.replace('journey booking "Booking"', 'journey booking_future "Booking"').replace('state current', 'state future').replace('emotion 1 pain "Waits"', 'emotion 4 gain "Instant quote"');

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
    await ensureCliBuilt(); // builds every bundle, the compare page's script included
    for (const file of ['diff-webview.js', 'mermaid.min.js', 'preview.css']) {
        if (!existsSync(path.join(MEDIA, file))) throw new Error(`extension/media/${file} is missing: run npm run build`);
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
    // The width of a compare view beside an editor in a laptop window.
    page = await browser.newPage({ viewport: { width: 700, height: 700 } });
    page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const html = diffPageHtml({ cspSource: ORIGIN, mermaidScript: `${ORIGIN}/media/mermaid.min.js`, diffScript: `${ORIGIN}/media/diff-webview.js`, previewStyle: `${ORIGIN}/media/preview.css` }, 'test-nonce-123');
    await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === ORIGIN && url.pathname === '/diff.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
        const file = url.origin === ORIGIN ? path.join(MEDIA, path.basename(url.pathname)) : undefined;
        if (file && existsSync(file)) return route.fulfill({ status: 200, contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
        return route.abort();
    });
    await page.addInitScript(() => {
        const posted: unknown[] = [];
        (window as unknown as Record<string, unknown>).__posted = posted;
        (window as unknown as Record<string, unknown>).acquireVsCodeApi = () => ({ postMessage: (message: unknown) => posted.push(message) });
    });
    await page.goto(`${ORIGIN}/diff.html`);
}, 300_000);

afterAll(async () => browser?.close());

/** A real answer of the server's `journey/diff`: the to-be map against the as-is one. */
async function realDiff(): Promise<JourneyDiffResult> {
    const services = createTestServices();
    await parseJourney(CURRENT, { services, uri: 'file:///ws/current.journey' });
    await parseJourney(FUTURE, { services, uri: 'file:///ws/future.journey' });
    return computeJourneyDiff(services.shared, { uri: 'file:///ws/future.journey', baseUri: 'file:///ws/current.journey' });
}

async function posted(): Promise<Array<{ type: string; errors?: string[] }>> {
    return page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; errors?: string[] }> }).__posted);
}

describe('the compare view page', () => {
    test('asks for the comparison once loaded', async () => {
        await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'));
    });

    test('shows the default view (the canvas) full width, after above before, the change highlighted only after, and the change list', async () => {
        const result = await realDiff();
        await page.evaluate((message) => window.postMessage(message, '*'), { type: 'diff', result, view: 'canvas' });
        await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'rendered'));
        const rendered = (await posted()).find((message) => message.type === 'rendered')!;
        expect(rendered.errors).toEqual([]);
        expect(await page.textContent('h1')).toBe('Booking: current → future');
        const figures = await page.$$eval('figure', (nodes) => nodes.map((node) => ({
            side: (node as HTMLElement).dataset.side,
            view: (node as HTMLElement).dataset.view,
            caption: node.querySelector('figcaption')?.textContent,
            svg: node.querySelector('svg') !== null,
            text: node.querySelector('svg')?.textContent ?? '',
        })));
        // The preview's default view, the canvas, comes first: after (changes highlighted), then before.
        expect(figures.map((figure) => `${figure.view} ${figure.side} ${figure.svg}`)).toEqual(['canvas after true', 'canvas before true']);
        expect(figures[0].caption).toBe('future.journey (changes highlighted)');
        expect(figures[1].caption).toBe('current.journey');
        expect(figures[0].text).toContain('Calls for a quote');
        const rows = await page.$$eval('td', (cells) => cells.map((cell) => cell.textContent?.trim()));
        expect(rows).toContain('touchpoint Calls for a quote calls');
        expect(rows.join('\n')).toContain('emotion 1 → 4 (better)');
        expect(rows.join('\n')).toContain('new gain: “Instant quote”');
        // Full width: the picture fills the pane's width (or is at its natural size), labels readable.
        const size = await page.evaluate(() => {
            const canvas = document.getElementById('canvas')!;
            const zoom = Number(/scale\(([\d.]+)\)/.exec(canvas.style.transform)?.[1] ?? 1);
            const texts = Array.from(canvas.querySelectorAll('svg :is(text, span, div, p)')).filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''));
            return {
                zoom,
                shown: canvas.getBoundingClientRect().width,
                pane: document.getElementById('viewport')!.clientWidth,
                smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)),
            };
        });
        // The picture area is the whole pane (it was half of it, two pictures side by side).
        expect(size.pane, JSON.stringify(size)).toBeGreaterThan(700 - 30);
        if (size.zoom < 1) expect(size.shown, JSON.stringify(size)).toBeGreaterThan(size.pane * 0.9);
        expect(size.smallest, JSON.stringify(size)).toBeGreaterThanOrEqual(11);
        await page.screenshot({ path: path.join(ROOT, 'test-output', 'screenshots', 'compare-700-canvas.png') });
        expect(consoleErrors).toEqual([]);
    });

    test('every view is a tab away, and the zoom works as in the preview', async () => {
        const tabs = await page.$$eval('#tabs [data-view]', (nodes) => nodes.map((node) => (node as HTMLElement).dataset.view));
        expect(tabs).toEqual([...VIEW_IDS]);
        await page.click('[data-view="journey"]');
        await page.waitForFunction(() => document.querySelector('figure[data-side="after"]')?.getAttribute('data-view') === 'journey' && document.querySelector('figure svg'));
        const after = await page.$eval('figure[data-side="after"] svg', (svg) => svg.textContent ?? '');
        const before = await page.$eval('figure[data-side="before"] svg', (svg) => svg.textContent ?? '');
        expect(after).toContain('★ Calls for a quote');
        expect(before).not.toContain('★');
        await page.click('#zoom-reset');
        expect(await page.textContent('#zoom-reset')).toBe('100%');
        await page.click('#zoom-in');
        expect(await page.textContent('#zoom-reset')).toBe('125%');
        await page.click('#zoom-fit');
        expect(await page.textContent('#zoom-reset')).not.toBe('125%');
    });

    test('an error message from the extension is shown as text', async () => {
        await page.evaluate(() => window.postMessage({ type: 'error', message: '<b>git</b> is not installed' }, '*'));
        await page.waitForSelector('p.error');
        expect(await page.textContent('p.error')).toBe('<b>git</b> is not installed');
    });
});
