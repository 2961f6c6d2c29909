// Runs the extension's suite in VS Code desktop with @vscode/test-electron (downloads VS Code once
// into .vscode-test/, so it needs the internet; or set VSCODE_EXECUTABLE to an installed VS Code).
// Steps that need the browser runner (clicks in the webview, reading its SVG, screenshots) are skipped;
// `npm run test:vscode` runs them all. Usage: npm run test:vscode-desktop
import { runTests } from '@vscode/test-electron';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite, prepareOutput } from './prepare.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const output = path.join(root, 'test-output/vscode-desktop');
const workspace = path.join(output, 'workspace');
const resultsFile = path.join(output, 'results.json');
const suiteBundle = path.join(root, 'out/test/vscode/suite.cjs');

await buildSuite(root, suiteBundle);
prepareOutput({ root, output, workspace, requestsDir: path.join(output, 'requests'), resultsFile, browser: false });
let code = 0;
try {
    await runTests({
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
        version: process.env.VSCODE_VERSION || undefined,
        extensionDevelopmentPath: path.join(root, 'extension'),
        extensionTestsPath: suiteBundle,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(output, 'user-data')],
    });
} catch (error) {
    console.error(`[vscode-desktop-tests] ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
}
try {
    const { results, vscodeVersion } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`[vscode-desktop-tests] VS Code ${vscodeVersion}`);
    for (const r of results) console.log(`${r.passed ? '✓' : '✗'} ${r.name}${r.skipped ? ` — rest skipped: ${r.skipped}` : ''}${r.error ? `\n    ${r.error.split('\n')[0]}` : ''}`);
} catch {
    console.error('[vscode-desktop-tests] no results: VS Code did not run the suite (offline? see the error above)');
    code = 1;
}
process.exit(code);
