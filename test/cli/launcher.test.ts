/**
 * How users start the CLI: `npx journey` (npm's own Node, which may be older than 22, re-runs the
 * launcher on the project's Node 24), a reader that stops early (`journey check … | head`), and the
 * language server's launcher for other editors, on the project's Node and on the machine's own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLEAN_MAP } from './fixtures.js';
import { ensureCliBuilt, JOURNEY, makeFolder, NODE, ROOT } from './run-journey.js';

let folder: ReturnType<typeof makeFolder>;
beforeAll(async () => {
    await ensureCliBuilt();
    folder = makeFolder({ 'booking.journey': CLEAN_MAP, 'many/broken.journey': `journey many {\n${'  # $\n'.repeat(20_000)}}\n` });
}, 300_000);
afterAll(() => folder?.remove());

test('npx journey check works from the project, whatever Node npm itself runs on', () => {
    const file = path.join(folder.dir, 'booking.journey');
    const run = spawnSync('npx', ['--no-install', 'journey', 'check', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toContain('1 file checked, no problems');
    expect(run.status).toBe(0);
});

test('a reader that closes the pipe early ends the command quietly', async () => {
    const child = spawn(NODE, [JOURNEY, 'check', 'many/broken.journey'], { cwd: folder.dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(status).toBe(1);
});

/** Node executables to start the launchers with: the project's Node 24, and the machine's own Node when it is another (often 20). */
function nodes(): string[] {
    const found = ['/usr/bin/node', '/usr/local/bin/node'].filter((candidate) => existsSync(candidate) && realpathSync(candidate) !== realpathSync(NODE));
    return [NODE, ...found.slice(0, 1)];
}

/** Sends `initialize` over stdio to the language server started by its launcher, and returns the answer. */
async function initializeThroughLauncher(node: string): Promise<{ capabilities?: Record<string, unknown> }> {
    const child = spawn(node, [path.join(ROOT, 'bin', 'journey-language-server.cjs'), '--stdio'], { cwd: ROOT });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let output = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
        return await new Promise((resolve, reject) => {
            child.stdout.on('data', (chunk: Buffer) => {
                output += chunk.toString();
                const match = /Content-Length: (\d+)\r\n\r\n/.exec(output);
                if (!match) return;
                const start = match.index + match[0].length;
                if (Buffer.byteLength(output.slice(start)) < Number(match[1])) return;
                const message = JSON.parse(output.slice(start));
                if (message.error) reject(new Error(message.error.message));
                else resolve(message.result);
            });
            child.on('close', (code) => reject(new Error(`the server ended (${code}) before answering: ${stderr}`)));
        });
    } finally {
        child.kill();
    }
}

test.each(nodes())('journey-language-server --stdio answers initialize when started with %s', async (node) => {
    const result = await initializeThroughLauncher(node);
    expect(result.capabilities).toHaveProperty('completionProvider');
    expect(result.capabilities).toHaveProperty('documentFormattingProvider');
});

test('the npm package (npm pack) holds the launchers, the two bundles, Mermaid and the JSON Schema, nothing else', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((file) => file.path).sort();
    expect(files).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin/journey-language-server.cjs', 'bin/journey.cjs', 'bin/launch.cjs', 'out/cli.cjs', 'out/mermaid.min.js', 'out/server.cjs', 'package.json', 'schema/journey-model.schema.json']);
});
