/**
 * The emotion view: a Mermaid `xychart` line chart of the emotion at each touchpoint, in
 * journey order. Lines:
 * - `Overall`: the overall score, or the mean of the personas' scores where only those exist;
 * - one line per persona that has a score of its own somewhere (elsewhere it follows the
 *   overall score: a persona without a score of its own feels what everyone feels);
 * - `Expected`: where expected scores exist (overall, else the mean of the personas'); at a
 *   touchpoint without one it follows the overall line (no gap recorded there).
 * Touchpoints without any emotion score are left out of the chart. Mermaid merges equal
 * category names, so a label used twice gets its touchpoint id: `Calls (calls_again)`.
 *
 * Layout: horizontal (touchpoints top to bottom, emotion left to right), so touchpoint
 * names of any length stay readable; the chart grows with the number of touchpoints.
 * Mermaid's own legend takes the room of the touchpoint names (it drops them), so it is
 * off, and the line colours are named in the emotion axis title instead
 * ("Overall (blue) · Alex (green) · Expected (grey)").
 *
 * Escaping (xychart): titles, axis categories and series names are double-quoted strings
 * with no escape of their own; `mermaidText` writes `"`, `,`, `]` and every other
 * special character as an entity code.
 *
 * Highlight: an xychart cannot style one category, so a highlighted touchpoint's
 * category starts with "★ ".
 */
import type { JourneyModel, ScoreModel } from '../model/journey-model.js';
import { mermaidText } from './escape.js';
import { emptyView, labelsOf, mapEntry, touchpointsOf } from './model-queries.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';

/** Line colours: overall, then personas; the expected line is grey. */
const PALETTE: ReadonlyArray<readonly [string, string]> = [
    ['#1565c0', 'blue'], ['#2e7d32', 'green'], ['#ef6c00', 'orange'], ['#6a1b9a', 'purple'],
    ['#c62828', 'red'], ['#5d4037', 'brown'], ['#00838f', 'teal'], ['#ad1457', 'pink'],
];
const EXPECTED_COLOUR = ['#9e9e9e', 'grey'] as const;

/** The mark put in front of a highlighted touchpoint's category. */
export const EMOTION_HIGHLIGHT_MARK = '★ ';

/** The emotion view of a model. */
export function emotionView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const title = 'Emotion curve';
    const touchpoints = touchpointsOf(model).filter((touchpoint) => touchpoint.emotions.length > 0);
    if (touchpoints.length === 0) {
        return emptyView('emotion', title, 'Nothing to show yet: give touchpoints an `emotion` score (1..5, e.g. `emotion 2` or `emotion 2 for alex`) to draw the emotion curve.');
    }
    const persona = labelsOf(model.personas);
    const overall = touchpoints.map((touchpoint) => overallScore(touchpoint.emotions)!);
    const personaIds = [...new Set(touchpoints.flatMap((touchpoint) => touchpoint.emotions.flatMap((score) => (score.persona ? [score.persona] : []))))];
    const series: Array<{ name: string; values: number[] }> = [{ name: 'Overall', values: overall }];
    for (const id of personaIds) {
        series.push({ name: persona(id), values: touchpoints.map((touchpoint, i) => touchpoint.emotions.find((score) => score.persona === id)?.score ?? overall[i]) });
    }
    if (touchpoints.some((touchpoint) => touchpoint.expectations.length > 0)) {
        series.push({ name: 'Expected', values: touchpoints.map((touchpoint, i) => overallScore(touchpoint.expectations) ?? overall[i]) });
    }
    // Equal category names would merge into one band: a repeated label gets its id.
    const used = new Set<string>();
    const categories = touchpoints.map((touchpoint) => {
        let name = (options.highlight?.has(touchpoint.id) ? EMOTION_HIGHLIGHT_MARK : '') + touchpoint.label;
        if (used.has(name)) name = `${name} (${touchpoint.id})`;
        used.add(name);
        return name;
    });
    const quoted = (text: string): string => `"${mermaidText(text)}"`;
    const colours = series.map((line, i) => (line.name === 'Expected' && i === series.length - 1 ? EXPECTED_COLOUR : PALETTE[i % PALETTE.length]));
    const legend = series.map((line, i) => `${line.name} (${colours[i][1]})`).join(' · ');
    const lines = [
        '---',
        'config:',
        '  xyChart:',
        '    width: 1200',
        '    showLegend: false',
        `    height: ${Math.max(360, 56 * touchpoints.length + 160)}`,
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${colours.map(([colour]) => colour).join(', ')}"`,
        '---',
        'xychart horizontal',
        `    title ${quoted(`${model.label} — emotion`)}`,
        `    x-axis [${categories.map(quoted).join(', ')}]`,
        `    y-axis ${quoted(`Emotion 1 angry … 5 delighted: ${legend}`)} 1 --> 5`,
        ...series.map((line) => `    line ${quoted(line.name)} [${line.values.map(formatScore).join(', ')}]`),
    ];
    const sourceMap: SourceMapEntry[] = touchpoints.map((touchpoint, i) => mapEntry(touchpoint, 'touchpoint', categories[i]));
    for (const id of personaIds) {
        const element = model.personas.find((candidate) => candidate.id === id);
        if (element) sourceMap.push(mapEntry(element, 'persona', element.label));
    }
    return { view: 'emotion', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** The overall score of a list (the one without a persona), else the mean of the personas' scores. */
function overallScore(scores: readonly ScoreModel[]): number | undefined {
    const general = scores.find((score) => score.persona === undefined);
    if (general) return general.score;
    if (scores.length === 0) return undefined;
    return scores.reduce((sum, score) => sum + score.score, 0) / scores.length;
}

function formatScore(score: number): string {
    return String(Math.round(score * 100) / 100);
}
