/**
 * The web extension (vscode.dev, github.dev) in a real VS Code web client: the VS Code server of
 * code-server serves the browser workbench, and a copy of the extension whose manifest has only
 * its `browser` entry runs in the page's web-worker extension host — no Node, no disk: its
 * language server runs in a web worker and reads the workspace through `vscode.workspace.fs`.
 * Driven as a person would, with the keyboard, in Chromium.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with the desktop suite's runner
import { freePort, serverMainOf, startServer, stopServer, waitForServer } from './vscode-server.mjs';
// @ts-expect-error: a plain JavaScript module shared with the desktop suite's runner
import { prepareOutput } from './prepare.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const output = path.join(root, 'test-output/vscode-web');
const workspace = path.join(output, 'workspace');
const extensionCopy = path.join(output, 'web-extension');
const chromiumPath = process.env.JOURNEY_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: { pid: number } | undefined;
let browser: Browser | undefined;
let page: Page;

/** A copy of extension/ whose manifest has only the `browser` entry: VS Code can run it nowhere but in the web worker. */
function webOnlyExtension(): void {
    mkdirSync(extensionCopy, { recursive: true });
    for (const entry of ['package.json', 'language-configuration.json', 'out', 'media', 'syntaxes', 'snippets', 'LICENSE', 'README.md']) {
        if (existsSync(path.join(root, 'extension', entry))) cpSync(path.join(root, 'extension', entry), path.join(extensionCopy, entry), { recursive: true });
    }
    const manifest = JSON.parse(readFileSync(path.join(extensionCopy, 'package.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.main;
    writeFileSync(path.join(extensionCopy, 'package.json'), JSON.stringify(manifest, null, 2));
}

/** Runs a command from the command palette, by its title. */
async function runCommand(title: string): Promise<void> {
    await openPalette(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
}

/**
 * Opens the command palette (F1) with `text` typed in it. F1 reaches the workbench only where the
 * keyboard focus is in it (not in the preview's webview), and a palette still closing takes no
 * text: then the focus is taken back to the editor and F1 pressed again.
 */
async function openPalette(text: string): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        try {
            await input.fill(text, { timeout: 10_000 });
            return;
        } catch (error) {
            if (attempt === 3) throw error;
            await page.keyboard.press('Escape');
            await page.locator('.editor-group-container .monaco-editor .view-lines').first().click({ timeout: 5_000 }).catch(() => {});
        }
    }
}

/** Opens a workspace file by name with Quick Open and waits for its editor. */
async function openFile(name: string): Promise<void> {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 20_000 });
}

/** Puts the cursor at the end of line `line` of the active editor (Go to Line, as a person would). */
async function goToLineEnd(line: number): Promise<void> {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press('End');
}

/** The preview's webview frame, once it holds `selector`. */
async function previewFrame(selector: string): Promise<Frame> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            if (await frame.$(selector).catch(() => null)) return frame;
        }
        await page.waitForTimeout(250);
    }
    throw new Error(`no preview showing ${selector} appeared`);
}

describe('the web extension in a real VS Code web client (web-worker extension host)', () => {
    beforeAll(async () => {
        const serverMain = serverMainOf(root);
        if (!existsSync(serverMain)) throw new Error('the VS Code server is not installed: run scripts/setup-test-tools.sh');
        for (const needed of ['extension/out/extension-browser.js', 'extension/out/server-browser.js']) {
            if (!existsSync(path.join(root, needed))) throw new Error(`${needed} is missing: run \`npm run build\` first`);
        }
        prepareOutput({ root, output, workspace: path.join(output, 'unused'), requestsDir: path.join(output, 'requests'), resultsFile: path.join(output, 'results.json'), browser: true });
        rmSync(path.join(output, 'unused'), { recursive: true, force: true });
        // What the tests type stays in the editor (never saved over the workspace's maps).
        for (const settings of ['user-data/User/settings.json', 'server-data/data/Machine/settings.json', 'user-data/data/Machine/settings.json']) {
            const file = path.join(output, settings);
            writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), 'files.autoSave': 'off' }));
        }
        cpSync(path.join(root, 'test/vscode/web-workspace'), workspace, { recursive: true });
        webOnlyExtension();
        const port = await freePort();
        server = startServer({ serverMain, port, output });
        await waitForServer(port);
        browser = await chromium.launch({
            executablePath: chromiumPath,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        // The page's console (the worker extension host logs there too) goes to a file, for when something fails.
        const consoleLog: string[] = [];
        page.on('console', (message) => {
            consoleLog.push(`${message.type()}: ${message.text()}`);
            writeFileSync(path.join(output, 'console.log'), consoleLog.join('\n'));
        });
        const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionCopy}`]];
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shop.journey' }).waitFor({ timeout: 60_000 });
    }, 180_000);

    afterEach(async (context) => {
        if (context.task.result?.state === 'fail') {
            await page?.screenshot({ path: path.join(output, `failed-${context.task.name.replace(/\W+/g, '-').slice(0, 60)}.png`) }).catch(() => {});
        }
        // Each test starts from the map as written: undo what it typed (the editor it typed in is the active one).
        if (page) {
            await page.keyboard.press('Escape');
            await runCommand('File: Revert File');
            await page.locator('.tab.dirty').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
        }
    }, 60_000);

    afterAll(async () => {
        await browser?.close().catch(() => {});
        if (server) stopServer(server);
    });

    it('the copy it runs has no Node entry, so only the web worker can run it', () => {
        const manifest = JSON.parse(readFileSync(path.join(extensionCopy, 'package.json'), 'utf8')) as { main?: string; browser?: string };
        expect(manifest.main).toBeUndefined();
        expect(manifest.browser).toBe('./out/extension-browser.js');
    });

    it('shows the diagnostics of a map, with the shared persona of another file resolved', { timeout: 120_000 }, async () => {
        await openFile('shop.journey');
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
        await page.keyboard.press('Control+Shift+M');
        const problems = page.locator('.markers-panel');
        await problems.getByText("No channel 'till'").first().waitFor({ timeout: 30_000 });
        const text = await problems.innerText();
        // `persona sam` is declared in people.journey: read through vscode.workspace.fs, it resolves.
        expect(text).not.toContain("No persona 'sam'");
        expect(text).toContain('Ln 11, Col 15'); // where `till` is, 1-based, as VS Code shows it
        await page.screenshot({ path: path.join(output, 'web-diagnostics.png') });
    });

    it('completes a persona with the one declared in the shared file', { timeout: 120_000 }, async () => {
        await openFile('shop.journey');
        // In the touchpoint without a persona (one it already has is not offered again).
        await goToLineEnd(6);
        await page.keyboard.press('Enter');
        await page.keyboard.type('persona ');
        // Typing opens suggestions of its own (keywords): close them, then ask at `persona `.
        await page.waitForTimeout(500);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.suggest-widget.visible .monaco-list-row');
        const labels = () => rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
        await expect.poll(async () => (await labels()).some((label) => /\bsam\b/.test(label)), { timeout: 30_000 }).toBe(true);
        await page.screenshot({ path: path.join(output, 'web-completion.png') });
        await page.keyboard.press('Escape');
    });

    it('draws the preview beside the editor: the errors first, then every view once the map is fixed', { timeout: 180_000 }, async () => {
        await openFile('shop.journey');
        await runCommand('Journey: Open Preview to the Side');
        const frame = await previewFrame('#banner:not([hidden])');
        expect(await frame.locator('#banner').innerText()).toContain("Line 11: No channel 'till'");
        // Fix the map in the editor as a person would: the picture follows.
        await goToLineEnd(11);
        await page.keyboard.press('Control+Shift+ArrowLeft');
        await page.keyboard.type('site');
        await page.keyboard.press('Escape');
        await frame.locator('#canvas svg').waitFor({ timeout: 60_000 });
        expect(await frame.locator('#canvas svg').textContent()).toContain('Finds the gift');
        await page.screenshot({ path: path.join(output, 'web-preview.png') });
        const tabs = await frame.locator('#tabs [role="tab"]:not(.tab-empty)').evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.view!));
        expect(tabs.length).toBeGreaterThanOrEqual(4);
        for (const view of tabs) {
            await frame.locator(`#tabs [data-view="${view}"]`).click();
            await frame.locator(`#tabs [data-view="${view}"][aria-selected="true"]`).waitFor();
            await frame.locator('#canvas svg').waitFor({ timeout: 30_000 });
            expect(await frame.locator('#canvas svg').count(), `${view} view`).toBe(1);
        }

        // Copy Mermaid works in the browser too: the text of the view shown goes to the clipboard.
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
        await runCommand('Journey: Copy Mermaid');
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 20_000 }).not.toBe('nothing copied yet');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toMatch(/^(---|%%|journey|flowchart|xychart|quadrantChart|sankey|block)/m);
    });

    it('hides Compare, which needs git and a local checkout', { timeout: 60_000 }, async () => {
        await openPalette('>Journey: Compare');
        await page.waitForTimeout(1_000);
        const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
        expect(rows.filter((row) => row.includes('Journey: Compare'))).toEqual([]);
        await page.keyboard.press('Escape');
    });
});
