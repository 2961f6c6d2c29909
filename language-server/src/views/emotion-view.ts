/**
 * The emotion view: the emotion curve drawn as a Mermaid `block-beta` grid, so the scale
 * reads as people say it and every point is where it belongs:
 * - the map's title, then a header row where each stage spans its touchpoints (the stage boundaries);
 * - one row per score, 5 delighted at the top to 1 angry at the bottom, named with the
 *   faces' words (an integer scale: no 1.5, 2.5…);
 * - one column per touchpoint with a score, in journey order, named in the bottom row;
 * - a marker (a small circle) in the cell of each score: ● Overall, ○ Expected, and one
 *   symbol per persona with a score of its own (▲ ■ ◆…); lines that meet in one cell share
 *   its circle, which shows every line's symbol, so no line hides another;
 * - links from marker to marker along each line: solid for Overall, dotted for Expected,
 *   thick for personas (a link two lines share is drawn once);
 * - a legend row naming the symbols.
 * The lines: Overall is the overall score, or the mean of the personas' scores where only
 * those exist (a mean sits in the row it rounds to, its value written beside its symbol);
 * a persona without a score of its own at a touchpoint feels what everyone feels (it
 * follows Overall there); Expected is drawn where expected scores exist and elsewhere
 * follows Overall. Touchpoints without any emotion score are left out. The words of the
 * scale, the lines and the legend follow the map's `lang` (view-words.ts).
 *
 * Escaping: block labels are `["…"]` strings, written with `mermaidText` (as the flow
 * view); ids are generated (`em_t_calls`, `em_calls_4`), so no keyword is ever an id.
 * Highlight: a highlighted touchpoint's name and markers get the `highlight` class.
 */
import { EMOTION_SCALE } from '../language/journey-emotions.js';
import type { JourneyModel, ScoreModel } from '../model/journey-model.js';
import { mermaidText, safeId } from './escape.js';
import { wrappedText } from './label-lines.js';
import { emptyView, labelsOf, mapEntry, touchpointsOf } from './model-queries.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { viewWords } from './view-words.js';

/** The symbols of the lines: Overall, Expected, then the personas in turn. */
export const OVERALL_SYMBOL = '●';
export const EXPECTED_SYMBOL = '○';
export const PERSONA_SYMBOLS = ['▲', '■', '◆', '▼', '◀', '▶', '✚', '✖'] as const;

/** The mark put in front of a highlighted touchpoint's name. */
export const EMOTION_HIGHLIGHT_MARK = '★ ';

/** Characters per line of a touchpoint's name (block diagrams widen every column to the widest cell). */
const NAME_WIDTH = 22;

/** One line of the chart: its name, symbol, link style and score per touchpoint. */
interface Line {
    name: string;
    symbol: string;
    link: '---' | '-.-' | '===';
    values: number[];
}

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
    const series: Line[] = [{ name: words.overall, symbol: OVERALL_SYMBOL, link: '---', values: overall }];
    personaIds.forEach((id, n) => {
        series.push({
            name: persona(id),
            symbol: PERSONA_SYMBOLS[n % PERSONA_SYMBOLS.length],
            link: '===',
            values: touchpoints.map((touchpoint, i) => touchpoint.emotions.find((score) => score.persona === id)?.score ?? overall[i]),
        });
    });
    if (touchpoints.some((touchpoint) => touchpoint.expectations.length > 0)) {
        series.push({ name: words.expected, symbol: EXPECTED_SYMBOL, link: '-.-', values: touchpoints.map((touchpoint, i) => overallScore(touchpoint.expectations) ?? overall[i]) });
    }

    const taken = new Set<string>(['title', 'corner', 'names', 'legend', ...EMOTION_SCALE.map((level) => `sc_${level.score}`)]);
    const sourceMap: SourceMapEntry[] = [];
    const highlighted: string[] = [];
    const columns = touchpoints.length + 1;
    // The marker cell of each touchpoint and score, with the symbols of the lines that pass there.
    const markers = touchpoints.map(() => new Map<number, { id: string; symbols: string[] }>());
    touchpoints.forEach((touchpoint, i) => {
        for (const line of series) {
            const row = Math.min(5, Math.max(1, Math.round(line.values[i])));
            let marker = markers[i].get(row);
            if (!marker) {
                marker = { id: safeId(`em_${touchpoint.id}`, String(row), taken), symbols: [] };
                markers[i].set(row, marker);
                sourceMap.push(mapEntry(touchpoint, 'touchpoint', marker.id));
                if (options.highlight?.has(touchpoint.id)) highlighted.push(marker.id);
            }
            const value = line.values[i];
            const symbol = Number.isInteger(value) ? line.symbol : `${line.symbol} ${formatScore(value)}`;
            if (!marker.symbols.includes(symbol)) marker.symbols.push(symbol);
        }
    });

    const header = ['corner[" "]'];
    for (const stage of model.stages) {
        const span = touchpoints.filter((touchpoint) => touchpoint.stage === stage.id).length;
        if (span === 0) continue;
        const id = safeId('st', stage.id, taken);
        sourceMap.push(mapEntry(stage, 'stage', id));
        header.push(`${id}["<b>${wrappedText(stage.label, NAME_WIDTH * span)}</b>"]:${span}`);
    }
    const rows = [...EMOTION_SCALE].reverse().map((level) => {
        const cells = touchpoints.map((_, i) => {
            const marker = markers[i].get(level.score);
            return marker ? `${marker.id}(("${marker.symbols.map(mermaidText).join(' ')}"))` : 'space';
        });
        return `    sc_${level.score}["<b>${level.score} ${mermaidText(words.emotions[level.score - 1])}</b>"] ${joinSpaces(cells).join(' ')}`;
    });
    const names = touchpoints.map((touchpoint) => {
        const id = safeId('em_t', touchpoint.id, taken);
        sourceMap.push(mapEntry(touchpoint, 'touchpoint', id));
        const mark = options.highlight?.has(touchpoint.id) ? EMOTION_HIGHLIGHT_MARK : '';
        if (mark) highlighted.push(id);
        return `${id}["${wrappedText(mark + touchpoint.label, NAME_WIDTH)}"]`;
    });
    const style = { '---': words.lineStyles.solid, '-.-': words.lineStyles.dotted, '===': words.lineStyles.thick };
    const legend = series.map((line) => `${line.symbol} ${mermaidText(line.name)} ${mermaidText(`(${style[line.link]})`)}`).join(' · ');
    const links: string[] = [];
    /** The marker pairs already linked (`from to`). */
    const linked = new Set<string>();
    for (const line of series) {
        for (let i = 0; i + 1 < touchpoints.length; i++) {
            const from = markers[i].get(Math.min(5, Math.max(1, Math.round(line.values[i]))))!.id;
            const to = markers[i + 1].get(Math.min(5, Math.max(1, Math.round(line.values[i + 1]))))!.id;
            // A link another line already draws between the same two markers is not drawn again.
            if (linked.has(`${from} ${to}`)) continue;
            linked.add(`${from} ${to}`);
            links.push(`${from} ${line.link} ${to}`);
        }
    }
    const lines = [
        'block-beta',
        `    columns ${columns}`,
        ...(options.withoutTitle ? [] : [`    title["<b>${wrappedText(model.label, NAME_WIDTH * columns)}</b>"]:${columns}`]),
        `    ${header.join(' ')}`,
        ...rows,
        `    names[" "] ${names.join(' ')}`,
        `    legend["${legend}"]:${columns}`,
        ...links.map((link) => `    ${link}`),
        '    classDef scale font-weight:bold',
        '    classDef highlight stroke:#d97706,stroke-width:5px',
        `    class ${EMOTION_SCALE.map((level) => `sc_${level.score}`).join(',')} scale`,
    ];
    if (highlighted.length > 0) lines.push(`    class ${highlighted.join(',')} highlight`);
    return { view: 'emotion', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** Runs of empty cells as one `space:n` (fewer blocks for Mermaid to lay out). */
function joinSpaces(cells: readonly string[]): string[] {
    const joined: string[] = [];
    let run = 0;
    for (const cell of [...cells, '']) {
        if (cell === 'space') {
            run++;
            continue;
        }
        if (run > 0) joined.push(run === 1 ? 'space' : `space:${run}`);
        run = 0;
        if (cell) joined.push(cell);
    }
    return joined;
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
