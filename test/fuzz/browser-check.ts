/**
 * Renders every view of texts that validate cleanly with Mermaid in a real Chromium (the
 * product's own renderer), proving "a map that validates always renders" (the canvas also as
 * laid out for a 700-pixel pane, portrait when the map is wide). FUZZ_BROWSER=all
 * renders every clean input; otherwise a seeded sample of FUZZ_BROWSER_SAMPLE (default 2).
 */
import { expect } from 'vitest';
import { MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';
import { seededRandom } from '../support/generate-map.js';
import { FUZZ_SEED } from './arbitraries.js';
import type { PipelineResult } from './pipeline.js';

/** Picks the inputs to render: all of them, or a seeded sample. */
function sample(inputs: string[]): string[] {
    if (process.env.FUZZ_BROWSER === 'all') return inputs;
    const size = Number(process.env.FUZZ_BROWSER_SAMPLE ?? 2);
    const random = seededRandom(FUZZ_SEED);
    const pool = [...inputs];
    const chosen: string[] = [];
    while (chosen.length < size && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
    return chosen;
}

/** Renders every diagram view of the sampled clean inputs; fails on the first Mermaid error. */
export async function renderCleanInputs(pipeline: { run(text: string): Promise<PipelineResult> }, inputs: string[]): Promise<{ inputs: number; diagrams: number }> {
    const renderer = await MermaidRenderer.launch();
    let diagrams = 0;
    const chosen = sample([...new Set(inputs)]);
    try {
        for (const text of chosen) {
            const result = await pipeline.run(text);
            if (!result.clean) continue;
            for (const view of result.narrowCanvas ? [...result.views, result.narrowCanvas] : result.views) {
                if (view.kind !== 'diagram') continue;
                const rendered = await renderer.render(view.mermaid);
                expect(rendered.error, `view ${view.view} of this map did not render:\n${text}\n--- Mermaid ---\n${view.mermaid}`).toBeUndefined();
                diagrams++;
            }
        }
        expect(renderer.dialogs).toEqual([]);
        expect(await renderer.canaryTripped()).toBe(false);
    } finally {
        await renderer.close();
    }
    return { inputs: chosen.length, diagrams };
}
