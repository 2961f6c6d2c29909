/**
 * Runs the extension's suite in a real VS Code (the VS Code server of code-server, in Chromium)
 * and checks its results. The first run installs code-server into .tools/ (about 90 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const resultsFile = path.join(root, 'test-output/vscode/results.json');

interface SuiteResults {
    vscodeVersion: string;
    results: { name: string; passed: boolean; error?: string }[];
}

describe('the VS Code extension in a real VS Code', () => {
    it('passes every test of its extension-host suite', { timeout: 900_000 }, () => {
        const run = spawnSync(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'test/vscode/run.mjs')], {
            cwd: root,
            encoding: 'utf8',
            timeout: 880_000,
        });
        const output = `${run.stdout}\n${run.stderr}`;
        expect(existsSync(resultsFile), `the suite wrote no results:\n${output.slice(-4000)}`).toBe(true);
        const { results, vscodeVersion } = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
        expect(vscodeVersion).toMatch(/^1\.\d+/);
        expect(results.length).toBeGreaterThanOrEqual(10);
        const failed = results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.error?.split('\n').slice(0, 3).join(' / ').slice(0, 600)}`);
        expect(failed).toEqual([]);
        for (const screenshot of ['preview-journey-view.png', 'preview-flow-click-to-source.png', 'preview-error-banner.png', 'preview-dark-theme.png', 'new-journey-map.png', 'walkthrough.png']) {
            expect(existsSync(path.join(root, 'test-output/vscode', screenshot)), screenshot).toBe(true);
        }
        expect(run.status, output.slice(-2000)).toBe(0);
    });
});
