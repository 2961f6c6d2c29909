/**
 * The emotion view: a Mermaid `xychart` line chart of the emotion at each touchpoint, in
 * journey order, with a legend. Lines:
 * - `Overall`: the overall score, or the mean of the personas' scores where only those exist;
 * - one line per persona that has a score of its own somewhere (elsewhere it follows the
 *   overall score: a persona without a score of its own feels what everyone feels);
 * - `Expected`: where expected scores exist (overall, else the mean of the personas'); at a
 *   touchpoint without one it follows the overall line (no gap recorded there).
 * Touchpoints without any emotion score are left out of the chart.
 *
 * Layout: a front-matter config widens the chart with the number of touchpoints, slants
 * long category names, and colours the lines (the expected line grey); Mermaid shows a legend.
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
const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#827717'];
const EXPECTED_COLOUR = '#9e9e9e';

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
    const categories = touchpoints.map((touchpoint) => (options.highlight?.has(touchpoint.id) ? EMOTION_HIGHLIGHT_MARK : '') + touchpoint.label);
    const quoted = (text: string): string => `"${mermaidText(text)}"`;
    const colours = series.map((line, i) => (line.name === 'Expected' && i === series.length - 1 ? EXPECTED_COLOUR : PALETTE[i % PALETTE.length]));
    const lines = [
        '---',
        'config:',
        '  xyChart:',
        `    width: ${Math.max(700, 110 * touchpoints.length)}`,
        '    height: 560',
        '    xAxis:',
        `      labelRotation: ${touchpoints.length > 3 ? 35 : 0}`,
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${colours.join(', ')}"`,
        '---',
        'xychart',
        `    title ${quoted(`${model.label} — emotion`)}`,
        `    x-axis [${categories.map(quoted).join(', ')}]`,
        `    y-axis ${quoted('Emotion (1 angry … 5 delighted)')} 1 --> 5`,
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
