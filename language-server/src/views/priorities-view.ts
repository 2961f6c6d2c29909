/**
 * The priorities view: a Mermaid `quadrantChart` of the actions, effort on x (low to
 * high) and impact on y (low to high). Quadrants: quick wins (high impact, low effort),
 * major projects (high impact, high effort), fill-ins (low impact, low effort) and
 * thankless tasks (low impact, high effort). Scores 1..5 map to 0.15..0.85 (3 is on the middle line; an impact of 3 is drawn
 * just above it so its name stays clear of the quadrant names); actions with
 * the same scores are spread a little so every name stays readable. Actions without both
 * an impact and an effort are listed in a comment and left out.
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
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';

/** The names of the four quadrants, as Mermaid numbers them (1 top right, counter-clockwise). */
export const QUADRANTS = { 1: 'Major projects', 2: 'Quick wins', 3: 'Fill-ins', 4: 'Thankless tasks' } as const;

/** Words that start a keyword line (`x-axis`, `quadrant-1`… cannot: their `-` is always an entity). */
const KEYWORDS = ['title', 'classDef'];

/** The priorities view of a model. */
export function prioritiesView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const title = 'Priorities';
    const scored = model.actions.filter((action): action is ActionModel & { impact: number; effort: number } => action.impact !== undefined && action.effort !== undefined);
    if (scored.length === 0) {
        const hint = model.actions.length === 0 ? 'add an `action` with `impact` and `effort` (1..5)' : 'give the actions an `impact` and an `effort` (1..5)';
        return emptyView('priorities', title, `Nothing to show yet: ${hint} to place them on the priority matrix.`);
    }
    const lines = [
        '---',
        'config:',
        '  quadrantChart:',
        '    chartWidth: 640',
        '    chartHeight: 640',
        '    pointLabelFontSize: 13',
        '---',
        'quadrantChart',
        `    title ${lineText(`${model.label} — priorities`, KEYWORDS)}`,
        '    x-axis Low effort --> High effort',
        '    y-axis Low impact --> High impact',
        ...Object.entries(QUADRANTS).map(([number, name]) => `    quadrant-${number} ${name}`),
    ];
    const unscored = model.actions.filter((action) => action.impact === undefined || action.effort === undefined);
    if (unscored.length > 0) lines.push(`    %% not drawn (no impact or effort): ${unscored.map((action) => action.id).join(' ')}`);
    const sourceMap: SourceMapEntry[] = [];
    const seen = new Map<string, number>();
    for (const action of scored) {
        const key = `${action.impact},${action.effort}`;
        const nth = seen.get(key) ?? 0;
        seen.set(key, nth + 1);
        // An impact of 3 sits just above the middle line, so its name (drawn under the point) stays clear of the lower quadrants' names.
        const [x, y] = spread(position(action.effort), position(action.impact) + (action.impact === 3 ? 0.03 : 0), nth);
        const style = options.highlight?.has(action.id) ? ' radius: 10, color: #d97706' : '';
        lines.push(`    "${mermaidText(action.label)}": [${x}, ${y}]${style}`);
        sourceMap.push(mapEntry(action, 'action', action.label));
    }
    return { view: 'priorities', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** A score 1..5 as a coordinate 0.15..0.85, 3 in the middle (scores outside the scale are kept inside). */
function position(score: number): number {
    const clamped = Math.min(5, Math.max(1, score));
    return 0.15 + ((clamped - 1) / 4) * 0.7;
}

/** Moves the nth point with the same scores a little down and right, staying inside the chart. */
function spread(x: number, y: number, nth: number): [number, number] {
    const round = (value: number): number => Math.round(Math.min(0.98, Math.max(0.02, value)) * 1000) / 1000;
    return [round(x + (nth % 2) * 0.04 * (x > 0.5 ? -1 : 1)), round(y - nth * 0.06 * (y < 0.5 ? -1 : 1))];
}
