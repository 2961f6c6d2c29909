/**
 * The VS Code compare view's page (the real HTML with its CSP, the built webview script and
 * Mermaid) in a real Chromium, fed a real `journey/diff` answer from real language services:
 * before and after side by side, the changed touchpoint marked in the "after" picture only,
 * and the change list. VS Code itself is stood in for by a recorded `acquireVsCodeApi`.
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
    for (const file of ['diff-webview.js', 'mermaid.min.js']) {
        if (!existsSync(path.join(MEDIA, file))) throw new Error(`extension/media/${file} is missing: run npm run build`);
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const html = diffPageHtml({ cspSource: ORIGIN, mermaidScript: `${ORIGIN}/media/mermaid.min.js`, diffScript: `${ORIGIN}/media/diff-webview.js` }, 'test-nonce-123');
    await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === ORIGIN && url.pathname === '/diff.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
        const file = url.origin === ORIGIN ? path.join(MEDIA, path.basename(url.pathname)) : undefined;
        if (file && existsSync(file)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
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

    test('shows before and after side by side, the change highlighted only after, and the change list', async () => {
        const result = await realDiff();
        await page.evaluate((message) => window.postMessage(message, '*'), { type: 'diff', result });
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
        expect(figures.map((figure) => `${figure.view} ${figure.side} ${figure.svg}`)).toEqual(['canvas before true', 'canvas after true', 'journey before true', 'journey after true', 'flow before true', 'flow after true']);
        expect(figures[0].caption).toBe('current.journey');
        expect(figures[1].caption).toBe('future.journey (changes highlighted)');
        expect(figures[1].text).toContain('Calls for a quote');
        expect(figures[3].text).toContain('★ Calls for a quote');
        expect(figures[2].text).not.toContain('★');
        const rows = await page.$$eval('td', (cells) => cells.map((cell) => cell.textContent?.trim()));
        expect(rows).toContain('touchpoint Calls for a quote calls');
        expect(rows.join('\n')).toContain('emotion 1 → 4 (better)');
        expect(rows.join('\n')).toContain('new gain: “Instant quote”');
        expect(consoleErrors).toEqual([]);
    });

    test('an error message from the extension is shown as text', async () => {
        await page.evaluate(() => window.postMessage({ type: 'error', message: '<b>git</b> is not installed' }, '*'));
        await page.waitForSelector('p.error');
        expect(await page.textContent('p.error')).toBe('<b>git</b> is not installed');
    });
});
