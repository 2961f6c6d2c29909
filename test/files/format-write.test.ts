/**
 * `journey format --write` against hostile file situations, on the real command in real
 * folders: a file that changes on disk while it is being formatted, a read-only file, a file
 * that does not parse, and a mix of them in one run. Nothing a user wrote is ever lost, no
 * temporary file is left behind, and every message says which file, what happened and what to do.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, JOURNEY, makeFolder, NODE, runJourney, type JourneyRun } from '../cli/run-journey.js';
import { generateMap } from '../support/generate-map.js';

/** A map that parses but is not in the canonical layout. */
const UNFORMATTED = 'journey coffee "Buying a coffee" {\n stage order "Order" {\n      touchpoint queue "Waits in line" { emotion 2 }\n }\n}\n';
/** A map with a syntax error (the stage's brace is never closed). */
const BROKEN = 'journey coffee "Buying a coffee" {\n stage order "Order" {\n      touchpoint queue "Waits in line" { emotion 2 \n}\n';

/** Starts `journey <args>` and gives its process id and its outcome. */
function startJourney(args: string[], cwd: string): { pid: number; done: Promise<JourneyRun> } {
    const child = spawn(NODE, [JOURNEY, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return { pid: child.pid!, done: new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr }))) };
}

/** Waits until the process has used `cpuMs` of CPU (long after it read its files), or 2 s where /proc is missing. */
async function busyFor(pid: number, cpuMs: number): Promise<void> {
    const stat = `/proc/${pid}/stat`;
    if (!existsSync(stat)) return sleep(2_000);
    for (;;) {
        const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
        const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in 1/100 s
        if (ticks * 10 >= cpuMs) return;
        await sleep(50);
    }
}

describe('journey format --write and the files it touches', () => {
    let folders: Array<() => void> = [];
    const folder = (files: Record<string, string>) => {
        const made = makeFolder(files);
        folders.push(made.remove);
        return made.dir;
    };
    const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

    beforeAll(async () => {
        await ensureCliBuilt();
    }, 300_000);
    afterEach(() => {
        folders.forEach((remove) => remove());
        folders = [];
    });

    test('a file that does not parse is left byte for byte, with a message naming the file, the line and what to do', async () => {
        const dir = folder({ 'broken.journey': BROKEN });
        const run = await runJourney(['format', '--write', 'broken.journey'], { cwd: dir });
        expect(run.status).toBe(1);
        expect(readFileSync(path.join(dir, 'broken.journey'), 'utf8')).toBe(BROKEN);
        expect(run.stderr).toMatch(/broken\.journey:\d+:\d+: not formatted: syntax error/);
        expect(run.stderr).toContain('journey check broken.journey');
        expect(leftovers(dir)).toEqual([]);
    });

    test('a read-only file is not replaced behind the user\'s back: it stays as it was and the message says why', async () => {
        const dir = folder({ 'locked.journey': UNFORMATTED });
        const file = path.join(dir, 'locked.journey');
        chmodSync(file, 0o444);
        const run = await runJourney(['format', '--write', 'locked.journey'], { cwd: dir });
        expect(readFileSync(file, 'utf8'), 'the read-only file was rewritten').toBe(UNFORMATTED);
        expect(statSync(file).mode & 0o777).toBe(0o444);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/locked\.journey.*read-only/i);
        expect(leftovers(dir)).toEqual([]);
    });

    test('a file changed on disk while it is being formatted keeps the newer text, and the message says to run again', async () => {
        // A big map keeps the command busy for a while after it has read the file.
        const original = generateMap(2000).text.replace('  state current', '     state current');
        const dir = folder({ 'big.journey': original });
        const file = path.join(dir, 'big.journey');
        const running = startJourney(['format', '--write', 'big.journey'], dir);
        await busyFor(running.pid, 1_000);
        const newer = original.replace('Generated journey', 'Edited meanwhile');
        writeFileSync(file, newer);
        const run = await running.done;
        expect(readFileSync(file, 'utf8'), 'the edit made meanwhile was lost').toBe(newer);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('big.journey: not written: it changed on disk while it was being formatted. Run the command again.');
        expect(leftovers(dir)).toEqual([]);
    }, 120_000);

    test('in one run, the good files are formatted and each bad one is reported on its own', async () => {
        const dir = folder({ 'good.journey': UNFORMATTED, 'broken.journey': BROKEN });
        const run = await runJourney(['format', '--write', 'good.journey', 'broken.journey'], { cwd: dir });
        expect(run.status).toBe(1);
        expect(readFileSync(path.join(dir, 'broken.journey'), 'utf8')).toBe(BROKEN);
        const good = readFileSync(path.join(dir, 'good.journey'), 'utf8');
        expect(good).not.toBe(UNFORMATTED);
        expect(good).toContain('touchpoint queue "Waits in line"');
        expect(run.stdout).toContain('formatted good.journey');
        expect(run.stderr).toContain('broken.journey');
        expect(leftovers(dir)).toEqual([]);
    });
});

describe('journey format --write keeps who owns a map', () => {
    beforeAll(async () => {
        await ensureCliBuilt();
    }, 300_000);

    test.runIf(process.getuid?.() === 0)('run as root on a map of another user (nobody:nogroup, 0640), the formatted map keeps its owner, group and mode', async () => {
        const { dir, remove } = makeFolder({ 'theirs.journey': UNFORMATTED });
        try {
            const file = path.join(dir, 'theirs.journey');
            const nobody = Number(execFileSync('id', ['-u', 'nobody']).toString());
            const nogroup = Number(execFileSync('id', ['-g', 'nobody']).toString());
            chmodSync(dir, 0o755); // so that nobody can reach the file
            chownSync(file, nobody, nogroup);
            chmodSync(file, 0o640);
            const run = await runJourney(['format', '--write', 'theirs.journey'], { cwd: dir });
            expect(run.status, run.stderr).toBe(0);
            const after = statSync(file);
            expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([nobody, nogroup, 0o640]);
            expect(readFileSync(file, 'utf8')).not.toBe(UNFORMATTED);
            // The owner can still read their map: read it as nobody.
            expect(execFileSync('setpriv', ['--reuid', String(nobody), '--regid', String(nogroup), '--clear-groups', 'cat', file]).toString()).toContain('journey coffee');
        } finally {
            remove();
        }
    });

    test('a map with two hard links is formatted in place: both names show the formatted map', async () => {
        const { dir, remove } = makeFolder({ 'map.journey': UNFORMATTED });
        try {
            linkSync(path.join(dir, 'map.journey'), path.join(dir, 'alias.journey'));
            const run = await runJourney(['format', '--write', 'map.journey'], { cwd: dir });
            expect(run.status, run.stderr).toBe(0);
            expect(readFileSync(path.join(dir, 'alias.journey'), 'utf8')).toBe(readFileSync(path.join(dir, 'map.journey'), 'utf8'));
            expect(statSync(path.join(dir, 'map.journey')).nlink).toBe(2);
        } finally {
            remove();
        }
    });
});
