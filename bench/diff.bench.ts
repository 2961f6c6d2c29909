/**
 * Diff benchmark: a map whose one stage holds every touchpoint, compared with the same map
 * with its touchpoints shuffled (every one of them may have moved). Runs the real command
 * line as a process and reads its peak resident memory (`/usr/bin/time -f %M`), next to the
 * reference of building both maps alone (`journey check` of the same two files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateMap, seededRandom } from '../test/support/generate-map.js';

const CLI = path.resolve('out/cli.cjs');
const TIME = '/usr/bin/time';

/** What one size measured. */
export interface DiffResult {
    size: number;
    /** Peak resident memory (bytes) and wall time (ms) of building both maps (`journey check a b`). */
    build: { rss: number; ms: number };
    /** The same for `journey diff a b --format json`. */
    diff: { rss: number; ms: number };
    /** Touchpoints the diff reported as moved. */
    moved: number;
}

/** A map of `size` touchpoints in one stage, and the same map with its touchpoint blocks in a seeded random order. */
export function reorderedPair(size: number): { before: string; after: string } {
    const map = generateMap(size, { touchpointsPerStage: size });
    const lines = map.text.split('\n');
    const starts = map.touchpointLines;
    // The last block ends where the stage closes: the first line after it indented as the stage is.
    let end = starts[starts.length - 1]!;
    while (lines[end] !== '    }') end++;
    const blocks = starts.map((start, i) => lines.slice(start, i + 1 < starts.length ? starts[i + 1] : end + 1));
    const random = seededRandom(11);
    for (let i = blocks.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
    }
    const after = [...lines.slice(0, starts[0]), ...blocks.flat(), ...lines.slice(end + 1)].join('\n');
    return { before: map.text, after };
}

/** Runs the CLI under /usr/bin/time: its exit code, stdout, peak RSS in bytes and wall time. */
function timed(args: string[]): { status: number | null; stdout: string; rss: number; ms: number } {
    const start = performance.now();
    const run = spawnSync(TIME, ['-f', '%M', process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const took = performance.now() - start;
    const kilobytes = Number(run.stderr.trim().split('\n').pop());
    return { status: run.status, stdout: run.stdout, rss: kilobytes * 1024, ms: took };
}

/** Measures `journey diff` of a reordered map of `size` touchpoints against building both maps. */
export function benchDiff(size: number): DiffResult {
    if (!existsSync(TIME)) throw new Error(`${TIME} is missing (Debian package: time)`);
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-bench-diff-'));
    try {
        const { before, after } = reorderedPair(size);
        // Two folders, so neither file sees the other as part of its workspace.
        mkdirSync(path.join(folder, 'a'));
        mkdirSync(path.join(folder, 'b'));
        const a = path.join(folder, 'a', 'map.journey');
        const b = path.join(folder, 'b', 'map.journey');
        writeFileSync(a, before);
        writeFileSync(b, after);
        const build = timed(['check', a, b]);
        if (build.status === 2 || !Number.isFinite(build.rss)) throw new Error(`journey check could not run (exit ${build.status})`);
        const diff = timed(['diff', a, b, '--format', 'json']);
        if (diff.status !== 0 || !Number.isFinite(diff.rss)) throw new Error(`journey diff failed (exit ${diff.status})`);
        const moved = (diff.stdout.match(/"change":\s*"moved"/g) ?? []).length;
        return { size, build: { rss: build.rss, ms: build.ms }, diff: { rss: diff.rss, ms: diff.ms }, moved };
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}
