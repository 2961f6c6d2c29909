/**
 * Extension activation time in a real VS Code (the VS Code server of code-server, opened in
 * Chromium): a fresh window opens a workspace, a .journey file is opened (the `onLanguage:journey`
 * activation event), and the time VS Code itself shows in "Developer: Show Running Extensions" is
 * read from that view, beside the time until the language server is ready (from VS Code's log).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../language-server/src/render/chromium-path.js';

const SERVER_MAIN = '.tools/code-server/node_modules/code-server/lib/vscode/out/server-main.js';

/** One activation: what VS Code showed, and how long from opening the file until it showed it. */
export interface ActivationResult {
    vscodeVersion: string;
    /** VS Code's "Activation: N ms" (code loading + the activate call), one per fresh window. */
    shown: number[];
    /**
     * From VS Code starting the activation to the language server's "ready" line (the workspace
     * is checked), by the timestamps of VS Code's logs.
     */
    untilServerReady: number[];
}

/** Measures `runs` cold activations, each in a fresh VS Code server and browser. */
export async function benchActivation(runs: number): Promise<ActivationResult> {
    const serverMain = path.resolve(SERVER_MAIN);
    if (!existsSync(serverMain)) throw new Error('the VS Code server is not installed: run `bash scripts/install-vscode-server.sh`');
    const browserPath = findChromium();
    if (!browserPath) throw new Error('no Chromium found');
    const vscodeVersion = JSON.parse(readFileSync(path.join(path.dirname(serverMain), '..', 'package.json'), 'utf8')).version as string;
    const result: ActivationResult = { vscodeVersion, shown: [], untilServerReady: [] };
    for (let run = 0; run < runs; run++) {
        const one = await activateOnce(serverMain, browserPath);
        result.shown.push(one.shown);
        result.untilServerReady.push(one.untilServerReady);
        console.error(`  activation: run ${run + 1}: VS Code shows ${one.shown} ms, until the server is ready ${one.untilServerReady} ms`);
    }
    return result;
}

async function activateOnce(serverMain: string, browserPath: string): Promise<{ shown: number; untilServerReady: number }> {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-activation-'));
    const workspace = path.join(folder, 'workspace');
    mkdirSync(workspace);
    copyFileSync('examples/hello.journey', path.join(workspace, 'hello.journey'));
    const port = await freePort();
    const server: ChildProcess = spawn(process.execPath, [
        serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
        '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
        '--user-data-dir', path.join(folder, 'user-data'), '--server-data-dir', path.join(folder, 'server-data'),
        '--extensions-dir', path.join(folder, 'extensions'),
    ], { detached: true, stdio: 'ignore', env: { ...process.env, VSCODE_CLI: undefined } });
    const browser = await chromium.launch({
        executablePath: browserPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
        await waitForServer(port);
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${path.resolve('extension')}`]];
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
        await page.locator('.monaco-workbench .explorer-folders-view').first().waitFor({ timeout: 120_000 });
        await page.waitForTimeout(2_000); // let the window settle (extensions of the window start, file watcher)
        // Open the file through Quick Open: that is what activates the extension.
        await page.locator('.monaco-workbench').first().click({ position: { x: 700, y: 450 } });
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').first().waitFor();
        await page.keyboard.type('hello.journey');
        await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'hello.journey' }).first().waitFor({ timeout: 30_000 });
        await page.keyboard.press('Enter');
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').first().waitFor();
        await page.keyboard.type('Show Running Extensions');
        await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Show Running Extensions' }).first().waitFor({ timeout: 30_000 });
        await page.keyboard.press('Enter');
        const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: 'journey-maps.journey-maps' }).first();
        const deadline = Date.now() + Number(process.env.BENCH_ACTIVATION_TIMEOUT ?? 120_000);
        for (;;) {
            const text = (await row.textContent({ timeout: 5_000 }).catch(() => '')) ?? '';
            const found = /Activation: (\d+)ms/.exec(text);
            if (found) return { shown: Number(found[1]), untilServerReady: await untilServerReady(path.join(folder, 'user-data', 'logs')) };
            if (Date.now() > deadline) {
                await page.screenshot({ path: 'test-output/bench-activation-failure.png' }).catch(() => {});
                if (process.env.BENCH_ACTIVATION_KEEP) console.error(await page.evaluate(() => Array.from(document.querySelectorAll('.monaco-list-row')).filter((r) => r.textContent?.includes('Activation')).map((r) => `${r.closest('[class*=runtime]')?.className} | ${r.className} | ${r.textContent}`).join('\n')));
                throw new Error(`the extension did not show as activated within 120 s (row: ${text.slice(0, 200)}; see test-output/bench-activation-failure.png)`);
            }
            await page.waitForTimeout(50);
        }
    } finally {
        await browser.close().catch(() => {});
        try {
            process.kill(-server.pid!, 'SIGTERM');
        } catch {
            // already gone
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (!process.env.BENCH_ACTIVATION_KEEP) rmSync(folder, { recursive: true, force: true });
    }
}

/**
 * Milliseconds between VS Code's log line of the activation start (extension host log) and the
 * language server's "ready" line in the extension's own log (Output → Journey Language Server),
 * which the server writes once the workspace is checked.
 */
async function untilServerReady(logs: string): Promise<number> {
    const deadline = Date.now() + 30_000;
    const read = (name: string) => readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(name)).map((f) => readFileSync(path.join(logs, f), 'utf8')).join('\n');
    const time = (text: string, pattern: RegExp) => {
        const line = text.split('\n').find((l) => pattern.test(l));
        const stamp = line ? /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line) : null;
        return stamp ? Date.parse(`${stamp[1]}T${stamp[2]}`) : undefined;
    };
    for (;;) {
        const start = time(read('remoteexthost.log'), /_doActivateExtension journey-maps\.journey-maps/);
        const ready = time(read('Journey Language Server.log'), /Journey language server ready/);
        if (start !== undefined && ready !== undefined) return ready - start;
        if (Date.now() > deadline) throw new Error("the logs have no activation start of journey-maps or no 'Journey language server ready' line");
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const address = probe.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            probe.close(() => resolve(port));
        });
    });
}

async function waitForServer(port: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        try {
            if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the VS Code server did not start within 60 s');
}
