/**
 * Lets the suite (inside the extension host) ask the runner (which drives the browser with
 * Playwright) for what only the browser can do: screenshots, clicks in the webview, and
 * reading the SVG the webview shows. Requests and answers are JSON files in a shared folder.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SkipTest } from './mini-test.js';

/** Where the runner wants results and requests, read from the workspace's control file. */
export interface TestControl {
    resultsFile: string;
    requestsDir: string;
    /** False when no browser drives the window (the desktop run with @vscode/test-electron). */
    browser?: boolean;
    /** Runs only the tests whose name contains this text (JOURNEY_VSCODE_ONLY). */
    only?: string;
}

let counter = 0;

/** Reads `.vscode-test-control.json` of the workspace folder. */
export function readControl(workspaceFolder: string): TestControl {
    return JSON.parse(readFileSync(path.join(workspaceFolder, '.vscode-test-control.json'), 'utf8')) as TestControl;
}

/** Sends a request to the runner and waits for its answer. */
export async function askRunner<T>(control: TestControl, action: string, args: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<T> {
    if (control.browser === false) {
        if (action === 'screenshot') return undefined as T;
        throw new SkipTest(`"${action}" needs the browser runner (npm run test:vscode)`);
    }
    const id = `${Date.now()}-${++counter}`;
    const request = path.join(control.requestsDir, `${id}.request.json`);
    const response = path.join(control.requestsDir, `${id}.response.json`);
    writeFileSync(request + '.tmp', JSON.stringify({ id, action, args }));
    renameSync(request + '.tmp', request);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (existsSync(response)) {
            const answer = JSON.parse(readFileSync(response, 'utf8')) as { ok: boolean; value?: T; error?: string };
            rmSync(response, { force: true });
            if (!answer.ok) throw new Error(`the runner could not ${action}: ${answer.error}`);
            return answer.value as T;
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the runner did not answer "${action}" within ${timeoutMs} ms`);
}
