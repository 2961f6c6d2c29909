/**
 * Runs the real `journey` command (bin/journey.cjs → out/cli.cjs) in a child process, as a
 * user's shell would, in temporary folders the tests create. Shared by every CLI test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The Node 24 that runs the CLI (the machine's own Node may be older). */
export const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
/** The launcher users run (`npx journey`). */
export const JOURNEY = path.join(ROOT, 'bin', 'journey.cjs');
const BUNDLE = path.join(ROOT, 'out', 'cli.cjs');

/** What a run of `journey` gave. */
export interface JourneyRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `journey <args>` in `cwd`, with `input` on stdin; never throws on a non-zero exit. */
export function runJourney(args: string[], options: { cwd: string; input?: string | Uint8Array; env?: NodeJS.ProcessEnv }): Promise<JourneyRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(NODE, [JOURNEY, ...args], {
            cwd: options.cwd,
            env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
        child.stdin.on('error', () => undefined); // the CLI may exit before reading stdin
        child.stdin.end(options.input ?? '');
    });
}

/** A fresh temporary folder holding `files` (path → text or bytes); removed by the returned `remove`. */
export function makeFolder(files: Record<string, string | Uint8Array>): { dir: string; remove: () => void } {
    const dir = mkdtempSync(path.join(tmpdir(), 'journey-cli-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), content);
    }
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Builds out/cli.cjs when it is missing or older than the sources (`npm test` builds first anyway). */
export async function ensureCliBuilt(): Promise<void> {
    if (!isStale()) return;
    const lock = path.join(ROOT, 'out', '.cli-test-build.lock');
    mkdirSync(path.dirname(lock), { recursive: true });
    for (let waited = 0; ; waited += 200) {
        try {
            mkdirSync(lock);
            break;
        } catch {
            if (waited > 180_000) rmSync(lock, { recursive: true, force: true });
            await sleep(200);
        }
    }
    try {
        // The CLI is the first bundle of scripts/build.mjs: it is written even if a later bundle fails.
        if (isStale()) spawnSync(NODE, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    } finally {
        rmdirSync(lock);
    }
    if (statSync(BUNDLE, { throwIfNoEntry: false }) === undefined) {
        throw new Error(`${BUNDLE} could not be built from the sources. Run: npm run build`);
    }
    if (isStale()) console.warn(`${BUNDLE} is older than the sources and did not rebuild: testing the older bundle. Run: npm run build`);
}

function isStale(): boolean {
    const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs;
    return built === undefined || newestSource(path.join(ROOT, 'language-server', 'src')) > built;
}

function newestSource(folder: string): number {
    let newest = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
    }
    return newest;
}
