/**
 * Draws many diagrams at once: several pages of one browser, one per core (fewer when memory
 * is short), each taking the next diagram as soon as it is free. Every diagram keeps the id it
 * would have had in a one-page run, so the files written are the same whichever page drew them.
 */
import { availableParallelism, freemem } from 'node:os';
import type { MermaidRenderer } from './mermaid-renderer.js';

/** Memory one page of Chromium with Mermaid may take while drawing a big diagram. */
const BYTES_PER_PAGE = 400 * 1024 * 1024;

/** How many pages to draw with: `requested` if given, else one per core within free memory; never more than there are diagrams, never fewer than one. */
export function pageCount(diagrams: number, requested?: number): number {
    const wanted = requested ?? Math.min(availableParallelism(), Math.floor(freemem() / BYTES_PER_PAGE));
    return Math.max(1, Math.min(wanted, diagrams));
}

/**
 * Calls `draw` for every item, on `pages` pages of `first`'s browser at once (`first` is one of
 * them); results come back in the order of `items`. The `index` passed to `draw` is the item's
 * place in `items`: use it for the diagram's id.
 */
export async function drawInParallel<T, R>(
    first: MermaidRenderer,
    items: readonly T[],
    pages: number,
    draw: (renderer: MermaidRenderer, item: T, index: number) => Promise<R>,
): Promise<R[]> {
    const renderers = [first];
    try {
        for (let i = 1; i < pageCount(items.length, pages); i++) renderers.push(await first.openPage());
        const results = new Array<R>(items.length);
        let next = 0;
        await Promise.all(renderers.map(async (renderer) => {
            while (next < items.length) {
                const index = next++;
                results[index] = await draw(renderer, items[index]!, index);
            }
        }));
        return results;
    } finally {
        await Promise.all(renderers.slice(1).map((renderer) => renderer.close().catch(() => undefined)));
    }
}
