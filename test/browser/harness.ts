/**
 * The real-browser harness shared by browser tests (views, diff Markdown, fuzzing): one
 * headless Chromium with the Mermaid of node_modules, reused for a whole test file.
 *
 *   const browser = useMermaidBrowser();          // in a describe: launches once, closes after
 *   const result = await browser().render(text);  // { svg, text } or { error }
 *   await expectSafe(browser());                  // no script ran, no active element
 *   await saveScreenshot(browser(), 'name');      // test-output/screenshots/name.png
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';

/** Where browser tests save what they saw. */
export const TEST_OUTPUT = path.resolve(import.meta.dirname, '..', '..', 'test-output');

/** Launches one browser before the tests of the file and closes it after; returns an accessor. */
export function useMermaidBrowser(): () => MermaidRenderer {
    let renderer: MermaidRenderer | undefined;
    beforeAll(async () => {
        renderer = await MermaidRenderer.launch();
    }, 60_000);
    afterAll(async () => {
        await renderer?.close();
    });
    return () => {
        if (!renderer) throw new Error('the browser is not running (useMermaidBrowser must be called in the describe block)');
        return renderer;
    };
}

/**
 * Text without whitespace: Mermaid wraps long labels into lines, which changes only spaces.
 * The invisible word joiner the views put inside Mermaid's placeholder pairs (`ﬂ°`, `¶ß`) goes too.
 */
export function withoutSpaces(text: string): string {
    return text.replace(/[\s\u2060]+/g, '');
}

/** Expects the rendered text to contain `label` exactly, ignoring only where Mermaid broke lines. */
export function expectShown(renderedText: string, label: string, where: string): void {
    const found = withoutSpaces(renderedText).includes(withoutSpaces(label));
    expect(found, `${where}: the rendered diagram should show ${JSON.stringify(label.length > 80 ? `${label.slice(0, 80)}…` : label)}`).toBe(true);
}

/** Expects that nothing hostile ran: no canary, no dialog, no script/img/handler in the shown diagram. */
export async function expectSafe(renderer: MermaidRenderer): Promise<void> {
    expect(await renderer.canaryTripped(), 'window.__pwned was set: a label ran script').toBe(false);
    expect(renderer.dialogs, 'a label opened a dialog').toEqual([]);
    expect(await renderer.activeElementCount(), 'the diagram holds a script, img, iframe or on… handler').toBe(0);
}

/** Expects `svg` to be a standalone SVG file that decodes as an image (well-formed XML with its size). */
export async function expectStandaloneSvg(renderer: MermaidRenderer, svg: string | undefined, where: string): Promise<void> {
    expect(svg, where).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    const decoded = await renderer.decodeAsImage(svg!);
    expect(decoded, `${where}: the SVG file does not decode as an image`).not.toHaveProperty('error');
    expect(decoded).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect((decoded as { width: number }).width, where).toBeGreaterThan(50);
}

/** Saves a PNG of the diagram shown last to test-output/screenshots/<name>.png. */
export async function saveScreenshot(renderer: MermaidRenderer, name: string): Promise<string> {
    const folder = path.join(TEST_OUTPUT, 'screenshots');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    writeFileSync(file, await renderer.screenshot());
    return file;
}

/**
 * The page the renderer shows its last diagram in. MermaidRenderer keeps it private (it lives in
 * language-server/src/render/, outside the views); test-only checks of what Mermaid drew read it directly.
 */
export function pageOf(renderer: MermaidRenderer): Page {
    const page = (renderer as unknown as { page?: Page }).page;
    if (!page?.evaluate) throw new Error('MermaidRenderer has no `page` to read the shown diagram from any more');
    return page;
}
