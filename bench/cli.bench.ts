/**
 * Batch rendering benchmark: 50 example-sized maps to SVG (every view) the way the CLI does it
 * (its workspace loader, the views, one headless Chromium for the whole batch), against what a
 * per-file tool such as mermaid-cli does: a fresh browser for every Mermaid text.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadWorkspace } from '../language-server/src/cli/workspace.js';
import { buildJourneyModel } from '../language-server/src/model/build-model.js';
import { MermaidRenderer } from '../language-server/src/render/mermaid-renderer.js';
import { renderAllViews } from '../language-server/src/views/index.js';
import { generateMap, seededRandom } from '../test/support/generate-map.js';

/** What the batch measured. */
export interface BatchResult {
    maps: number;
    texts: number;
    batchMs: number;
    perFileSample: number;
    perFileMeanMs: number;
    perFileEstimateMs: number;
    failures: number;
}

/** Renders `maps` generated maps of `touchpoints` touchpoints; the per-file reference runs on `sample` texts (all when 0). */
export async function benchBatch(maps = 50, touchpoints = 15, sample = 24): Promise<BatchResult> {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-bench-'));
    try {
        const files: string[] = [];
        for (let i = 0; i < maps; i++) {
            const file = path.join(folder, `map-${i}.journey`);
            writeFileSync(file, generateMap(touchpoints, { seed: i + 1, journeyId: `map_${i}` }).text);
            files.push(file);
        }
        mkdirSync(path.join(folder, 'out'));

        // One command: load every file once, one browser for every view of every map.
        const start = performance.now();
        const workspace = await loadWorkspace(files, { cwd: folder });
        const texts: string[] = [];
        for (const requested of workspace.requested) {
            const model = buildJourneyModel(requested.document);
            for (const view of model ? renderAllViews(model) : []) if (view.kind === 'diagram') texts.push(view.mermaid);
        }
        const renderer = await MermaidRenderer.launch();
        let failures = 0;
        try {
            for (const [index, text] of texts.entries()) {
                const result = await renderer.render(text);
                if (result.svg === undefined) failures++;
                else writeFileSync(path.join(folder, 'out', `${index}.svg`), result.svg);
            }
        } finally {
            await renderer.close();
        }
        const batchMs = performance.now() - start;

        // The per-file way: a fresh browser for each Mermaid text (a seeded sample, extrapolated).
        const random = seededRandom(7);
        const chosen = sample > 0 && sample < texts.length ? Array.from({ length: sample }, () => texts[Math.floor(random() * texts.length)]!) : texts;
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
        return { maps, texts: texts.length, batchMs, perFileSample: chosen.length, perFileMeanMs, perFileEstimateMs: perFileMeanMs * texts.length, failures };
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}
