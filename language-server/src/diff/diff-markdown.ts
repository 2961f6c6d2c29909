/**
 * The Markdown report of a diff, written for a pull-request comment: per map a heading, a
 * one-sentence summary, a table of changes per stage, and collapsible before/after Mermaid
 * pictures with the changed elements highlighted in the "after" one.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { kindWord } from './diff-describe.js';
import { changedIds } from './diff-highlight.js';
import { changeSections, type ChangeRow } from './diff-sections.js';
import { plural, summarizeDiff } from './diff-summary.js';
import type { FileDiff, JourneyDiff } from './diff-types.js';

/** The views drawn before and after in the report. */
export const PICTURE_VIEWS = ['canvas', 'journey', 'flow'] as const;

/** Draws one view of a model as Mermaid text, highlighting some element ids; undefined when the view has nothing to draw. */
export type PictureRenderer = (model: JourneyModel, view: (typeof PICTURE_VIEWS)[number], highlight: ReadonlySet<string>) => string | undefined;

/** How to write the report. */
export interface MarkdownOptions {
    /** Draws the before/after pictures; without it the report has no pictures. */
    picture?: PictureRenderer;
    /** The longest report wanted (a GitHub comment holds 65,536 characters): beyond it, pictures, then tables are left out, then the report is cut. */
    maxLength?: number;
}

/** The hidden marker by which the pull-request workflow finds (and updates) its own comment. */
export const COMMENT_MARKER = '<!-- journey-diff -->';

/** The whole report for a set of compared files. */
export function diffToMarkdown(files: FileDiff[], options: MarkdownOptions = {}): string {
    const max = options.maxLength;
    const tablesOnly = render(files, undefined, true);
    // The pictures are drawn only when the report without them leaves room for them.
    if (max === undefined || tablesOnly.length <= max) {
        const full = options.picture ? render(files, options.picture, true) : tablesOnly;
        if (max === undefined || full.length <= max) return full;
    }
    // Shorter and shorter: without the pictures, then without the tables, then cut at a line.
    const run = 'run `journey diff` locally to see every change';
    const withoutPictures = tablesOnly + `\n_The before/after pictures were left out to keep this report short enough; ${run} with its pictures._\n`;
    if (withoutPictures.length <= max) return withoutPictures;
    const tablesNote = `\n_The tables of changes and the pictures were left out to keep this report short enough; ${run}._\n`;
    const withoutTables = render(files, undefined, false) + tablesNote;
    if (withoutTables.length <= max) return withoutTables;
    const cutNote = `\n_This report was cut to keep it short enough: it names only the first maps that changed; ${run}._\n`;
    // Cut before the first map section that does not fit whole.
    const kept = withoutTables.slice(0, max - cutNote.length);
    return kept.slice(0, kept.lastIndexOf('\n### ') + 1) + cutNote;
}

function render(files: FileDiff[], picture: PictureRenderer | undefined, tables: boolean): string {
    const changed = files.filter((file) => file.status !== 'unchanged' || file.journeys.some((diff) => diff.changes.length > 0));
    const lines = [COMMENT_MARKER, '## Journey map changes', ''];
    if (changed.length === 0) {
        lines.push('No journey map changed.', '');
        return lines.join('\n');
    }
    lines.push(overview(changed) + '.', '');
    for (const file of changed) {
        if (file.journeys.length === 0) lines.push(`### Shared declarations`, '', `${fileLine(file)}: personas, channels and teams shared by the maps; their changes show in the maps that use them.`, '');
        for (const diff of file.journeys) lines.push(...journeySection(file, diff, picture, tables));
    }
    return lines.join('\n');
}

/** "2 maps changed, 1 added, 1 deleted". */
function overview(files: FileDiff[]): string {
    const count = (status: FileDiff['status']) => files.filter((file) => file.status === status).length;
    const modified = files.length - count('added') - count('deleted');
    const parts = [modified > 0 ? `${plural(modified, 'map file')} changed` : '', count('added') ? `${count('added')} added` : '', count('deleted') ? `${count('deleted')} deleted` : ''];
    return parts.filter(Boolean).join(', ');
}

function journeySection(file: FileDiff, diff: JourneyDiff, picture: PictureRenderer | undefined, tables: boolean): string[] {
    const lines = [`### ${inline(diffTitle(diff))}`, '', `${fileLine(file)}`, '', `${capitalize(summarizeDiff(diff))}.`, ''];
    if (tables && diff.before && diff.after) {
        for (const section of changeSections(diff)) {
            lines.push(`#### ${inline(section.title)}`, '', '| Element | Change |', '| --- | --- |');
            for (const row of section.rows) lines.push(`| ${elementCell(row)} | ${row.changes.map(cell).join('<br>')} |`);
            lines.push('');
        }
    }
    // A map that only moved to another file has nothing to show before and after.
    if (picture && diff.changes.length > 0) lines.push(...pictures(diff, picture));
    return lines;
}

/** "Booking a home cleaning: current → future" when the state changed; "old → new" when the journey itself did. */
export function diffTitle(diff: JourneyDiff): string {
    const { before, after } = diff;
    const label = (after ?? before)!.label;
    if (before && after && before.state !== after.state) return `${label}: ${before.state} → ${after.state}`;
    if (before && after && before.label !== after.label) return `${before.label} → ${after.label}`;
    return label;
}

function fileLine(file: FileDiff): string {
    if (file.previousPath !== undefined && file.previousPath !== file.path) return `\`${file.previousPath}\` → \`${file.path}\` (${file.status})`;
    return `\`${file.path}\` (${file.status})`;
}

/** A row's element in Markdown: kind, **label** and `id`. */
function elementCell(row: ChangeRow): string {
    return `${kindWord(row.kind)} **${cell(row.label)}** \`${row.id}\``;
}

/** Collapsible before/after pictures of the canvas, journey and flow views. */
function pictures(diff: JourneyDiff, picture: PictureRenderer): string[] {
    const highlight = changedIds(diff);
    const lines: string[] = [];
    for (const view of PICTURE_VIEWS) {
        const before = diff.before && picture(diff.before, view, new Set());
        const after = diff.after && picture(diff.after, view, highlight);
        if (!before && !after) continue;
        lines.push(`<details><summary>${capitalize(view)} view: ${before && after ? 'before and after' : before ? 'before' : 'after'}</summary>`, '');
        if (before) lines.push('**Before**', '', ...fenced(before), '');
        if (after) lines.push(diff.before ? '**After** (changed elements highlighted)' : '**After**', '', ...fenced(after), '');
        lines.push('</details>', '');
    }
    return lines;
}

/** A ```mermaid block whose fence is longer than any run of backticks inside. */
function fenced(mermaid: string): string[] {
    const longest = Math.max(2, ...[...mermaid.matchAll(/`+/g)].map((match) => match[0].length));
    const fence = '`'.repeat(longest + 1);
    return [`${fence}mermaid`, mermaid.replace(/\n+$/, ''), fence];
}

/** Text inside a table cell: no line breaks, pipes and HTML escaped, Markdown punctuation made literal. */
export function cell(text: string): string {
    return inline(text).replace(/\|/g, '\\|');
}

/** Text on one Markdown line, shown literally. */
export function inline(text: string): string {
    return text
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[\\`*_[\]#~]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
