/** Finds, in a rendered Mermaid SVG, the elements that a view's source map entry points at. */
import type { PreviewRange } from '../src/preview/journey-preview-messages.js';

/** The part of a source map entry the webview needs. */
export interface SourceMapEntryLike {
    elementId?: string;
    /** The element's kind (`stage`, `touchpoint`, `journey`…). */
    kind?: string;
    diagramId: string;
    range: PreviewRange;
}

/** The SVG elements drawn for `diagramId`: by Mermaid's `data-id`, by its generated element ids, or by their text. */
export function findDiagramElements(svg: SVGSVGElement, diagramId: string): Element[] {
    return indexDiagram(svg)(diagramId);
}

/**
 * Reads the SVG once and returns a lookup of the elements drawn for a diagram id (as
 * `findDiagramElements`), so linking every entry of a big map's source map does not walk the
 * whole SVG once per entry.
 */
export function indexDiagram(svg: Element): (diagramId: string) => Element[] {
    const outsideEdges = (el: Element) => !el.closest('.edgePaths, .edgeLabels');
    // Each index is read from the SVG when first needed: a flowchart's entries are all found by
    // `data-id`, a journey's all by their text.
    let byDataId: Map<string, Element[]> | undefined;
    let byId: Map<string, Element[]> | undefined;
    let byText: Map<string, Element[]> | undefined;
    /** Each label's own text (normalised), as read for `byText`. */
    const ownTexts = new Map<Element, string>();
    const dataIds = () => {
        if (byDataId) return byDataId;
        byDataId = new Map();
        for (const el of Array.from(svg.querySelectorAll('[data-id]')).filter(outsideEdges)) add(byDataId, el.getAttribute('data-id') ?? '', el);
        return byDataId;
    };
    // Mermaid names flowchart nodes `<svg id>-flowchart-<id>-<n>` and subgraphs `<id>`: an element
    // belongs to every id that its id ends with after a '-' (or is), with or without a `-<n>` suffix.
    const ids = () => {
        if (byId) return byId;
        byId = new Map();
        for (const el of Array.from(svg.querySelectorAll('g[id], rect[id]')).filter(outsideEdges)) {
            const keys = new Set<string>();
            for (const id of new Set([el.id, el.id.replace(/-\d+$/, '')])) {
                keys.add(id);
                for (let i = id.indexOf('-'); i >= 0; i = id.indexOf('-', i + 1)) keys.add(id.slice(i + 1));
            }
            for (const key of keys) add(byId, key, el);
        }
        return byId;
    };
    // Other diagrams (journey, quadrant, xychart…) only carry the text: match a whole label.
    const texts = () => {
        if (byText) return byText;
        byText = new Map();
        for (const el of Array.from(svg.querySelectorAll('text, tspan, foreignObject div, span'))) {
            // A sankey's outlined label is two texts: the halo under the text a reader sees and clicks.
            if (el.classList.contains('sankey-label-bg')) continue;
            const text = el.textContent ?? '';
            ownTexts.set(el, normalise(text));
            add(byText, ownTexts.get(el)!, el);
            // A sankey writes a node's name and its value on two lines of one text: the name finds it too.
            const name = text.split('\n')[0];
            if (name !== text && name.trim() !== '') add(byText, normalise(name), el);
        }
        return byText;
    };
    // The text of each group a label stands in, read once (a label's text, its tspan and its HTML twin share one group).
    const groupTexts = new Map<Element, string>();
    const groupText = (group: Element) => {
        let text = groupTexts.get(group);
        if (text === undefined) groupTexts.set(group, text = normalise(group.textContent));
        return text;
    };
    return (diagramId) => {
        const dataIdMatches = dataIds().get(diagramId) ?? [];
        if (dataIdMatches.length > 0) return dataIdMatches;
        const idMatches = ids().get(diagramId) ?? [];
        if (idMatches.length > 0) return idMatches;
        const matches = texts().get(normalise(diagramId)) ?? [];
        // A label's own group (its box and text) when the group holds only that label; else the
        // text itself (an axis draws all its names in one group: that group is no one's).
        return [...new Set(matches.map((el) => {
            const group = el.closest('g');
            return group && groupText(group) === ownTexts.get(el) ? group : el;
        }))];
    };
}

function add(map: Map<string, Element[]>, key: string, el: Element): void {
    const list = map.get(key);
    if (list) list.push(el);
    else map.set(key, [el]);
}

/** The entry whose source range holds `line` and is the smallest (a touchpoint inside its stage): the first one, when several entries (a name and its markers) stand for the same element. */
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


/** True when two entries stand for the same element of the map (the same id, declared on the same line of the same file). */
export function sameElement(a: SourceMapEntryLike, b: SourceMapEntryLike): boolean {
    return a.elementId !== undefined && a.elementId === b.elementId && a.range.uri === b.range.uri && a.range.start.line === b.range.start.line;
}
