/**
 * The CLI as an npm package: `npm pack` gives a tarball that installs into an empty folder (from
 * the npm registry only) and runs `check`, `format`, `diff` and `render --format mermaid|markdown`
 * with nothing else; SVG needs a browser and names it when there is none, and draws with the
 * Mermaid the package ships when there is one. `npx --no-install journey` runs it, and never
 * fetches the unrelated registry package named `journey` where it is not installed.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, NODE, ROOT } from './run-journey.js';

const temp = mkdtempSync(path.join(tmpdir(), 'journey-package-'));
const app = path.join(temp, 'app');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
/** Node 24 first on PATH, so `npx` and the package's launcher run on it, as on a machine with a current Node. */
const env = { ...process.env, PATH: `${path.dirname(realpathSync(NODE))}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1', npm_config_yes: 'false', npm_config_update_notifier: 'false' };
let packed: string[] = [];

function run(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
    return spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 240_000 });
}

/** `npx --no-install journey <args>` in the folder the package was installed into. */
function journey(args: string[], extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
    return run('npx', ['--no-install', 'journey', ...args], app, extra);
}

beforeAll(async () => {
    await ensureCliBuilt();
    for (const file of ['out/server.cjs', 'out/mermaid.min.js']) {
        if (!existsSync(path.join(ROOT, file))) spawnSync(NODE, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    }
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const [result] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packed = result.files.map((file) => file.path);
    mkdirSync(app);
    const install = run('npm', ['install', path.join(temp, result.filename), '--prefer-offline', '--no-audit', '--no-fund'], app);
    expect(install.status, install.stderr).toBe(0);
    writeFileSync(path.join(app, 'hello.journey'), readFileSync(path.join(ROOT, 'examples', 'hello.journey'), 'utf8'));
    // The same map changed, in its own folder (two maps of one folder need different ids).
    mkdirSync(path.join(app, 'tomorrow'));
    writeFileSync(path.join(app, 'tomorrow', 'hello.journey'), readFileSync(path.join(ROOT, 'examples', 'hello.journey'), 'utf8').replace('emotion 2', 'emotion 3'));
    writeFileSync(path.join(app, 'messy.journey'), 'journey m {   stage s { touchpoint t { emotion 3 } } }');
}, 300_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the npm package of the CLI', () => {
    test('is public, holds the launchers, the bundles, Mermaid and the JSON Schema, and no sources or tests', () => {
        expect(manifest.name).not.toBe('journey'); // an unrelated package on the registry
        expect((manifest as { private?: boolean }).private).toBeUndefined();
        expect(packed.sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin/journey-language-server.cjs', 'bin/journey.cjs', 'bin/launch.cjs',
            'out/cli.cjs', 'out/mermaid.min.js', 'out/server.cjs', 'package.json', 'schema/journey-model.schema.json']);
        // Everything else is bundled: only the browser driver is installed beside it.
        expect(Object.keys(manifest.dependencies)).toEqual(['playwright-core']);
    });

    test('runs check, format, diff and render (mermaid, markdown) from an empty folder it was installed into', () => {
        const version = journey(['--version']);
        expect(version.stdout.trim(), version.stderr).toBe(manifest.version);
        const check = journey(['check', 'hello.journey']);
        expect(check.status, check.stderr).toBe(0);
        expect(check.stderr).toContain('no problems');
        const format = journey(['format', 'messy.journey']);
        expect(format.status, format.stderr).toBe(0);
        expect(format.stdout).toBe('journey m {\n  stage s {\n    touchpoint t {\n      emotion 3\n    }\n  }\n}\n');
        const diff = journey(['diff', 'hello.journey', 'tomorrow/hello.journey']);
        expect(diff.status, diff.stderr).toBe(0);
        expect(diff.stdout).toContain('emotion 2 → 3');
        const mermaid = journey(['render', 'hello.journey', '--view', 'journey']);
        expect(mermaid.status, mermaid.stderr).toBe(0);
        expect(mermaid.stdout).toMatch(/^journey$/m);
        const markdown = journey(['render', 'hello.journey', '--format', 'markdown']);
        expect(markdown.status, markdown.stderr).toBe(0);
        expect(markdown.stdout).toContain('```mermaid');
    }, 120_000);

    test('SVG names the browser it needs when there is none, and draws with the shipped Mermaid when there is one', () => {
        const missing = journey(['render', 'hello.journey', '--view', 'journey', '--format', 'svg', '--out', 'none.svg'], { JOURNEY_CHROMIUM: path.join(temp, 'no-such-chromium') });
        expect(missing.status).toBe(2);
        expect(missing.stderr).toMatch(/Chrom/);
        expect(existsSync(path.join(app, 'none.svg'))).toBe(false);
        expect(existsSync(path.join(app, 'node_modules', 'mermaid'))).toBe(false);
        const drawn = journey(['render', 'hello.journey', '--view', 'journey', '--format', 'svg', '--out', 'hello.svg']);
        expect(drawn.status, drawn.stderr).toBe(0);
        expect(readFileSync(path.join(app, 'hello.svg'), 'utf8')).toContain('Waits in line');
    }, 120_000);

    test('npx --no-install journey never fetches a package where the CLI is not installed', () => {
        const elsewhere = path.join(temp, 'elsewhere');
        mkdirSync(elsewhere);
        const result = run('npx', ['--no-install', 'journey', '--version'], elsewhere);
        expect(result.status).not.toBe(0);
        expect(existsSync(path.join(elsewhere, 'node_modules'))).toBe(false);
    });
});
