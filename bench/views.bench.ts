/**
 * Views benchmark: for a generated map, each view's model → Mermaid time (in process, the
 * pure view function) and Mermaid → SVG time (`mermaid.render` in Chromium, as the preview
 * and `journey render` draw it), side by side. A drawing that takes longer than the budget
 * (VIEWS_RENDER_BUDGET_MS, default 120 s) is stopped and reported as such: the browser is
 * closed and a new one launched for the next view.
 */
import { buildJourneyModel } from '../language-server/src/model/build-model.js';
import { MermaidRenderer } from '../language-server/src/render/mermaid-renderer.js';
import { renderView, VIEW_IDS, type ViewId } from '../language-server/src/views/index.js';
import { parseJourney } from '../test/helpers.js';
import { generateMap } from '../test/support/generate-map.js';
import { measure, summary } from './stats.js';

const RENDER_BUDGET_MS = Number(process.env.VIEWS_RENDER_BUDGET_MS ?? 120_000);

/** One view at one size. */
export interface ViewTiming {
    view: ViewId;
    /** Model → Mermaid text, in ms; undefined when the view has nothing to draw. */
    toMermaid?: ReturnType<typeof summary>;
    chars: number;
    /** Mermaid → SVG in Chromium, in ms; 'over budget' or Mermaid's error when it did not draw. */
    toSvg?: number | string;
}

/** Times every view of a generated map of `size` touchpoints. */
export async function benchViews(size: number, iterations: number): Promise<ViewTiming[]> {
    const model = buildJourneyModel(await parseJourney(generateMap(size).text))!;
    const timings: ViewTiming[] = [];
    let renderer = await MermaidRenderer.launch();
    try {
        for (const view of VIEW_IDS) {
            const result = renderView(model, view);
            if (result.kind !== 'diagram') {
                timings.push({ view, chars: 0 });
                continue;
            }
            const toMermaid = summary(await measure(iterations, () => renderView(model, view)));
            const start = performance.now();
            let timer: NodeJS.Timeout | undefined;
            const over = new Promise<'over budget'>((resolve) => (timer = setTimeout(() => resolve('over budget'), RENDER_BUDGET_MS)));
            const drawn = await Promise.race([renderer.render(result.mermaid), over]);
            clearTimeout(timer);
            let toSvg: number | string = performance.now() - start;
            if (drawn === 'over budget') {
                toSvg = `over ${Math.round(RENDER_BUDGET_MS / 1000)} s`;
                await renderer.close().catch(() => undefined);
                renderer = await MermaidRenderer.launch();
            } else if (drawn.error) {
                toSvg = `error: ${drawn.error.slice(0, 80)}`;
            }
            timings.push({ view, toMermaid, chars: result.mermaid.length, toSvg });
            console.error(`  views: ${size} touchpoints, ${view} done`);
        }
    } finally {
        await renderer.close();
    }
    return timings;
}
