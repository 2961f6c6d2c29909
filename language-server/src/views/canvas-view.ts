/**
 * The canvas view: the classic journey-map grid, drawn as a Mermaid `block-beta` diagram.
 *
 * Landscape (the default): stages are columns, lanes are rows. The first column names the
 * lanes; the stage row has one cell per stage spanning its steps (touchpoints and decisions
 * in path order, then the outcomes under "Outcomes"), the KPI row the stage's KPIs; then one
 * lane per kind of fact the map holds (`canvas-lanes.ts`), each item of a step in its own
 * cell of the step's column. Portrait (when `availableWidth` is too narrow to read the
 * landscape grid at 11 px or more): stages stacked, each stage's header and KPIs across the
 * picture, then each step as a run of cells, the step first and then one cell per fact,
 * named by its lane, as many side by side as the width holds.
 *
 * Layout: Mermaid's block diagram makes every column as wide as the widest cell and every
 * row as tall as the tallest, and never wraps a label. So the view chooses one text width
 * for all cells from the content (`cellWidth`), breaks every text into lines of that width
 * and cuts it into chunks of at most `CHUNK_LINES` lines, one cell per chunk (short items of
 * one kind share a cell while they fit): a long pain
 * takes two cells of its lane, one under the other, instead of making every row tall.
 *
 * Escaping: cells are `id["…"]` strings: `mermaidText` writes `"`, `#`, `<`, `>` and every
 * other special character as an entity code; our own line breaks are `<br/>`. Cell ids are
 * generated (`tp_calls`, `st_awareness`, `c_12`): letters, digits and `_` only.
 *
 * Colours: each kind of cell has a class (the stage header, pains, gains, opportunities,
 * moments of truth, backstage, and the emotion scale from angry to delighted); every
 * coloured cell sets its own text colour, so it reads the same on light, dark and
 * high-contrast themes. Highlight: highlighted elements' cells get a thick amber border.
 */
import type { JourneyModel, ModelElement, StageModel } from '../model/journey-model.js';
import { CANVAS_CLASSES } from './canvas-style.js';
import { LANE_TABLE, STAGE_LANES, type CanvasItem, type CanvasLane, type CanvasStep, type CellStyle, type LaneContext, type StageLane } from './canvas-lanes.js';
import { pathOrder } from './canvas-order.js';
import { chunkLines, wrapText } from './canvas-wrap.js';
import { mermaidText, safeId } from './escape.js';
import { emptyView, mapEntry } from './model-queries.js';
import { longestWordWidth, textWidth } from './text-width.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';

/** The font size of the cells (Mermaid's default, the page's font size). */
export const CANVAS_FONT = 16;
/** The smallest label a reader should be shown, in CSS pixels: below it at the available width, the canvas turns portrait. */
export const MIN_READABLE_FONT = 11;
/** The most lines in one cell: a longer text continues in the cell below. */
export const CHUNK_LINES = 3;
/** The same in portrait, whose cells also name their lane: one more line. */
export const PORTRAIT_CHUNK_LINES = 4;
/** The width of the text of a cell, in pixels: at least, at most. */
const MIN_TEXT_WIDTH = 160;
const MAX_TEXT_WIDTH = 240;
const WIDTH_STEP = 8;
/** What Mermaid adds around a cell's text (its padding on both sides), between two cells, and around the picture. */
const CELL_PADDING = 32;
const CELL_GAP = 8;
const PICTURE_MARGIN = 24;

/** One group of columns under one header: a stage and its steps, or the outcomes. */
interface ColumnGroup {
    stage?: StageModel;
    steps: Array<CanvasStep | undefined>;
}

/** A cell of the grid: a text in lines, spanning columns; or an empty slot. */
type Cell = { kind: 'cell'; id: string; lines: string[]; span: number; styles: string[] } | { kind: 'space'; span: number };

/** What the grid builders share: ids taken, the source map, the highlight. */
interface Drawing {
    taken: Set<string>;
    sourceMap: SourceMapEntry[];
    highlight?: ReadonlySet<string>;
    width: number;
    counter: number;
}

/** The canvas view of a model. */
export function canvasView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const title = 'Canvas';
    const groups = columnGroups(model);
    if (groups.length === 0) {
        return emptyView('canvas', title, 'Nothing to show yet: add a `stage` with a `touchpoint` (its `channel`, `owner`, `emotion`, `pain`…) to draw the journey-map canvas.');
    }
    const context = laneContext(model);
    const steps = groups.flatMap((group) => group.steps.filter((step): step is CanvasStep => step !== undefined));
    const lanes = LANE_TABLE.flatMap((entry) => entry(context)).filter((lane) => steps.some((step) => lane.items(step).length > 0));
    const stageLanes = STAGE_LANES.filter((lane) => groups.some((group) => headerItems(lane, group).length > 0));
    const width = cellWidth([...lanes.map((lane) => lane.name), ...steps.flatMap((step) => lanes.flatMap((lane) => lane.items(step).map((item) => item.text)))]);
    const columns = 1 + groups.reduce((sum, group) => sum + group.steps.length, 0);
    const drawing: Drawing = { taken: new Set(), sourceMap: [], highlight: options.highlight, width, counter: 0 };
    let grid: { columns: number; rows: Cell[][] };
    if (!options.availableWidth || effectiveFontSize(pictureWidth(columns, width), options.availableWidth) >= MIN_READABLE_FONT) {
        grid = landscapeGrid(groups, stageLanes, lanes, drawing);
    } else {
        const portraitLanes = lanes.map((lane) => ({ ...lane, items: (step: CanvasStep) => lane.items(step).map((item) => ({ ...item, text: portraitPrefix(lane) + item.text })) }));
        drawing.width = Math.min(cellWidth(steps.flatMap((step) => portraitLanes.flatMap((lane) => lane.items(step).map((item) => item.text))), PORTRAIT_CHUNK_LINES), portraitTextWidth(options.availableWidth));
        grid = portraitGrid(groups, stageLanes, portraitLanes, drawing, portraitColumns(drawing.width, options.availableWidth));
    }
    return { view: 'canvas', title, kind: 'diagram', mermaid: blockText(grid.columns, grid.rows), sourceMap: drawing.sourceMap };
}

/** The size a label of the canvas is shown at when a picture `naturalWidth` pixels wide is scaled down to fit `availableWidth`. */
export function effectiveFontSize(naturalWidth: number, availableWidth: number): number {
    return CANVAS_FONT * Math.min(1, availableWidth / naturalWidth);
}

/** The estimated natural width of a canvas of `columns` columns whose texts are `textWidthPx` wide. */
export function pictureWidth(columns: number, textWidthPx: number): number {
    return columns * (textWidthPx + CELL_PADDING) + (columns - 1) * CELL_GAP + PICTURE_MARGIN;
}

/**
 * The text width of every cell: the narrowest (in steps of 8 pixels, within 160..240) at
 * which every text breaks into at most `CHUNK_LINES` lines; a text too long for that at
 * 240 pixels is cut into chunks anyway.
 */
export function cellWidth(texts: readonly string[], maxLines = CHUNK_LINES): number {
    let width = MIN_TEXT_WIDTH;
    for (const text of texts) {
        if (wrapText(text, width, CANVAS_FONT).length <= maxLines) continue;
        const estimate = Math.max(width, Math.min(MAX_TEXT_WIDTH, Math.max(longestWordWidth(text, CANVAS_FONT), textWidth(text, CANVAS_FONT) / maxLines)));
        let fitting = Math.ceil(estimate / WIDTH_STEP) * WIDTH_STEP;
        while (fitting < MAX_TEXT_WIDTH && wrapText(text, fitting, CANVAS_FONT).length > maxLines) fitting += WIDTH_STEP;
        width = Math.min(MAX_TEXT_WIDTH, Math.max(width, fitting));
        if (width === MAX_TEXT_WIDTH) break;
    }
    return width;
}

/** How many cells side by side a portrait canvas has at `availableWidth`: as many as stay readable. */
function portraitColumns(width: number, availableWidth: number): number {
    const widest = (availableWidth * CANVAS_FONT) / MIN_READABLE_FONT;
    let columns = 1;
    while (pictureWidth(columns + 1, width) <= widest) columns++;
    return columns;
}

/** The text width of a one-column portrait at a very narrow width (never under 80 pixels). */
function portraitTextWidth(availableWidth: number): number {
    const widest = (availableWidth * CANVAS_FONT) / MIN_READABLE_FONT;
    return Math.max(80, Math.floor(widest - CELL_PADDING - PICTURE_MARGIN));
}

/** What a portrait cell says before an item to name its lane ("Channel: "), unless the item's own mark does. */
function portraitPrefix(lane: CanvasLane): string {
    return lane.prefix ?? `${lane.name}: `;
}

/** The stages with their steps in path order (a stage without steps keeps one empty column), then the outcomes. */
function columnGroups(model: JourneyModel): ColumnGroup[] {
    const rank = pathOrder(model);
    const byRank = (a: CanvasStep, b: CanvasStep) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
    const groups: ColumnGroup[] = model.stages.map((stage) => {
        const steps = [...stage.steps].sort(byRank);
        return { stage, steps: steps.length > 0 ? steps : [undefined] };
    });
    if (model.outcomes.length > 0) groups.push({ steps: [...model.outcomes] });
    return groups;
}

/** The header items of a group in a stage-wide lane ("Outcomes" over the outcomes). */
function headerItems(lane: StageLane, group: ColumnGroup): CanvasItem[] {
    if (group.stage) return lane.items(group.stage);
    return lane.id === 'stage' ? [{ text: 'Outcomes', style: 'stage' }] : [];
}

/** The lookups the lanes need. */
function laneContext(model: JourneyModel): LaneContext {
    const find = <T extends ModelElement>(list: readonly T[]) => {
        const map = new Map(list.map((element) => [element.id, element]));
        return (id: string) => map.get(id);
    };
    const nodes = find([...model.stages.flatMap((stage) => stage.steps), ...model.outcomes]);
    return {
        model,
        persona: find(model.personas),
        channel: find(model.channels),
        team: find(model.teams),
        flowLabel: (id) => nodes(id)?.label ?? id,
    };
}

/** What one cell holds: lines of one or more items (of one style), or part of one long item. */
interface Chunk {
    lines: string[];
    /** The items that start in this cell. */
    starts: CanvasItem[];
    style?: CellStyle;
}

/**
 * The cells of a list of items wrapped at `width`: consecutive items of one style share a
 * cell while they fit in `CHUNK_LINES` lines (each starts on a line of its own), and an item
 * longer than that is cut into cells of `CHUNK_LINES` lines. Mermaid takes about as long to
 * draw an empty slot as a cell, so fewer, fuller cells draw faster.
 */
function chunksOf(items: readonly CanvasItem[], width: number, maxLines = CHUNK_LINES): Chunk[] {
    const chunks: Chunk[] = [];
    for (const item of items) {
        const lines = wrapText(item.text, width, CANVAS_FONT);
        const last = chunks[chunks.length - 1];
        if (last && last.style === item.style && last.lines.length + lines.length <= maxLines) {
            last.lines.push(...lines);
            last.starts.push(item);
            continue;
        }
        chunkLines(lines, maxLines).forEach((part, index) => chunks.push({ lines: [...part], starts: index === 0 ? [item] : [], style: item.style }));
    }
    return chunks;
}

/** The cell of a chunk: an id (the element's own when it starts with a touchpoint, stage…), its styles and its source map entries. */
function cellOf(chunk: Chunk, span: number, drawing: Drawing): Cell {
    const prefix: Record<string, string> = { touchpoint: 'tp', decision: 'dc', outcome: 'oc', stage: 'st', kpi: 'kpi' };
    const first = chunk.starts[0]?.element;
    const id = first && prefix[first.kind] ? safeId(prefix[first.kind], first.element.id, drawing.taken) : nextId(drawing);
    const styles: string[] = chunk.style ? [chunk.style] : [];
    for (const { element } of chunk.starts) {
        if (!element) continue;
        drawing.sourceMap.push(mapEntry(element.element, element.kind, id));
        if (drawing.highlight?.has(element.element.id) && !styles.includes('highlight')) styles.push('highlight');
    }
    return { kind: 'cell', id, lines: chunk.lines, span, styles };
}

function nextId(drawing: Drawing): string {
    let id: string;
    do id = `c_${++drawing.counter}`;
    while (drawing.taken.has(id));
    drawing.taken.add(id);
    return id;
}

/** The landscape grid: the lane names, then each lane's rows across the steps. */
function landscapeGrid(groups: ColumnGroup[], stageLanes: readonly StageLane[], lanes: readonly CanvasLane[], drawing: Drawing): { columns: number; rows: Cell[][] } {
    const columns = groups.flatMap((group) => group.steps);
    const spanWidth = (span: number) => span * drawing.width + (span - 1) * (CELL_PADDING + CELL_GAP);
    const rows: Cell[][] = [];
    const addLane = (name: string, slots: Array<{ chunks: Chunk[]; span: number }>) => {
        const label = chunksOf([{ text: name, style: 'lane' as CellStyle }], drawing.width);
        const height = Math.max(label.length, ...slots.map((slot) => slot.chunks.length));
        for (let row = 0; row < height; row++) {
            const cells: Cell[] = [label[row] ? cellOf(label[row], 1, drawing) : { kind: 'space', span: 1 }];
            for (const slot of slots) cells.push(slot.chunks[row] ? cellOf(slot.chunks[row], slot.span, drawing) : { kind: 'space', span: slot.span });
            rows.push(cells);
        }
    };
    for (const lane of stageLanes) {
        addLane(lane.name, groups.map((group) => ({ chunks: chunksOf(headerItems(lane, group), spanWidth(group.steps.length)), span: group.steps.length })));
    }
    for (const lane of lanes) {
        addLane(lane.name, columns.map((step) => ({ chunks: step ? chunksOf(lane.items(step), drawing.width) : [], span: 1 })));
    }
    return { columns: 1 + columns.length, rows };
}

/** The portrait grid: per stage, its header and KPIs across, then each step and its facts, `columns` cells a row. */
function portraitGrid(groups: ColumnGroup[], stageLanes: readonly StageLane[], lanes: readonly CanvasLane[], drawing: Drawing, columns: number): { columns: number; rows: Cell[][] } {
    const rows: Cell[][] = [];
    const fullWidth = columns * drawing.width + (columns - 1) * (CELL_PADDING + CELL_GAP);
    for (const group of groups) {
        for (const lane of stageLanes) {
            for (const chunk of chunksOf(headerItems(lane, group), fullWidth, PORTRAIT_CHUNK_LINES)) rows.push([cellOf(chunk, columns, drawing)]);
        }
        for (const step of group.steps) {
            if (!step) continue;
            const items = lanes.flatMap((lane) => lane.items(step));
            const cells = chunksOf(items, drawing.width, PORTRAIT_CHUNK_LINES).map((chunk) => cellOf(chunk, 1, drawing));
            for (let start = 0; start < cells.length; start += columns) {
                const row = cells.slice(start, start + columns);
                if (row.length < columns) row.push({ kind: 'space', span: columns - row.length });
                rows.push(row);
            }
        }
    }
    return { columns, rows };
}

/** Rows with each run of empty slots as one slot spanning them. */
function mergeSpaces(rows: Cell[][]): Cell[][] {
    return rows.map((row) => row.reduce<Cell[]>((merged, cell) => {
        const last = merged[merged.length - 1];
        if (cell.kind === 'space' && last?.kind === 'space') merged[merged.length - 1] = { kind: 'space', span: last.span + cell.span };
        else merged.push(cell);
        return merged;
    }, []));
}

/** The Mermaid text of a grid: settings, the rows of cells, the classes. */
function blockText(columns: number, rows: Cell[][]): string {
    const lines = ['---', 'config:', '  block:', `    padding: ${CELL_GAP}`, '---', 'block-beta', `  columns ${columns}`];
    const byStyle = new Map<string, string[]>();
    let gaps = 0;
    for (const row of mergeSpaces(rows)) {
        lines.push(`  ${row.map((cell) => {
            // Mermaid draws (and measures) every column of a `space:N` as a block of its own, slowly; one invisible cell spans them all.
            if (cell.kind === 'space') return cell.span > 1 ? `gap_${++gaps}["${mermaidText(' ')}"]:${cell.span}` : 'space';
            for (const style of cell.styles) {
                const ids = byStyle.get(style);
                if (ids) ids.push(cell.id);
                else byStyle.set(style, [cell.id]);
            }
            const text = cell.lines.map(mermaidText).join('<br/>') || mermaidText(' ');
            return `${cell.id}["${text}"]${cell.span > 1 ? `:${cell.span}` : ''}`;
        }).join(' ')}`);
    }
    if (gaps > 0) byStyle.set('gap', Array.from({ length: gaps }, (_, i) => `gap_${i + 1}`));
    for (const [style, definition] of Object.entries(CANVAS_CLASSES)) {
        const ids = byStyle.get(style);
        if (ids) lines.push(`  classDef ${style} ${definition}`, `  class ${ids.join(',')} ${style}`);
    }
    return `${lines.join('\n')}\n`;
}
