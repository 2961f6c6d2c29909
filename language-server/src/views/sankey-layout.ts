/**
 * Where Mermaid's sankey puts its nodes and their labels, worked out without a browser, so the
 * funnel view can ask for a width that leaves every label room, and the width estimate
 * (`view-width.ts`) can say how wide the drawing is.
 *
 * Mermaid lays a sankey out with d3-sankey, aligned `justify` (its default): a node's column is
 * the longest path to it from a first node, and a node that leads nowhere goes to the last
 * column; the columns are evenly spaced across the configured width. With `labelStyle:
 * outlined` a label (the node's name, a space, its value, 14 px, on a halo of the background)
 * is written right of its node, except in the columns before the one of the biggest node, where
 * it is written left of it. A label wider than the gap it is written into runs over the next
 * column's labels: the width asked for makes every gap as wide as the widest label written into
 * it, and the labels of the outer columns run past the width (Mermaid's view box takes them in).
 */
import { textWidth } from './text-width.js';

/** One band of a sankey: `value` customers from the node named `from` to the one named `to`. */
export interface SankeyLink {
    from: string;
    to: string;
    value: number;
}

/** The size of the labels Mermaid writes (its `node-labels` group). */
export const SANKEY_LABEL_PX = 14;
/** Mermaid's node width, and the distance between a node and its label. */
const NODE_WIDTH = 10;
const LABEL_GAP = 6;
/** Room left between a label's end and the next column's node. */
const LABEL_CLEARANCE = 14;
/** The narrowest gap between columns, as before labels were measured. */
const MIN_GAP = 110;
/** The narrowest sankey: a funnel of two steps still reads as a funnel. */
const MIN_WIDTH = 600;
/** The tallest sankey, and the height each column adds up to it (a piece of two steps is not as tall as a whole funnel). */
const MAX_HEIGHT = 520;
const HEIGHT_PER_COLUMN = 100;
/** The height a node takes at the least in its column: Mermaid's padding between nodes (27 px with values) and a label's line. */
const NODE_ROOM = 45;

export interface SankeyLayout {
    /** The `width` and `height` to configure. */
    width: number;
    height: number;
    /** How far labels run past it, left and right: the drawing is `left + width + right` wide. */
    left: number;
    right: number;
}

/** The layout of a sankey of `links` (in the order written: it decides which of two equal nodes is the biggest). */
export function sankeyLayout(links: readonly SankeyLink[]): SankeyLayout {
    const names = [...new Set(links.flatMap((link) => [link.from, link.to]))];
    if (names.length === 0) return { width: MIN_WIDTH, height: MAX_HEIGHT, left: 0, right: 0 };
    const into = new Map<string, number>();
    const out = new Map<string, number>();
    const next = new Map<string, string[]>();
    for (const link of links) {
        into.set(link.to, (into.get(link.to) ?? 0) + link.value);
        out.set(link.from, (out.get(link.from) ?? 0) + link.value);
        next.set(link.from, [...(next.get(link.from) ?? []), link.to]);
    }
    const depth = longestPaths(names, next);
    const last = Math.max(...depth.values());
    const column = (name: string): number => (next.has(name) ? depth.get(name)! : last);
    const value = (name: string): number => Math.max(into.get(name) ?? 0, out.get(name) ?? 0);
    let biggest = names[0]!;
    for (const name of names) if (value(name) > value(biggest)) biggest = name;
    const central = column(biggest);

    // The widest label of each column, and the side it is written on.
    const widest = new Array<number>(last + 1).fill(0);
    for (const name of names) widest[column(name)] = Math.max(widest[column(name)]!, textWidth(sankeyLabelText(name, value(name)), SANKEY_LABEL_PX));
    const room = (c: number): number => (widest[c]! > 0 ? LABEL_GAP + widest[c]! : 0);
    const rightOf = (c: number): number => (c >= central ? room(c) : 0);
    const leftOf = (c: number): number => (c < central ? room(c) : 0);
    let gap = MIN_GAP;
    for (let c = 0; c < last; c++) gap = Math.max(gap, rightOf(c) + leftOf(c + 1) + LABEL_CLEARANCE);
    const width = Math.max(MIN_WIDTH, last * (gap + NODE_WIDTH) + NODE_WIDTH);
    const perColumn = new Array<number>(last + 1).fill(0);
    for (const name of names) perColumn[column(name)]!++;
    const height = Math.max(NODE_ROOM * Math.max(...perColumn), Math.min(MAX_HEIGHT, HEIGHT_PER_COLUMN * (last + 2)));
    return { width, height, left: leftOf(0), right: rightOf(last) };
}

/** A band as a line of the sankey's CSV: both names double-quoted (a quote doubled), then the value. */
export function sankeyLine(link: SankeyLink): string {
    const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
    return `${quoted(link.from)},${quoted(link.to)},${link.value}`;
}

/** A line written by `sankeyLine` read back, or undefined for any other line. */
export function readSankeyLine(line: string): SankeyLink | undefined {
    const match = /^\s*"((?:[^"]|"")*)","((?:[^"]|"")*)",([\d.]+)\s*$/.exec(line);
    return match ? { from: match[1]!.replace(/""/g, '"'), to: match[2]!.replace(/""/g, '"'), value: Number(match[3]) } : undefined;
}

/** The text of a node's label as Mermaid writes it (`showValues`): the name and the value on one text line. */
export function sankeyLabelText(name: string, value: number): string {
    return `${name} ${Math.round(value * 100) / 100}`;
}

/** The longest path to each node from a node nothing leads to (the links have no cycles). */
function longestPaths(names: readonly string[], next: ReadonlyMap<string, readonly string[]>): Map<string, number> {
    const incoming = new Map<string, number>(names.map((name) => [name, 0]));
    for (const targets of next.values()) for (const to of targets) incoming.set(to, incoming.get(to)! + 1);
    const depth = new Map<string, number>(names.map((name) => [name, 0]));
    const ready = names.filter((name) => incoming.get(name) === 0);
    while (ready.length > 0) {
        const name = ready.pop()!;
        for (const to of next.get(name) ?? []) {
            depth.set(to, Math.max(depth.get(to)!, depth.get(name)! + 1));
            incoming.set(to, incoming.get(to)! - 1);
            if (incoming.get(to) === 0) ready.push(to);
        }
    }
    return depth;
}
