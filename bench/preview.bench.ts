/**
 * Preview benchmark: a one-line edit → the server rebuilds and computes the views (in process,
 * the `journey/views` handler) → the update the host sends (the journey view whole, the others as
 * tabs: `viewsForUpdate`) → the real webview page in Chromium renders the new SVG. The
 * reference is a bare `mermaid.render` of the same Mermaid text in the same page. After each
 * edit, an edit that changes no view (a comment typed at the end) takes the same path: the page
 * must keep the picture (no `mermaid.render`).
 */
import { viewsForUpdate } from '../extension/src/preview/journey-preview-views.js';
import { viewsOfDocument } from '../language-server/src/lsp/journey-preview-request.js';
import { generateMap } from '../test/support/generate-map.js';
import { PreviewPage } from '../test/support/preview-page.js';
import { openDocument } from './language-server.bench.js';
import { summary } from './stats.js';

/** Longest one update may take before the size is reported as too slow (PREVIEW_BUDGET_MS). */
const UPDATE_BUDGET_MS = Number(process.env.PREVIEW_BUDGET_MS ?? 120_000);

/** The promise's value, or undefined when it takes longer than the budget. */
async function withinBudget<T>(promise: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), UPDATE_BUDGET_MS)));
    try {
        return await Promise.race([promise, timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** What one size measured, in ms. */
export interface PreviewResult {
    size: number;
    view: string;
    mermaidChars: number;
    server: ReturnType<typeof summary>;
    webview: ReturnType<typeof summary>;
    total: ReturnType<typeof summary>;
    bare: ReturnType<typeof summary>;
    /** The page's own timing of each step after `mermaid.render` (p50 of the edits, ms). */
    phases: Record<string, number>;
    /** An edit that changes no view: the page's time, the whole path's, and `mermaid.render` calls it made (all of them). */
    unchanged: { webview: ReturnType<typeof summary>; total: ReturnType<typeof summary>; mermaidRenders: number; drawn: number };
    shows: string;
}

/** Measures edit → new SVG on screen for a generated map of `size` touchpoints, in the default (journey) view. */
export async function benchPreview(size: number, iterations: number): Promise<PreviewResult> {
    const map = generateMap(size);
    const lines = map.text.split('\n');
    const target = map.emotionLines[Math.floor(map.emotionLines.length / 2)]!;
    const opened = await openDocument(map.text, `preview-${size}.journey`);
    const page = await PreviewPage.open();
    // The journey view, whichever view comes first in the picker (the canvas does).
    await page.page.evaluate(() => window.postMessage({ type: 'selectView', view: 'journey' }, '*'));
    // As a user who raised journey.preview.maxTextSize / maxEdges for big maps would have it.
    const limits = { maxTextSize: 10_000_000, maxEdges: 100_000 };
    try {
        const server: number[] = [];
        const webview: number[] = [];
        const total: number[] = [];
        const bare: number[] = [];
        const phases = new Map<string, number[]>();
        const unchangedWebview: number[] = [];
        const unchangedTotal: number[] = [];
        let unchangedRenders = 0;
        let unchangedDrawn = 0;
        let shows = '';
        let mermaidChars = 0;
        const warmups = size >= 1000 ? 1 : 2;
        for (let i = -warmups; i < iterations; i++) {
            const edited = [...lines];
            edited[target] = `      emotion ${1 + (((i % 5) + 5) % 5)}`;
            const start = performance.now();
            await opened.edit(edited.join('\n'));
            const result = viewsOfDocument(opened.current());
            const serverMs = performance.now() - start;
            // Whichever of two renders of a new text comes first is slower (about a fifth): the bare
            // render goes first on every other edit, so the order favours neither side.
            const journey = result.views.find((v) => v.view === 'journey');
            const bareFirst = i % 2 === 1 && journey?.kind === 'diagram' ? await page.bareRender(journey.mermaid) : undefined;
            const outcome = await withinBudget(page.update({
                type: 'update', uri: 'file:///bench/map.journey', fileName: 'map.journey', version: 2 * (i + 10),
                title: result.title, views: viewsForUpdate(result.views, 'journey'), errors: [], limits,
            }));
            if (!outcome) {
                shows = `no SVG within ${UPDATE_BUDGET_MS / 1000} s (stopped)`;
                server.push(serverMs);
                break;
            }
            const view = result.views.find((v) => v.view === outcome.rendered.view);
            const text = view?.kind === 'diagram' ? view.mermaid : '';
            const bareMs = bareFirst !== undefined && text === (journey?.kind === 'diagram' ? journey.mermaid : undefined) ? bareFirst : text ? await page.bareRender(text) : Number.NaN;
            shows = outcome.rendered.shows;
            mermaidChars = text.length;

            // An edit that changes no view: a comment typed at the end of the map.
            const unchangedStart = performance.now();
            await opened.edit(`${edited.join('\n')}\n// note ${i}`);
            const same = viewsOfDocument(opened.current());
            const unchangedServerMs = performance.now() - unchangedStart;
            const kept = await page.update({
                type: 'update', uri: 'file:///bench/map.journey', fileName: 'map.journey', version: 2 * (i + 10) + 1,
                title: same.title, views: viewsForUpdate(same.views, 'journey'), errors: [], limits,
            });
            if (i < 0) continue; // warm-up
            server.push(serverMs);
            webview.push(outcome.ms);
            total.push(serverMs + outcome.ms);
            bare.push(bareMs);
            for (const [name, value] of Object.entries(outcome.rendered.timing.phases)) phases.set(name, [...(phases.get(name) ?? []), value]);
            phases.set('mermaid.render', [...(phases.get('mermaid.render') ?? []), outcome.rendered.timing.mermaid]);
            phases.set('outside render()', [...(phases.get('outside render()') ?? []), outcome.ms - outcome.rendered.timing.total]);
            unchangedWebview.push(kept.ms);
            unchangedTotal.push(unchangedServerMs + kept.ms);
            unchangedRenders += kept.rendered.draws - outcome.rendered.draws;
            if (kept.rendered.drawn) unchangedDrawn++;
        }
        return {
            size, view: 'journey', mermaidChars, server: summary(server), webview: summary(webview), total: summary(total), bare: summary(bare),
            phases: Object.fromEntries([...phases].map(([name, values]) => [name, summary(values).p50])),
            unchanged: { webview: summary(unchangedWebview), total: summary(unchangedTotal), mermaidRenders: unchangedRenders, drawn: unchangedDrawn },
            shows,
        };
    } finally {
        await page.close();
    }
}
