/**
 * A Markdown document of a journey: its title, description, personas, KPIs (target and
 * actual), voice and tone, and data as text, then one fenced ```mermaid block per view
 * (GitHub renders them), each followed by its table (the priorities' ranking). A view with
 * nothing to show is a quoted note saying what to add. Text from the map is escaped for
 * Markdown (and HTML), so a label never becomes markup. The document's own words follow
 * the map's `lang`.
 */
import type { JourneyModel, KpiModel } from '../model/journey-model.js';
import { renderView } from './index.js';
import { percentOfTarget } from './kpi-text.js';
import { markdownCaption, markdownInline, markdownText } from './markdown-escape.js';
import { touchpointsOf } from './model-queries.js';
import { viewsWithPieces, withPieces } from './view-pieces.js';
import { splitOversizedViews, type SplitViews } from './view-split.js';
import { VIEW_IDS, type DiagramPiece, type ViewId, type ViewOptions, type ViewResult, type ViewTable } from './view-types.js';
import { formatNumber, viewWords, type ViewWords } from './view-words.js';

/** The width in CSS pixels of the column GitHub shows Markdown in (a README, a pull-request comment): pictures meant for Markdown are laid out for it. */
export const MARKDOWN_PAGE_WIDTH = 880;

/**
 * One view laid out for GitHub's column, as a Markdown page, a ```journey fence and a pull-request
 * report draw it: the canvas portrait and the flow top to bottom where they would not read across
 * it, a view too wide to read there cut into pieces (`options.highlight` marks elements).
 */
export function pageView(model: JourneyModel, view: ViewId, options: ViewOptions = {}): ViewResult {
    const laidOut = { ...options, availableWidth: MARKDOWN_PAGE_WIDTH };
    return withPieces(model, renderView(model, view, laidOut), MARKDOWN_PAGE_WIDTH, laidOut);
}

/**
 * The views of a journey as a Markdown page shows them (`journey render --format markdown`, the
 * editor's Save as Markdown): laid out for GitHub's column (the canvas turns portrait, the flow
 * runs top to bottom), a view too large for Mermaid drawn once per stage (with a note saying
 * so), a view too wide to read there cut into pieces.
 */
export function markdownViews(model: JourneyModel, views: readonly ViewId[] = VIEW_IDS): SplitViews {
    const options = { availableWidth: MARKDOWN_PAGE_WIDTH };
    const split = splitOversizedViews(model, views.map((view) => renderView(model, view, options)), undefined, options);
    return { views: viewsWithPieces(model, split.views, MARKDOWN_PAGE_WIDTH, options), notes: split.notes };
}

/**
 * A view's note on what to add: its `code` spans (keywords such as `emotion 4`) stay code, the
 * rest is escaped as text, so GitHub shows `reach` in code and never a literal backslash.
 */
export function markdownNote(message: string): string {
    return message
        .split(/(`[^`\r\n]+`)/)
        .map((part, index) => (index % 2 === 1 ? part : markdownText(part)))
        .join('');
}

/** The Markdown document of a journey with the given views (in order). */
export function markdownDocument(model: JourneyModel, views: readonly ViewResult[]): string {
    const words = viewWords(model.lang);
    const md = words.markdown;
    const out: string[] = [`# ${markdownText(model.label)}`, ''];
    const state = model.state === 'future' ? md.future : md.current;
    out.push(`*${state}*${model.description ? ` — ${markdownText(model.description)}` : ''}`, '');
    if (model.personas.length > 0) {
        out.push(`## ${md.personas}`, '');
        for (const persona of model.personas) {
            out.push(`- **${markdownText(persona.label)}**${persona.description ? ` — ${markdownText(persona.description)}` : ''}`);
            for (const [word, items] of [[md.goal, persona.goals], [md.need, persona.needs], [md.frustration, persona.frustrations]] as const) {
                for (const item of items) out.push(`  - ${word}${words.colon} ${markdownText(item)}`);
            }
        }
        out.push('');
    }
    const kpis = model.stages.flatMap((stage) => stage.kpis.map((kpi) => ({ stage, kpi })));
    if (kpis.length > 0) {
        const withActual = kpis.some(({ kpi }) => kpi.actual !== undefined);
        out.push(`## ${md.kpis}`, '', `| ${md.stage} | ${md.kpi} | ${md.target} |${withActual ? ` ${md.actual} |` : ''}`, `|---|---|---|${withActual ? '---|' : ''}`);
        for (const { stage, kpi } of kpis) {
            const target = kpi.target === undefined ? '' : kpiValue(kpi.target, kpi, words);
            out.push(`| ${markdownText(stage.label)} | ${markdownText(kpi.label)} | ${target} |${withActual ? ` ${actualText(kpi, words)} |` : ''}`);
        }
        out.push('');
    }
    const tones = [
        ...model.channels.flatMap((channel) => (channel.tone ? [[channel.label, channel.tone]] : [])),
        ...touchpointsOf(model).flatMap((touchpoint) => (touchpoint.tone ? [[touchpoint.label, touchpoint.tone]] : [])),
    ];
    if (tones.length > 0) {
        out.push(`## ${md.voice}`, '', `| ${md.where} | ${words.tone} |`, '|---|---|');
        for (const [where, tone] of tones) out.push(`| ${markdownText(where!)} | ${markdownText(tone!)} |`);
        out.push('');
    }
    const data = touchpointsOf(model).filter((touchpoint) => touchpoint.data.length > 0);
    if (data.length > 0) {
        out.push(`## ${md.dataHeading}`, '', `| ${md.touchpoint} | ${words.data} |`, '|---|---|');
        for (const touchpoint of data) out.push(`| ${markdownText(touchpoint.label)} | ${touchpoint.data.map(markdownText).join('<br>')} |`);
        out.push('');
    }
    for (const view of views) {
        out.push(`## ${view.title}`, '');
        if (view.kind === 'empty') out.push(`> ${markdownNote(view.message)}`, '');
        else {
            // A view too wide for the page comes in pieces, one under the other, each named by its stages.
            out.push(...mermaidBlocks(view.pieces ?? view.mermaid));
            if (view.table) out.push(...markdownTable(view.table), '');
        }
    }
    return `${out.join('\n').trimEnd()}\n`;
}

/** A view's table in Markdown: its caption in bold, the table, and its note. */
export function markdownTable(table: ViewTable): string[] {
    const row = (cells: readonly string[]): string => `| ${cells.map(markdownInline).join(' | ')} |`;
    const lines = [`**${markdownText(table.caption)}**`, '', row(table.columns), `|${table.columns.map(() => '---|').join('')}`, ...table.rows.map((r) => row(r.cells))];
    if (table.note) lines.push('', markdownText(table.note));
    return lines;
}

/** A KPI's number with its unit. */
function kpiValue(value: number, kpi: KpiModel, words: ViewWords): string {
    return `${formatNumber(value, words)}${kpi.unit ? ` ${markdownText(kpi.unit)}` : ''}`;
}

/** A KPI's measured value, and how far it is to its target (`42,000 (84% of target)`). */
function actualText(kpi: KpiModel, words: ViewWords): string {
    if (kpi.actual === undefined) return '';
    const share = kpi.target ? ` (${words.markdown.ofTarget(percentOfTarget(kpi.actual, kpi.target, words))})` : '';
    return kpiValue(kpi.actual, kpi, words) + share;
}

/**
 * A picture's ```mermaid block, or its pieces' blocks one under the other, each under its
 * caption; every block is followed by a blank line.
 */
export function mermaidBlocks(picture: string | readonly DiagramPiece[]): string[] {
    const pieces = typeof picture === 'string' ? [{ caption: '', mermaid: picture }] : picture;
    return pieces.flatMap((piece) => {
        const fence = fenceFor(piece.mermaid);
        return [...(piece.caption ? [markdownCaption(piece.caption), ''] : []), `${fence}mermaid`, piece.mermaid.trimEnd(), fence, ''];
    });
}

/** A fence longer than any run of backticks inside `text` (three at least). */
function fenceFor(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
