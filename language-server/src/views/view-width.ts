/**
 * How wide Mermaid will draw a view's text, estimated without a browser, so that a picture
 * meant for a page of known width (GitHub's Markdown column, a preview pane) can be laid out
 * or split before it is drawn, instead of being shrunk until its labels cannot be read.
 *
 * The estimate reads the Mermaid text the views write (it knows their shapes, not Mermaid's
 * whole grammar) and follows Mermaid's layout of each diagram type as the views configure it:
 * - `journey`: the task boxes' width and margin come from the text's own config;
 * - `block-beta`: every column as wide as its widest cell, the cells' lines as written;
 * - `flowchart LR`: the nodes ranked along their links, each rank as wide as its widest node;
 * - `sankey`: as wide as its config says, and its outer columns' labels beyond.
 * It leans to the generous side (text-width.ts), and `test/browser/view-width.test.ts` holds it
 * against the widths the real Mermaid draws for every example.
 */
import { PINNED_FLOWCHART_CONFIG } from './mermaid-config.js';
import { readSankeyLine, SANKEY_LABEL_PX, sankeyLayout } from './sankey-layout.js';
import { mermaidMeasuredText, textWidth } from './text-width.js';

/** What a person sees of a drawing at its natural size: its width, and the size of its smallest labels (CSS px). */
export interface DrawingSize {
    width: number;
    labelPx: number;
}

/** The smallest label a reader should be shown, in CSS pixels: below it, people zoom before they can read. */
export const READABLE_LABEL_PX = 11;

/** The font size of Mermaid's labels (themeVariables.fontSize) in every view. */
const FONT = 16;

/**
 * The estimated natural size of the drawing of `mermaid` (the Mermaid text of a view, with or
 * without its `---` config), or undefined for a diagram type it does not know.
 */
export function estimateDrawingSize(mermaid: string): DrawingSize | undefined {
    const { config, body } = splitConfig(mermaid);
    const first = body.find((line) => line.trim() !== '' && !line.trim().startsWith('%%'))?.trim() ?? '';
    if (first === 'journey') return journeySize(config, body);
    if (first === 'block-beta' || first === 'block') return blockSize(body);
    if (/^(flowchart|graph) LR\b/.test(first)) return flowchartSize(config, body);
    if (first === 'sankey' || first === 'sankey-beta') return sankeySize(config, body);
    return undefined;
}

/** The shown size of a drawing's labels when it is fitted into `availableWidth` (never enlarged). */
export function shownLabelPx(size: DrawingSize, availableWidth: number): number {
    return size.labelPx * Math.min(1, availableWidth / size.width);
}

/** True when the drawing, fitted into `availableWidth`, shows its labels at a readable size. */
export function readableAt(size: DrawingSize | undefined, availableWidth: number): boolean {
    return !size || shownLabelPx(size, availableWidth) >= READABLE_LABEL_PX;
}

/**
 * A left-to-right flowchart turned top to bottom when its width would show its labels under
 * 11 px at `availableWidth` (a long chain of steps reads down a narrow page, not across it).
 * Other texts, and flowcharts that read, are returned as they are.
 */
export function flowchartForWidth(mermaid: string, availableWidth: number | undefined): string {
    if (!availableWidth || !/^flowchart LR$/m.test(mermaid) || readableAt(estimateDrawingSize(mermaid), availableWidth)) return mermaid;
    return mermaid.replace(/^flowchart LR$/m, 'flowchart TB');
}

function splitConfig(mermaid: string): { config: string[]; body: string[] } {
    const lines = mermaid.split('\n');
    if (lines[0]?.trim() !== '---') return { config: [], body: lines };
    const end = lines.indexOf('---', 1);
    return end < 0 ? { config: [], body: lines } : { config: lines.slice(1, end), body: lines.slice(end + 1) };
}

function configNumber(config: readonly string[], key: string): number | undefined {
    for (const line of config) {
        const match = new RegExp(`^\\s*${key}:\\s*([\\d.]+)\\s*$`).exec(line);
        if (match) return Number(match[1]);
    }
    return undefined;
}

/** The lines of a label as drawn: `<br/>` breaks it, tags and entity codes are read as what they show. */
function shownLines(label: string): Array<{ text: string; bold: boolean }> {
    return label.split(/<br\s*\/?>/i).map((line) => ({
        bold: /<b>|<strong>/i.test(line),
        text: line.replace(/<[^>]*>/g, '').replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code))).replace(/#\w+;/g, 'x'),
    }));
}

/** The width of a label's widest line at `font` px (bold text is drawn about a tenth wider). */
function labelWidth(label: string, font = FONT): number {
    return Math.max(0, ...shownLines(label).map((line) => textWidth(line.text, font) * (line.bold ? 1.1 : 1)));
}

/**
 * Mermaid's journey: 2 × (leftMargin + the legend's widest line) + (tasks − 1) × (width +
 * taskMargin) + 4 × diagramMarginX. A task is `text: score` or `text: score: persona, persona`;
 * the legend's names wrap at maxLabelWidth and count only when wider than half the margin.
 */
function journeySize(config: readonly string[], body: readonly string[]): DrawingSize {
    const width = configNumber(config, 'width') ?? 150;
    const margin = configNumber(config, 'taskMargin') ?? 50;
    const diagramMargin = configNumber(config, 'diagramMarginX') ?? 50;
    const leftMargin = configNumber(config, 'leftMargin') ?? 150;
    const wrap = configNumber(config, 'maxLabelWidth') ?? 360;
    const tasks = body.map((line) => /^\s+(?!title\b|section\b)[^%\s][^:]*:\s*\d+\s*(?::(.*))?$/.exec(line)).filter((match) => match !== null);
    const actors = tasks.flatMap((match) => (match[1] ?? '').split(',').map((actor) => actor.trim()).filter(Boolean));
    const widest = Math.min(wrap, Math.max(0, ...actors.map((actor) => textWidth(mermaidMeasuredText(actor), FONT))));
    const legend = widest > leftMargin / 2 ? widest : 0;
    return { width: 2 * (leftMargin + legend) + Math.max(0, tasks.length - 1) * (width + margin) + 4 * diagramMargin, labelPx: JOURNEY_LABEL };
}

/**
 * Mermaid's sankey: as wide as its config says, and its outer columns' labels beyond (with
 * `labelStyle: outlined`, see sankey-layout.ts; the funnel asks for a width that holds the others).
 */
function sankeySize(config: readonly string[], body: readonly string[]): DrawingSize {
    const links = body.map(readSankeyLine).filter((link) => link !== undefined);
    const { left, right } = sankeyLayout(links);
    const outlined = config.some((line) => /^\s*labelStyle:\s*outlined\s*$/.test(line));
    return { width: (configNumber(config, 'width') ?? 600) + (outlined ? left + right : 0), labelPx: SANKEY_LABEL_PX };
}

/** The smallest label of Mermaid's journey (the sections' names and the legend: 14 px). */
const JOURNEY_LABEL = 14;

/** Padding of a block's label, and the gap between blocks, as Mermaid's block diagram draws them. */
const BLOCK_PADDING = 16;
const BLOCK_GAP = 8;
/** text-width.ts sizes text for the widest fonts; a block's cells, measured by the browser, come out a little narrower. */
const BLOCK_TEXT = 0.9;

/** Mermaid's block diagram: `columns` columns, each as wide as its widest one-column block (a spanning block widens the columns it spans). */
function blockSize(body: readonly string[]): DrawingSize {
    const columns = Number(/^\s*columns\s+(\d+)/m.exec(body.join('\n'))?.[1] ?? 1);
    let column = 0;
    for (const line of body) {
        for (const match of line.matchAll(/\b[\w-]+\["((?:[^"\\]|\\.)*)"\](?::(\d+))?/g)) {
            const span = Math.min(columns, Number(match[2] ?? 1));
            const needed = labelWidth(match[1]) * BLOCK_TEXT + BLOCK_PADDING;
            column = Math.max(column, (needed - (span - 1) * BLOCK_GAP) / span);
        }
    }
    return { width: columns * column + (columns - 1) * BLOCK_GAP + 2 * BLOCK_PADDING, labelPx: FONT };
}

/** Dagre's spacing in the views' flowcharts (Mermaid's defaults), and a node's label padding. */
const RANK_GAP = 50;
const NODE_PADDING = 30;
/** What each stage's box adds along the ranks (dagre gives a cluster's borders ranks of their own). */
const SUBGRAPH_BORDER = 40;
/** Dagre's layout is not followed step by step: a tenth more, so the estimate errs on the wide side. */
const FLOWCHART_SLACK = 1.1;

/** A left-to-right flowchart: its nodes ranked by the longest path of links to them, each rank as wide as its widest node. */
function flowchartSize(config: readonly string[], body: readonly string[]): DrawingSize {
    const wrap = configNumber(config, 'wrappingWidth') ?? Number(PINNED_FLOWCHART_CONFIG.find(([key]) => key === 'wrappingWidth')?.[1] ?? 200);
    const widths = new Map<string, number>();
    const edges: Array<[string, string]> = [];
    let subgraphs = 0;
    for (const line of body) {
        const trimmed = line.trim();
        if (trimmed.startsWith('subgraph ')) {
            subgraphs++;
            continue;
        }
        const node = /^([\w-]+)(\[|\{|\(\[|\(\(|\(|>)"((?:[^"\\]|\\.)*)"/.exec(trimmed);
        if (node) {
            const shape = node[2] === '{' ? 1.6 : 1; // a diamond is about half as wide again as its text
            widths.set(node[1], Math.min(wrap, labelWidth(node[3])) * shape + NODE_PADDING);
            continue;
        }
        const edge = /^([\w-]+)\s+[-.=]+>(?:\|"(?:[^"\\]|\\.)*"\|)?\s+([\w-]+)/.exec(trimmed);
        if (edge) edges.push([edge[1], edge[2]]);
    }
    const rank = new Map<string, number>([...widths.keys()].map((id) => [id, 0]));
    // Longest path, relaxed at most once per node (links back make cycles: they add no rank).
    for (let round = 0; round < widths.size; round++) {
        let changed = false;
        for (const [from, to] of edges) {
            const next = (rank.get(from) ?? 0) + 1;
            if (next > (rank.get(to) ?? 0) && next < widths.size) {
                rank.set(to, next);
                changed = true;
            }
        }
        if (!changed) break;
    }
    const widest = new Map<number, number>();
    for (const [id, width] of widths) widest.set(rank.get(id) ?? 0, Math.max(widest.get(rank.get(id) ?? 0) ?? 0, width));
    const ranks = [...widest.values()];
    const width = ranks.reduce((sum, w) => sum + w, 0) + Math.max(0, ranks.length - 1) * RANK_GAP + subgraphs * SUBGRAPH_BORDER;
    return { width: width * FLOWCHART_SLACK, labelPx: FONT };
}
