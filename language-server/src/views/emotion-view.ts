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
 * names of any length stay readable, with Mermaid's legend (a coloured mark per line) on
 * the right. Mermaid gives the names and the legend only what the plot leaves of the
 * width (`plotReservedSpacePercent`), and drops ALL the names, or the whole legend, when
 * the longest does not fit; so the chart is sized from its content (`chartSize`): the
 * longest name, the longest line name and the title, measured as Mermaid measures them
 * (entity codes as their placeholders), plus a plot of at least 600 pixels. It grows in
 * height with the number of touchpoints and lines.
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
import { mermaidMeasuredText, textWidth } from './text-width.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { viewWords } from './view-words.js';

/** Line colours: overall, then personas; the expected line is grey. */
const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#5d4037', '#00838f', '#ad1457'];
const EXPECTED_COLOUR = '#9e9e9e';

/** The mark put in front of a highlighted touchpoint's category. */
export const EMOTION_HIGHLIGHT_MARK = '★ ';

/** The emotion view of a model. */
export function emotionView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const words = viewWords(model.lang);
    const title = words.titles.emotion;
    const touchpoints = touchpointsOf(model).filter((touchpoint) => touchpoint.emotions.length > 0);
    if (touchpoints.length === 0) {
        return emptyView('emotion', title, words.nothingYet(words.hints.emotion, words.hints.emotionPurpose));
    }
    const persona = labelsOf(model.personas);
    const overall = touchpoints.map((touchpoint) => overallScore(touchpoint.emotions)!);
    const personaIds = [...new Set(touchpoints.flatMap((touchpoint) => touchpoint.emotions.flatMap((score) => (score.persona ? [score.persona] : []))))];
    const series: Array<{ name: string; values: number[] }> = [{ name: words.overall, values: overall }];
    for (const id of personaIds) {
        series.push({ name: persona(id), values: touchpoints.map((touchpoint, i) => touchpoint.emotions.find((score) => score.persona === id)?.score ?? overall[i]) });
    }
    if (touchpoints.some((touchpoint) => touchpoint.expectations.length > 0)) {
        series.push({ name: words.expected, values: touchpoints.map((touchpoint, i) => overallScore(touchpoint.expectations) ?? overall[i]) });
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
    const colours = series.map((line, i) => (line.name === words.expected && i === series.length - 1 ? EXPECTED_COLOUR : PALETTE[i % PALETTE.length]));
    const chartTitle = `${model.label} — ${words.emotionTitle}`;
    const size = chartSize(categories.map(mermaidText), series.map((line) => mermaidText(line.name)), mermaidText(chartTitle), touchpoints.length);
    const lines = [
        '---',
        'config:',
        '  xyChart:',
        `    width: ${size.width}`,
        `    height: ${size.height}`,
        `    plotReservedSpacePercent: ${size.plotPercent}`,
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${colours.join(', ')}"`,
        '---',
        'xychart horizontal',
        `    title ${quoted(chartTitle)}`,
        `    x-axis [${categories.map(quoted).join(', ')}]`,
        `    y-axis ${quoted(`${words.emotionAxis} 1 ${words.emotions[0]} … 5 ${words.emotions[4]}`)} 1 --> 5`,
        ...series.map((line) => `    line ${quoted(line.name)} [${line.values.map(formatScore).join(', ')}]`),
    ];
    const sourceMap: SourceMapEntry[] = touchpoints.map((touchpoint, i) => mapEntry(touchpoint, 'touchpoint', categories[i]));
    for (const id of personaIds) {
        const element = model.personas.find((candidate) => candidate.id === id);
        if (element) sourceMap.push(mapEntry(element, 'persona', element.label));
    }
    return { view: 'emotion', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** Mermaid's xychart settings the size depends on (its defaults, which the view keeps). */
const LABEL_FONT = 14; // xAxis.labelFontSize and legendFontSize
const TITLE_FONT = 20; // titleFontSize
const AXIS_EXTRA = 2 * 5 + 5 + 2; // labelPadding on both sides, tick, axis line
const LEGEND_EXTRA = 2 * 10 + 0.75 * LABEL_FONT + 0.35 * LABEL_FONT; // legendPadding on both sides, marker, marker spacing
/** The width the plot gets at least, and the room kept free above it for the title and the emotion axis. */
const PLOT_WIDTH = 600;
const MAX_PLOT_SHARE = 0.6;

/**
 * The size of the chart and the share of it Mermaid reserves for the plot, from the Mermaid
 * text of its names (touchpoints), line names and title. In a horizontal xychart, Mermaid
 * reserves `plotPercent` of the width and of the height for the plot, gives the rest of the
 * width to the names (all shown only if the widest fits) and then to the legend (shown only
 * if it fits, in width and in the reserved height), and hands what is left back to the plot.
 * So the rest of the width must hold the widest name and the legend, and the reserved
 * height the legend's rows.
 */
export function chartSize(categories: readonly string[], lineNames: readonly string[], title: string, rows: number): { width: number; height: number; plotPercent: number } {
    const widest = (texts: readonly string[]): number => Math.max(0, ...texts.map((text) => textWidth(mermaidMeasuredText(text), LABEL_FONT)));
    const side = Math.ceil(widest(categories) + AXIS_EXTRA + 10 + widest(lineNames) + LEGEND_EXTRA + 10);
    const legendHeight = 2 * 10 + lineNames.length * LABEL_FONT + (lineNames.length - 1) * 0.5 * LABEL_FONT + 10;
    const height = Math.max(360, 56 * rows + 160, Math.ceil(legendHeight / MAX_PLOT_SHARE));
    const share = Math.min(MAX_PLOT_SHARE, Math.max(PLOT_WIDTH / (PLOT_WIDTH + side), legendHeight / height));
    const plotPercent = Math.ceil(share * 100);
    const width = Math.max(Math.ceil(side / (1 - plotPercent / 100)), PLOT_WIDTH + side, textWidth(mermaidMeasuredText(title), TITLE_FONT) + 40);
    return { width, height, plotPercent };
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
