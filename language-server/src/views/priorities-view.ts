/**
 * The priorities view: a Mermaid `quadrantChart` of the actions, effort on x (low to
 * high) and impact on y (low to high). Quadrants: quick wins (high impact, low effort),
 * major projects (high impact, high effort), fill-ins (low impact, low effort) and
 * thankless tasks (low impact, high effort). Scores 1..5 map to 0.15..0.85 (3 is on the
 * middle line; an impact of 3 is drawn just above it so its name stays clear of the
 * quadrant names). Actions without both an impact and an effort are listed in a comment
 * and left out.
 *
 * Layout (`placePoints`): Mermaid writes each point's name centred under it, on one line,
 * wherever that lands. So the view places the points itself, in pixels of the chart it
 * asks for: each point starts at its scores' place and, if its name would overlap another
 * name, a point, a quadrant name or run out of the chart, moves to the nearest free place
 * a little way off (at most about a tenth of the chart), never across a middle line (a 3
 * stays on its line, an impact of 3 just above it). The chart is wide enough for the
 * longest name to fit in its half, and for the title.
 *
 * Escaping (quadrantChart): point names are written as `"…"` strings and titles as
 * plain text; `:` `,` `[` `"` and the rest are entity codes (`mermaidText`), and a title
 * starting with a keyword is escaped by `lineText`.
 *
 * Highlight: highlighted actions are drawn as larger amber points.
 */
import type { ActionModel, JourneyModel } from '../model/journey-model.js';
import { lineText, mermaidText } from './escape.js';
import { emptyView, mapEntry } from './model-queries.js';
import { textWidth } from './text-width.js';
import { rankActions } from './action-ranking.js';
import type { SourceMapEntry, ViewOptions, ViewResult, ViewTable } from './view-types.js';
import { formatNumber, viewWords, type ViewWords } from './view-words.js';

/** The names of the four quadrants in English, as Mermaid numbers them (1 top right, counter-clockwise); a map's `lang` gives its own. */
export const QUADRANTS = viewWords('en').quadrants;

/** Words that start a keyword line (`x-axis`, `quadrant-1`… cannot: their `-` is always an entity). */
const KEYWORDS = ['title', 'classDef'];

/** The priorities view of a model. */
export function prioritiesView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const words = viewWords(model.lang);
    const title = words.titles.priorities;
    const scored = model.actions.filter((action): action is ActionModel & { impact: number; effort: number } => action.impact !== undefined && action.effort !== undefined);
    if (scored.length === 0) {
        const hint = model.actions.length === 0 ? words.hints.prioritiesNoAction : words.hints.prioritiesNoScore;
        return emptyView('priorities', title, words.nothingYet(hint, words.hints.prioritiesPurpose));
    }
    const chartTitle = `${model.label} — ${words.prioritiesTitle}`;
    // Wide enough for each name to fit in its half beside the middle line (10: the radius of a highlighted point), and for the title.
    const width = Math.max(CHART_HEIGHT, ...scored.map((action) => textWidth(action.label, POINT_FONT) + 2 * (EDGE + LINE_CLEARANCE + 10) + QUADRANT_EXTRA_WIDTH), textWidth(chartTitle, 20) + 40);
    const points = placePoints(scored.map((action) => ({ label: action.label, impact: action.impact, effort: action.effort, radius: options.highlight?.has(action.id) ? 10 : 5 })), width, CHART_HEIGHT, words.quadrants);
    const lines = [
        '---',
        'config:',
        '  quadrantChart:',
        `    chartWidth: ${width}`,
        `    chartHeight: ${CHART_HEIGHT}`,
        `    pointLabelFontSize: ${POINT_FONT}`,
        '---',
        'quadrantChart',
        `    title ${lineText(chartTitle, KEYWORDS)}`,
        `    x-axis ${words.lowEffort} --> ${words.highEffort}`,
        `    y-axis ${words.lowImpact} --> ${words.highImpact}`,
        ...Object.entries(words.quadrants).map(([number, name]) => `    quadrant-${number} ${name}`),
    ];
    const unscored = model.actions.filter((action) => action.impact === undefined || action.effort === undefined);
    if (unscored.length > 0) lines.push(`    %% not drawn (no impact or effort): ${unscored.map((action) => action.id).join(' ')}`);
    const sourceMap: SourceMapEntry[] = [];
    scored.forEach((action, i) => {
        const style = options.highlight?.has(action.id) ? ' radius: 10, color: #d97706' : '';
        lines.push(`    "${mermaidText(action.label)}": [${points[i].x}, ${points[i].y}]${style}`);
        sourceMap.push(mapEntry(action, 'action', action.label));
    });
    return { view: 'priorities', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap, table: rankingTable(model, words) };
}

/** The actions ranked by impact, effort and closeness to the sale (see `action-ranking.ts`), as a table. */
export function rankingTable(model: JourneyModel, words: ViewWords): ViewTable {
    const { ranked, unranked } = rankActions(model);
    const number = (value: number): string => formatNumber(value, words);
    const table: ViewTable = {
        caption: words.ranking.caption,
        columns: [words.ranking.rank, words.ranking.action, words.ranking.impact, words.ranking.effort, words.ranking.closeness, words.ranking.score],
        rows: ranked.map(({ rank, action, closeness, latest, score }) => ({
            cells: [
                number(rank), action.label, number(action.impact), number(action.effort),
                closeness === undefined || !latest ? `— (${words.ranking.noTouchpoint})` : `${number(closeness)} · ${latest.stage ? `${latest.stage.label} · ` : ''}${latest.touchpoint.label}`,
                number(score),
            ],
            elementId: action.id,
            range: action.range,
        })),
    };
    if (unranked.length > 0) table.note = `${words.ranking.notRanked}: ${unranked.map((action) => action.label).join(', ')}`;
    return table;
}

/** A score 1..5 as a coordinate 0.15..0.85, 3 in the middle (scores outside the scale are kept inside). */
function position(score: number): number {
    const clamped = Math.min(5, Math.max(1, score));
    return 0.15 + ((clamped - 1) / 4) * 0.7;
}

/** The chart's height, and the font size of the points' names. */
const CHART_HEIGHT = 640;
const POINT_FONT = 13;
/** Mermaid's quadrantChart geometry (its defaults): the quadrants' edges inside the chart. */
const QUADRANT_LEFT = 5 + (2 * 5 + 16); // quadrantPadding, y-axis label space
const QUADRANT_TOP = 5 + (20 + 2 * 10); // quadrantPadding, title space
const QUADRANT_EXTRA_WIDTH = 2 * 5 + 2 * 5 + 16; // both paddings, y-axis label space
const QUADRANT_EXTRA_HEIGHT = 2 * 5 + (2 * 5 + 16) + (20 + 2 * 10); // both paddings, x-axis label space, title space
const NAME_FONT = 16; // quadrantLabelFontSize, the quadrant names drawn at the top of each quadrant
const TEXT_PADDING = 5; // pointTextPadding (name under its point) and quadrantTextTopPadding
/** Pixels kept between a name and the chart's edge, and between a point and a middle line. */
const EDGE = 4;
const LINE_CLEARANCE = 4;
/** How far a point may move from its place, as a share of the quadrants' width and height. */
const REACH = 0.1;
/** The farthest a point moves from its place, in pixels, whatever the chart's size. */
const MAX_REACH_PX = 60;
/** An impact of 3 sits this share of the height above the middle line. */
const IMPACT_3_LIFT = 0.03;

interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
}

function overlapArea(a: Box, b: Box): number {
    const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return width > 0 && height > 0 ? width * height : 0;
}

/** The boxes placed so far, in cells of a grid, so a candidate place is compared only with its neighbours. */
class PlacedBoxes {
    private readonly cells = new Map<number, Box[]>();

    add(box: Box): void {
        this.each(box, (key) => {
            const cell = this.cells.get(key);
            if (cell) cell.push(box);
            else this.cells.set(key, [box]);
            return false;
        });
    }

    /** Whether `box` overlaps any placed box. */
    hits(box: Box): boolean {
        return this.each(box, (key) => (this.cells.get(key) ?? []).some((other) => overlapArea(box, other) > 0));
    }

    /** Calls `visit` with the key of each cell `box` touches, until it returns true. */
    private each(box: Box, visit: (key: number) => boolean): boolean {
        const size = 48;
        for (let column = Math.floor(box.left / size); column <= Math.floor(box.right / size); column++) {
            for (let row = Math.floor(box.top / size); row <= Math.floor(box.bottom / size); row++) {
                if (visit(column * 100_003 + row)) return true;
            }
        }
        return false;
    }
}

/**
 * Where to draw each point (0..1 coordinates, as Mermaid reads them), in the order given.
 * Each point starts at its scores' place, kept inside its own half on both axes (a score of
 * 3 on the middle line, an impact of 3 just above it), with its name inside the chart. A
 * point whose name or dot would overlap what is already placed (names, dots, quadrant
 * names) moves to the nearest place within `REACH` where nothing overlaps; in a spot too
 * crowded for that, the points there are scattered over the places within `REACH`.
 * Everything is estimated from the text (`textWidth`), never measured. Placed boxes are
 * kept in a grid, so a map with thousands of actions is placed in about 0.1 s.
 */
export function placePoints(points: ReadonlyArray<{ label: string; impact: number; effort: number; radius: number }>, chartWidth: number, chartHeight: number, quadrants: Readonly<Record<1 | 2 | 3 | 4, string>> = QUADRANTS): Array<{ x: number; y: number }> {
    const width = chartWidth - QUADRANT_EXTRA_WIDTH;
    const height = chartHeight - QUADRANT_EXTRA_HEIGHT;
    const left = QUADRANT_LEFT;
    const top = QUADRANT_TOP;
    const middleX = left + width / 2;
    const middleY = top + height / 2;
    const labelHeight = Math.ceil(POINT_FONT * 1.25);
    const placed = new PlacedBoxes();
    Object.values(quadrants).forEach((name, i) => {
        // Mermaid's quadrants 1..4: top right, top left, bottom left, bottom right; the name at the top, centred.
        const centre = left + (i === 1 || i === 2 ? width / 4 : (3 * width) / 4);
        const y = top + (i < 2 ? 0 : height / 2) + TEXT_PADDING;
        const half = textWidth(name, NAME_FONT) / 2;
        placed.add({ left: centre - half, top: y, right: centre + half, bottom: y + NAME_FONT * 1.25 });
    });
    // In pixels, capped: a chart widened for one long name does not multiply the places tried for every point.
    const moves = offsets(Math.min(REACH * width, MAX_REACH_PX), Math.min(REACH * height, MAX_REACH_PX));
    const crowd = new Map<string, number>();
    return points.map((point) => {
        const half = textWidth(point.label, POINT_FONT) / 2;
        const clearance = point.radius + LINE_CLEARANCE;
        // The range of x (pixels) the point may take: its own half, its name inside the chart.
        const minX = left + half + EDGE;
        const maxX = left + width - half - EDGE;
        const [xFrom, xTo] = point.effort < 3 ? [minX, middleX - clearance] : point.effort > 3 ? [middleX + clearance, maxX] : [middleX, middleX];
        const minY = top + point.radius + EDGE;
        const maxY = top + height - TEXT_PADDING - labelHeight - EDGE;
        const lifted = middleY - IMPACT_3_LIFT * height;
        const [yFrom, yTo] = point.impact > 3 ? [minY, middleY - clearance] : point.impact < 3 ? [middleY + clearance, maxY] : [middleY - REACH * height, lifted];
        const clamp = (value: number, from: number, to: number): number => Math.min(Math.max(value, from), Math.max(from, to));
        const homeX = clamp(left + position(point.effort) * width, xFrom, xTo);
        const homeY = clamp(point.impact === 3 ? lifted : top + (1 - position(point.impact)) * height, yFrom, yTo);
        const boxesAt = (x: number, y: number): [Box, Box] => [
            { left: x - half, top: y + TEXT_PADDING, right: x + half, bottom: y + TEXT_PADDING + labelHeight },
            { left: x - point.radius, top: y - point.radius, right: x + point.radius, bottom: y + point.radius },
        ];
        // The nearest free place; when there is none (a crowded spot), the n-th place around home for the n-th point there.
        const allowed = moves.filter(([dx, dy]) => homeX + dx >= xFrom - 0.01 && homeX + dx <= xTo + 0.01 && homeY + dy >= yFrom - 0.01 && homeY + dy <= yTo + 0.01);
        const free = allowed.find(([dx, dy]) => !boxesAt(homeX + dx, homeY + dy).some((box) => placed.hits(box)));
        const key = `${homeX},${homeY}`;
        const nth = crowd.get(key) ?? 0;
        crowd.set(key, nth + 1);
        const [dx, dy] = free ?? allowed[(nth * 7) % allowed.length] ?? [0, 0];
        const best = { x: homeX + dx, y: homeY + dy };
        const [label, dot] = boxesAt(best.x, best.y);
        // A little room around each name, so two names never touch.
        placed.add({ left: label.left - 3, top: label.top - 2, right: label.right + 3, bottom: label.bottom + 2 });
        placed.add(dot);
        const round = (value: number): number => Math.round(value * 1000) / 1000;
        return { x: round((best.x - left) / width), y: round(1 - (best.y - top) / height) };
    });
}

/** Moves of up to `reachX` × `reachY` pixels in steps of a few pixels, nearest first (vertical first on ties). */
function offsets(reachX: number, reachY: number): Array<[number, number]> {
    const moves: Array<[number, number]> = [];
    for (let dx = -Math.floor(reachX / 6) * 6; dx <= reachX; dx += 6) {
        for (let dy = -Math.floor(reachY / 4) * 4; dy <= reachY; dy += 4) moves.push([dx, dy]);
    }
    return moves.sort((a, b) => Math.hypot(...a) - Math.hypot(...b) || Math.abs(a[0]) - Math.abs(b[0]) || a[1] - b[1] || a[0] - b[0]);
}
