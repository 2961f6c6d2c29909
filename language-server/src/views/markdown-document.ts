/**
 * A Markdown document of a journey: its title, description, personas and KPIs as text,
 * then one fenced ```mermaid block per view (GitHub renders them). A view with nothing
 * to show is a quoted note saying what to add. Text from the map is escaped for Markdown
 * (and HTML), so a label never becomes markup.
 */
import type { JourneyModel } from '../model/journey-model.js';
import type { ViewResult } from './view-types.js';

/** The width in CSS pixels of the column GitHub shows Markdown in (a README, a pull-request comment): pictures meant for Markdown are laid out for it. */
export const MARKDOWN_PAGE_WIDTH = 880;

/**
 * Markdown text that shows `text` literally (GitHub flavour): inline markup characters are
 * backslash-escaped, `<` and `&` become entities, a line-starting block marker (`#`, `-`,
 * `+`, `1.`) is escaped, `:name:` emoji codes are broken, and line breaks become spaces.
 */
export function markdownText(text: string): string {
    return text
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/[\\`*_[\]|~$@<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
        .replace(/:(?=\w+:)/g, '\\:')
        .replace(/^(\s*)([#+-]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/[#+.)-]/, (c) => `\\${c}`)}`);
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
    const out: string[] = [`# ${markdownText(model.label)}`, ''];
    const state = model.state === 'future' ? 'Future journey (to-be)' : 'Current journey (as-is)';
    out.push(`*${state}*${model.description ? ` — ${markdownText(model.description)}` : ''}`, '');
    if (model.personas.length > 0) {
        out.push('## Personas', '');
        for (const persona of model.personas) {
            out.push(`- **${markdownText(persona.label)}**${persona.description ? ` — ${markdownText(persona.description)}` : ''}`);
            for (const [word, items] of [['Goal', persona.goals], ['Need', persona.needs], ['Frustration', persona.frustrations]] as const) {
                for (const item of items) out.push(`  - ${word}: ${markdownText(item)}`);
            }
        }
        out.push('');
    }
    const kpis = model.stages.flatMap((stage) => stage.kpis.map((kpi) => ({ stage, kpi })));
    if (kpis.length > 0) {
        out.push('## KPIs', '', '| Stage | KPI | Target |', '|---|---|---|');
        for (const { stage, kpi } of kpis) {
            const target = kpi.target === undefined ? '' : `${kpi.target.toLocaleString('en-US')}${kpi.unit ? ` ${markdownText(kpi.unit)}` : ''}`;
            out.push(`| ${markdownText(stage.label)} | ${markdownText(kpi.label)} | ${target} |`);
        }
        out.push('');
    }
    for (const view of views) {
        out.push(`## ${view.title}`, '');
        if (view.kind === 'empty') out.push(`> ${markdownNote(view.message)}`, '');
        else out.push(`${fenceFor(view.mermaid)}mermaid`, view.mermaid.trimEnd(), fenceFor(view.mermaid), '');
    }
    return `${out.join('\n').trimEnd()}\n`;
}

/** A code fence longer than any run of backticks in `text`. */
function fenceFor(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
