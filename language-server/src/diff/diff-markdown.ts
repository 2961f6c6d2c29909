/**
 * The Markdown report of a diff, written for a pull-request comment: per map a heading, a
 * one-sentence summary, a table of changes per stage, and collapsible before/after Mermaid
 * pictures with the changed elements highlighted in the "after" one.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { markdownCode, markdownTableCode, markdownText } from '../views/markdown-escape.js';
import { kindWord } from './diff-describe.js';
import { changedIds } from './diff-highlight.js';
import { changeSections, type ChangeRow } from './diff-sections.js';
import { plural, summarizeDiff, unparsedSentence } from './diff-summary.js';
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

/** The most characters a GitHub comment holds. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** The longest report `journey diff` writes: below GitHub's limit, with room for a header a workflow may add. */
export const REPORT_MAX_LENGTH = 60_000;

/** The hidden marker by which the pull-request workflow finds (and updates) its own comment. */
export const COMMENT_MARKER = '<!-- journey-diff -->';

/** How much of a map's section is written: everything, its tables without pictures, or its heading and summary. */
type Detail = 'pictures' | 'tables' | 'summary';
const LESS: Record<Detail, Detail | undefined> = { pictures: 'tables', tables: 'summary', summary: undefined };

/** The whole report for a set of compared files. */
export function diffToMarkdown(files: FileDiff[], options: MarkdownOptions = {}): string {
    const changed = files.filter((file) => file.status !== 'unchanged' || file.journeys.some((diff) => diff.changes.length > 0));
    const header = [COMMENT_MARKER, '## Journey map changes', ''];
    if (changed.length === 0) return [...header, 'No journey map changed.', ''].join('\n');
    header.push(overview(changed) + '.', '', '');
    const sections = changed.flatMap((file) => sectionsOf(file, options.picture));
    const max = options.maxLength ?? Infinity;
    const start = header.join('\n').length;
    let body = sections.reduce((sum, section) => sum + section.text.length, 0);
    // Too long: the longest section gives up its pictures, then its tables, one at a time, until the report fits.
    const candidates = [...sections];
    while (start + body + notes(sections, sections.length).length > max && candidates.length > 0) {
        candidates.sort((a, b) => a.text.length - b.text.length);
        const longest = candidates.at(-1)!;
        const text = longest.render(LESS[longest.detail]!);
        if (text !== longest.text) longest.lost.push(longest.detail);
        body += text.length - longest.text.length;
        longest.detail = LESS[longest.detail]!;
        longest.text = text;
        if (!LESS[longest.detail]) candidates.pop();
    }
    // Still too long: the report ends before the first map that does not fit whole.
    let kept = sections.length;
    while (kept > 0 && start + body + notes(sections, kept).length > max) body -= sections[--kept].text.length;
    return header.join('\n') + sections.slice(0, kept).map((section) => section.text).join('') + notes(sections, kept);
}

/** A map's section of the report, at some level of detail. */
interface Section {
    title: string;
    detail: Detail;
    text: string;
    /** What was left out to shorten it. */
    lost: Detail[];
    render: (detail: Detail) => string;
}

function sectionsOf(file: FileDiff, picture: PictureRenderer | undefined): Section[] {
    const section = (title: string, render: (detail: Detail) => string): Section => ({ title, detail: 'pictures', text: render('pictures'), lost: [], render });
    if (file.syntaxErrors) {
        return [section(file.path, () => ['### A map that does not parse', '', `${fileLine(file)}: ${markdownText(unparsedSentence(file))}.`, '', ''].join('\n'))];
    }
    if (file.journeys.length === 0) {
        return [section(file.path, () => ['### Shared declarations', '', `${fileLine(file)}: personas, channels and teams shared by the maps; their changes show in the maps that use them.`, '', ''].join('\n'))];
    }
    return file.journeys.map((diff) => section(diffTitle(diff), (detail) => [...journeySection(file, diff, detail === 'pictures' ? picture : undefined, detail !== 'summary'), ''].join('\n')));
}

/** The closing notes: which maps lost their pictures or tables, and how many maps were left out. */
function notes(sections: Section[], kept: number): string {
    const run = 'run `journey diff` locally to see every change';
    const shown = sections.slice(0, kept);
    const lines: string[] = [];
    const names = (list: Section[]) => list.slice(0, 3).map((section) => `“${markdownText(section.title.length > 80 ? `${section.title.slice(0, 80)}…` : section.title)}”`).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
    const withoutPictures = shown.filter((section) => section.lost.includes('pictures') && !section.lost.includes('tables'));
    const withoutTables = shown.filter((section) => section.lost.includes('tables'));
    if (withoutPictures.length > 0) lines.push(`_To keep this report short enough, the before/after pictures of ${plural(withoutPictures.length, 'map')} were left out (${names(withoutPictures)}); ${run} with its pictures._`);
    if (withoutTables.length > 0) lines.push(`_To keep this report short enough, the tables of changes and the pictures of ${plural(withoutTables.length, 'map')} were left out (${names(withoutTables)}); ${run}._`);
    if (kept < sections.length) lines.push(`_This report was cut to keep it short enough: it shows ${kept} of the ${sections.length} maps that changed; ${run}._`);
    return lines.map((line) => `${line}\n\n`).join('').replace(/\n\n$/, '\n');
}

/** "2 maps changed, 1 added, 1 deleted". */
function overview(files: FileDiff[]): string {
    const count = (status: FileDiff['status']) => files.filter((file) => file.status === status).length;
    const modified = files.length - count('added') - count('deleted');
    const parts = [modified > 0 ? `${plural(modified, 'map file')} changed` : '', count('added') ? `${count('added')} added` : '', count('deleted') ? `${count('deleted')} deleted` : ''];
    return parts.filter(Boolean).join(', ');
}

function journeySection(file: FileDiff, diff: JourneyDiff, picture: PictureRenderer | undefined, tables: boolean): string[] {
    const lines = [`### ${markdownText(diffTitle(diff))}`, '', `${fileLine(file)}`, '', `${markdownText(capitalize(summarizeDiff(diff)))}.`, ''];
    if (tables && diff.before && diff.after) {
        for (const section of changeSections(diff)) {
            lines.push(`#### ${markdownText(section.title)}`, '', '| Element | Change |', '| --- | --- |');
            for (const row of section.rows) lines.push(`| ${elementCell(row)} | ${row.changes.map(markdownText).join('<br>')} |`);
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
    if (file.previousPath !== undefined && file.previousPath !== file.path) return `${markdownCode(file.previousPath)} → ${markdownCode(file.path)} (${file.status})`;
    return `${markdownCode(file.path)} (${file.status})`;
}

/** A row's element in Markdown: kind, bold label (HTML, so that spaces around a label cannot undo the bold) and `id`. */
function elementCell(row: ChangeRow): string {
    return `${kindWord(row.kind)} <strong>${markdownText(row.label)}</strong> ${markdownTableCode(row.id)}`;
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

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
