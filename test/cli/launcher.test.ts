/**
 * How users start the CLI: `npx journey` (npm's own Node, which may be older than 22, re-runs the
 * launcher on the project's Node 24), and a reader that stops early (`journey check … | head`).
 */
import { spawn, spawnSync } from 'node:child_process';
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
