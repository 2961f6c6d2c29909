// What both runners of the extension's suite share: the bundled suite and a fresh test workspace.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundles the suite into one CommonJS file the extension host can load. */
export async function buildSuite(root, suiteBundle) {
    await esbuild.build({
        entryPoints: [path.join(root, 'test/vscode/suite/index.ts')],
        outfile: suiteBundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: ['vscode'],
        sourcemap: 'inline',
        logLevel: 'warning',
    });
}

/** A fresh copy of the test workspace, user settings, and the control file the suite reads. */
export function prepareOutput({ root, output, workspace, requestsDir, resultsFile, browser, only }) {
    for (const entry of existsSync(output) ? readdirSync(output) : []) {
        rmSync(path.join(output, entry), { recursive: true, force: true });
    }
    mkdirSync(requestsDir, { recursive: true });
    cpSync(path.join(root, 'test/vscode/workspace'), workspace, { recursive: true });
    writeFileSync(path.join(workspace, '.vscode-test-control.json'), JSON.stringify({ resultsFile, requestsDir, browser, only }));
    const settings = JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.auxiliaryBar.visible': false,
        'files.exclude': { '.vscode-test-control.json': true },
    });
    for (const dir of [path.join(output, 'user-data/User'), path.join(output, 'server-data/data/Machine'), path.join(output, 'user-data/data/Machine')]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'settings.json'), settings);
    }
}

