/**
 * The extension's tests, run inside a real VS Code extension host (`extensionTestsPath`).
 * They drive the editor through the VS Code API and ask the runner (Playwright) for what only
 * the browser sees: the SVG in the webview, clicks on it, and screenshots.
 */
import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { readControl } from './runner-bridge.js';
import { runTests } from './mini-test.js';
import './journey-extension.spec.js';
import './journey-views.spec.js';
import './journey-diff.spec.js';
import './journey-preview-reading.spec.js';
import './journey-new-map.spec.js';
import './journey-markdown.spec.js';
import './journey-editor-hardening.spec.js';

/** Entry point called by VS Code: runs every test and writes the results where the runner reads them. */
export async function run(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) throw new Error('The tests need the test workspace open as a folder.');
    const control = readControl(folder);
    const started = Date.now();
    const results = await runTests(60_000, (result) => {
        const skipped = result.skipped ? ` — rest skipped: ${result.skipped}` : '';
        console.log(`${result.passed ? '✓' : '✗'} ${result.name} (${result.durationMs} ms)${skipped}${result.error ? `\n  ${result.error}` : ''}`);
    }, control.only);
    // Written whole, then renamed: the runner stops VS Code as soon as the file exists.
    writeFileSync(`${control.resultsFile}.tmp`, JSON.stringify({ vscodeVersion: vscode.version, durationMs: Date.now() - started, results }, null, 2));
    renameSync(`${control.resultsFile}.tmp`, control.resultsFile);
    const failed = results.filter((r) => !r.passed).length;
    // The desktop runner (@vscode/test-electron) learns the outcome from this rejection.
    if (failed > 0 && control.browser === false) throw new Error(`${failed} of ${results.length} tests failed`);
}
