/**
 * Batch rendering benchmark: 50 example-sized maps to SVG (every view) by the real command,
 * `journey render <folder> --format svg --out <folder>` run as a process (one Chromium for the
 * whole batch, one page per core), against the same command drawing one diagram at a time
 * (`--jobs 1`) and against what a per-file tool such as mermaid-cli does: a fresh browser for
 * every Mermaid text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MermaidRenderer } from '../language-server/src/render/mermaid-renderer.js';
import { generateMap, seededRandom } from '../test/support/generate-map.js';

/** What the batch measured. */
export interface BatchResult {
    maps: number;
    texts: number;
    batchMs: number;
    /** The same command with `--jobs 1`: one page, one diagram at a time. */
    oneAtATimeMs: number;
    /** Whether both runs wrote the same files, byte for byte. */
    sameOutput: boolean;
    perFileSample: number;
    perFileMeanMs: number;
    perFileEstimateMs: number;
    /** The batch command's exit code (0 when every picture was written). */
    exitCode: number | null;
}

const CLI = path.resolve('out/cli.cjs');

/** Runs the built `journey` command with this Node. */
function journey(args: string[]): { status: number | null; stderr: string } {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
}

/** Renders `maps` generated maps of `touchpoints` touchpoints; the per-file reference runs on `sample` texts (all when 0). */
export async function benchBatch(maps = 50, touchpoints = 15, sample = 24): Promise<BatchResult> {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-bench-'));
    try {
        const mapsFolder = path.join(folder, 'maps');
        mkdirSync(mapsFolder);
        for (let i = 0; i < maps; i++) {
            writeFileSync(path.join(mapsFolder, `map-${i}.journey`), generateMap(touchpoints, { seed: i + 1, journeyId: `map_${i}` }).text);
        }
        // The Mermaid texts the pictures are drawn from (not timed): the reference draws the same ones.
        const texts = journey(['render', mapsFolder, '--format', 'mermaid', '--out', path.join(folder, 'mermaid')]);
        if (texts.status !== 0) throw new Error(`journey render --format mermaid failed: ${texts.stderr}`);
        const mermaid = readdirSync(path.join(folder, 'mermaid'))
            .map((file) => readFileSync(path.join(folder, 'mermaid', file), 'utf8'))
            .filter((text) => !text.startsWith('%%'));

        // One command, as a user runs it: load every map once, one browser for every view of every map.
        const start = performance.now();
        const batch = journey(['render', mapsFolder, '--format', 'svg', '--out', path.join(folder, 'svg')]);
        const batchMs = performance.now() - start;
        const written = batch.status === 0 ? readdirSync(path.join(folder, 'svg')).length : 0;
        if (written !== mermaid.length) throw new Error(`journey render wrote ${written} of ${mermaid.length} SVG files (exit ${batch.status}): ${batch.stderr}`);

        // The same command, one diagram at a time: the reference of the parallel speed-up.
        const oneStart = performance.now();
        const one = journey(['render', mapsFolder, '--format', 'svg', '--out', path.join(folder, 'svg-one'), '--jobs', '1']);
        const oneAtATimeMs = performance.now() - oneStart;
        if (one.status !== 0) throw new Error(`journey render --jobs 1 failed (exit ${one.status}): ${one.stderr}`);
        const sameOutput = readdirSync(path.join(folder, 'svg')).every((file) => readFileSync(path.join(folder, 'svg', file)).equals(readFileSync(path.join(folder, 'svg-one', file))));

        // The per-file way: a fresh browser for each Mermaid text (a seeded sample, extrapolated).
        const random = seededRandom(7);
        const chosen = sample > 0 && sample < mermaid.length ? Array.from({ length: sample }, () => mermaid[Math.floor(random() * mermaid.length)]!) : mermaid;
        const perFileStart = performance.now();
        for (const text of chosen) {
            const fresh = await MermaidRenderer.launch();
            try {
                await fresh.render(text);
            } finally {
                await fresh.close();
            }
        }
        const perFileMeanMs = (performance.now() - perFileStart) / chosen.length;
        return { maps, texts: mermaid.length, batchMs, oneAtATimeMs, sameOutput, perFileSample: chosen.length, perFileMeanMs, perFileEstimateMs: perFileMeanMs * mermaid.length, exitCode: batch.status };
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}
