/** Finds, in a rendered Mermaid SVG, the elements that a view's source map entry points at. */
import type { PreviewRange } from '../src/preview/journey-preview-messages.js';

/** The part of a source map entry the webview needs. */
export interface SourceMapEntryLike {
    elementId?: string;
    diagramId: string;
    range: PreviewRange;
}

/** The SVG elements drawn for `diagramId`: by Mermaid's `data-id`, by its generated element ids, or by their text. */
export function findDiagramElements(svg: SVGSVGElement, diagramId: string): Element[] {
    const byDataId = Array.from(svg.querySelectorAll('[data-id]')).filter((el) => el.getAttribute('data-id') === diagramId && !el.closest('.edgePaths, .edgeLabels'));
    if (byDataId.length > 0) return byDataId;
    // Mermaid names flowchart nodes `<svg id>-flowchart-<id>-<n>` and subgraphs `<id>`.
    const idPattern = new RegExp(`(^|-)(flowchart-)?${escapeRegExp(diagramId)}(-\\d+)?$`);
    const byId = Array.from(svg.querySelectorAll('g[id], rect[id]')).filter((el) => idPattern.test(el.id) && !el.closest('.edgePaths, .edgeLabels'));
    if (byId.length > 0) return byId;
    // Other diagrams (journey, quadrant, xychart…) only carry the text: match a whole label.
    const texts = Array.from(svg.querySelectorAll('text, tspan, foreignObject div, span')).filter((el) => normalise(el.textContent) === normalise(diagramId));
    const groups = texts.map((el) => el.closest('g') ?? el);
    return [...new Set(groups)];
}

/** The entry whose source range holds `line` and is the smallest (a touchpoint inside its stage). */
export function innermostEntryAt<T extends SourceMapEntryLike>(entries: readonly T[], line: number): T | undefined {
    let best: T | undefined;
    for (const entry of entries) {
        if (entry.range.uri) continue;
        const { start, end } = entry.range;
        if (line < start.line || line > end.line) continue;
        if (!best || end.line - start.line < best.range.end.line - best.range.start.line) best = entry;
    }
    return best;
}

function normalise(text: string | null): string {
    return (text ?? '').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
