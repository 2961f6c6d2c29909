// Runs the extension's test suite inside a real VS Code: the VS Code server of code-server
// (installed by scripts/install-vscode-server.sh), opened in Chromium driven by playwright-core.
// Usage: node test/vscode/run.mjs   (after `npm run build`). Exit code 0 when every test passed.
// JOURNEY_VSCODE_ONLY=<text> runs only the tests whose name contains <text> (in any case).
// Results: test-output/vscode/results.json; screenshots: test-output/vscode/*.png.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSuite, prepareOutput } from './prepare.mjs';
import { freePort, serverMainOf, startServer, stopServer, waitForServer } from './vscode-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const output = path.join(root, 'test-output/vscode');
const workspace = path.join(output, 'workspace');
const requestsDir = path.join(output, 'requests');
const resultsFile = path.join(output, 'results.json');
const serverMain = serverMainOf(root);
const suiteBundle = path.join(root, 'out/test/vscode/suite.cjs');
const chromiumPath = process.env.JOURNEY_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const timeoutMs = Number(process.env.JOURNEY_VSCODE_TEST_TIMEOUT ?? 600_000);

const log = (message) => console.log(`[vscode-tests] ${message}`);

async function main() {
    install();
    await buildSuite(root, suiteBundle);
    prepareOutput({ root, output, workspace, requestsDir, resultsFile, browser: true, only: process.env.JOURNEY_VSCODE_ONLY });
    const port = await freePort();
    const server = startServer({ serverMain, port, output, log });
    let browser;
    try {
        await waitForServer(port);
        browser = await chromium.launch({
            executablePath: chromiumPath,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
        await page.addInitScript(recordWebviewState);
        page.on('console', (message) => {
            if (message.type() === 'error') log(`browser console: ${message.text().slice(0, 300)}`);
        });
        const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
        const payload = [['extensionDevelopmentPath', remote(path.join(root, 'extension'))], ['extensionTestsPath', remote(suiteBundle)]];
        const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
        log(`opening ${url.slice(0, 80)}…`);
        await page.goto(url);
        await serveRequests(page);
    } finally {
        await browser?.close().catch(() => {});
        stopServer(server);
    }
    return report();
}

/** Installs code-server with the project's own script (fast when already installed). */
function install() {
    if (existsSync(serverMain) && process.env.JOURNEY_SKIP_INSTALL) return;
    const result = spawnSync('bash', [path.join(root, 'scripts/install-vscode-server.sh')], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('installing the VS Code server failed');
    for (const needed of [path.join(root, 'extension/out/extension.cjs'), path.join(root, 'extension/out/server.cjs'), path.join(root, 'extension/media/webview.js')]) {
        if (!existsSync(needed)) throw new Error(`${path.relative(root, needed)} is missing: run \`npm run build\` first`);
    }
}

/** Answers the suite's requests until it writes its results (or the time is up). */
async function serveRequests(page) {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(resultsFile)) {
        if (Date.now() > deadline) {
            await page.screenshot({ path: path.join(output, 'timeout.png') }).catch(() => {});
            throw new Error(`the suite wrote no results within ${timeoutMs / 1000} s (see test-output/vscode/timeout.png and server.log)`);
        }
        for (const name of readdirSync(requestsDir).filter((n) => n.endsWith('.request.json'))) {
            const file = path.join(requestsDir, name);
            const request = JSON.parse(readFileSync(file, 'utf8'));
            rmSync(file);
            let answer;
            try {
                answer = { ok: true, value: await perform(page, request.action, request.args) };
            } catch (error) {
                answer = { ok: false, error: String(error?.message ?? error) };
            }
            // Written whole, then renamed: the suite polls for the file and must never read half an answer (a big SVG).
            const response = path.join(requestsDir, `${request.id}.response.json`);
            writeFileSync(`${response}.tmp`, JSON.stringify(answer));
            renameSync(`${response}.tmp`, response);
        }
        await new Promise((r) => setTimeout(r, 100));
    }
}

/**
 * Runs in every frame; in a webview's host frame (VS Code's webview/browser/pre/index.html) it notes
 * the last state the webview saved with `vscode.setState` (the `do-update-state` message it passes
 * on to the workbench, which hands that state to the extension's serializer after a reload).
 */
function recordWebviewState() {
    if (!location.pathname.includes('/webview/browser/pre/')) return;
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (message, ...rest) {
        if (message?.channel === 'do-update-state') window.__journeyWebviewState = message.data;
        return post.call(this, message, ...rest);
    };
}

/** The frame of the preview's webview (the one holding its #canvas). */
async function previewFrame(page) {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            if (await frame.$('#canvas').catch(() => null)) return frame;
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no preview webview on the page');
}

async function perform(page, action, args) {
    switch (action) {
        case 'screenshot':
            await new Promise((r) => setTimeout(r, 300));
            await page.screenshot({ path: path.join(output, `${args.name}.png`) });
            return path.join(output, `${args.name}.png`);
        case 'svg': {
            const frame = await previewFrame(page);
            return frame.evaluate(() => ({ count: document.querySelectorAll('#canvas svg').length, text: document.querySelector('#canvas svg')?.textContent ?? '' }));
        }
        case 'click': {
            const frame = await previewFrame(page);
            // `position` clicks a point of the element (its top-left corner is 0, 0) instead of its centre.
            await frame.locator(args.selector).first().click({ timeout: 10_000, ...(args.position ? { position: args.position } : {}) });
            return true;
        }
        case 'highlighted': {
            const frame = await previewFrame(page);
            return frame.evaluate(() => ({ ids: Array.from(document.querySelectorAll('.journey-highlight')).map((e) => e.getAttribute('data-journey-id')).filter(Boolean) }));
        }
        case 'transform': {
            const frame = await previewFrame(page);
            return frame.evaluate(() => ({ transform: document.getElementById('canvas')?.style.transform ?? '' }));
        }
        case 'svg-style': {
            const frame = await previewFrame(page);
            return frame.evaluate(() => ({ style: (document.querySelector('#canvas svg style')?.textContent ?? '').replace(/journey-svg-\d+/g, '') }));
        }
        case 'body-class': {
            const frame = await previewFrame(page);
            return frame.evaluate(() => ({ classes: document.body.className }));
        }
        case 'script-probe': {
            const frame = await previewFrame(page);
            return frame.evaluate(() => ({
                scripts: document.querySelectorAll('#canvas script').length,
                handlers: Array.from(document.querySelectorAll('#canvas *')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
                title: document.title,
            }));
        }
        case 'parse-svg': {
            const text = readFileSync(args.file, 'utf8');
            return page.evaluate((svg) => {
                const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
                const error = parsed.querySelector('parsererror');
                return { ok: !error && parsed.documentElement.nodeName === 'svg', error: error?.textContent ?? undefined };
            }, text);
        }
        case 'webview-state': {
            const host = (await previewFrame(page)).parentFrame();
            const state = await host?.evaluate(() => window.__journeyWebviewState);
            return typeof state === 'string' ? JSON.parse(state) : null;
        }
        case 'press':
            await page.keyboard.press(args.key);
            return true;
        case 'viewport':
            // The window's size, as on a laptop (the workbench lays itself out again).
            await page.setViewportSize({ width: args.width, height: args.height });
            return true;
        case 'select': {
            const frame = await previewFrame(page);
            await frame.locator(args.selector).first().selectOption(args.value, { timeout: 10_000 });
            return true;
        }
        case 'label-figures': {
            // What a person sees of the picture's labels (those linked to the map, or with `all` every text): font size × zoom, and the pane.
            const frame = await previewFrame(page);
            return frame.evaluate((all) => {
                const canvas = document.getElementById('canvas');
                const zoom = Number(/scale\(([\d.]+)\)/.exec(canvas?.style.transform ?? '')?.[1] ?? 1);
                const texts = Array.from(document.querySelectorAll(all ? '#canvas svg :is(text, span, div, p)' : '#canvas svg .journey-linked :is(text, span, div, p)'))
                    .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''));
                const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom);
                const viewport = document.getElementById('viewport');
                return { zoom, labels: texts.length, smallest: sizes.length ? Math.min(...sizes) : 0, paneWidth: viewport?.clientWidth ?? 0, windowWidth: window.innerWidth };
            }, args.all === true);
        }
        case 'element-box': {
            // Where an element of the picture is, relative to the preview's viewport, and whether it is all on screen.
            const frame = await previewFrame(page);
            return frame.evaluate((selector) => {
                const element = document.querySelector(selector);
                const viewport = document.getElementById('viewport')?.getBoundingClientRect();
                if (!element || !viewport) return null;
                const box = element.getBoundingClientRect();
                return {
                    left: box.left - viewport.left, top: box.top - viewport.top, width: box.width, height: box.height,
                    inside: box.left >= viewport.left && box.right <= viewport.right && box.top >= viewport.top && box.bottom <= viewport.bottom,
                };
            }, args.selector);
        }
        case 'quick-input': {
            // Waits for VS Code's input box or quick pick, types `text` into it (if any), then presses `key` (if any).
            const input = page.locator('.quick-input-widget input.input').first();
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            if (args.text !== undefined) await page.keyboard.type(args.text);
            if (args.key) await page.keyboard.press(args.key);
            return true;
        }
        case 'text': {
            // The text the workbench shows in the first element matching `selector`, once it is visible.
            const element = page.locator(args.selector).first();
            await element.waitFor({ state: 'visible', timeout: 10_000 });
            return element.innerText();
        }
        case 'markdown-preview': {
            // The frame of VS Code's Markdown preview that holds ```journey blocks (none yet: an empty answer).
            for (const frame of page.frames()) {
                const found = await frame.evaluate(() => {
                    const blocks = Array.from(document.querySelectorAll('.journey-fence'));
                    if (blocks.length === 0) return undefined;
                    return {
                        bodyClass: document.body.className,
                        mermaid: typeof window.mermaid,
                        scripts: Array.from(document.scripts).map((script) => `${script.src.replace(/^.*\//, '')}${script.nonce ? ' (nonce)' : ''}`),
                        blocks: blocks.map((block) => ({
                            state: block.getAttribute('data-journey-state'),
                            view: block.getAttribute('data-journey-view'),
                            dataLine: block.getAttribute('data-line'),
                            svgs: block.querySelectorAll('svg').length,
                            captions: Array.from(block.querySelectorAll('.journey-fence-caption')).map((caption) => caption.textContent ?? ''),
                            // The fill of the picture's canvas cells (the canvas view only), as shown.
                            cellFills: Array.from(block.querySelectorAll('svg g.node.step > rect, svg g.node.step > path')).map((shape) => getComputedStyle(shape).fill),
                            // The natural width of each picture (its view box), as Mermaid drew it.
                            widths: Array.from(block.querySelectorAll('svg')).map((svg) => svg.viewBox.baseVal?.width ?? 0),
                            role: block.querySelector('svg')?.getAttribute('aria-roledescription') ?? null,
                            style: (block.querySelector('svg style')?.textContent ?? '').replace(/journey-markdown-\d+/g, ''),
                            text: block.textContent ?? '',
                        })),
                    };
                }).catch(() => undefined);
                if (found) return found;
            }
            return { bodyClass: '', blocks: [] };
        }
        case 'preview-layout': {
            // The banner's height, where the picture's viewport starts, and the text the preview shows.
            const frame = await previewFrame(page);
            return frame.evaluate(() => {
                const banner = document.getElementById('banner');
                return {
                    bannerHeight: banner && !banner.hidden ? banner.getBoundingClientRect().height : 0,
                    viewportTop: document.getElementById('viewport')?.getBoundingClientRect().top ?? -1,
                    text: document.body.innerText,
                };
            });
        }
        case 'token-colors':
            // The colour each word of `args.words` is drawn in, in the active editor, and the editor's plain-text colour.
            return page.evaluate((words) => {
                const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines') ?? document.querySelector('.monaco-editor .view-lines');
                const spans = Array.from(lines?.querySelectorAll('.view-line span span') ?? []);
                const colors = {};
                for (const word of words) {
                    const span = spans.find((s) => s.textContent === word);
                    colors[word] = span ? getComputedStyle(span).color : null;
                }
                const plain = spans.find((s) => s.classList.contains('mtk1'));
                return { colors, foreground: plain ? getComputedStyle(plain).color : null };
            }, args.words);
        default:
            throw new Error(`unknown action ${action}`);
    }
}

function report() {
    const { results, vscodeVersion } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    log(`VS Code ${vscodeVersion}`);
    for (const r of results) log(`${r.passed ? '✓' : '✗'} ${r.name} (${r.durationMs} ms)${r.skipped ? ` — rest skipped: ${r.skipped}` : ''}${r.passed ? '' : `\n    ${r.error.split('\n')[0]}`}`);
    const failed = results.filter((r) => !r.passed).length;
    log(`${results.length - failed} passed, ${failed} failed; screenshots in ${path.relative(root, output)}`);
    return failed === 0 && results.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
    console.error(`[vscode-tests] ${error.stack ?? error}`);
    process.exit(2);
});
