/**
 * The Markdown report of a diff, written for a pull-request comment: per map a heading, a
 * one-sentence summary, a table of changes per stage, and collapsible before/after Mermaid
 * pictures with the changed elements highlighted in the "after" one.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { mermaidBlocks } from '../views/markdown-document.js';
import { markdownCode, markdownTableCode, markdownText } from '../views/markdown-escape.js';
import { kindWord } from './diff-describe.js';
import { journeyShown } from './diff-files.js';
import { changedIds } from './diff-highlight.js';
import { changeSections, type ChangeRow } from './diff-sections.js';
import { andList, plural, sharedUseSentence, summarizeDiff, summarizeShared, unparsedSentence } from './diff-summary.js';
import type { FileDiff, JourneyDiff } from './diff-types.js';
import type { DiagramPiece } from '../views/view-types.js';

/** The views drawn before and after in the report. */
export const PICTURE_VIEWS = ['canvas', 'journey', 'flow'] as const;

/**
 * Draws one view of a model as Mermaid text, highlighting some element ids: one picture, or
 * pieces to show one under the other (a view too wide for the page); undefined when the view
 * has nothing to draw.
 */
export type PictureRenderer = (model: JourneyModel, view: (typeof PICTURE_VIEWS)[number], highlight: ReadonlySet<string>) => string | readonly DiagramPiece[] | undefined;

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
const LESS_OF: Record<'pictures' | 'tables', Detail> = { pictures: 'tables', tables: 'summary' };

/** The whole report for a set of compared files. */
export function diffToMarkdown(files: FileDiff[], options: MarkdownOptions = {}): string {
    const changed = files.filter((file) => file.status !== 'unchanged' || file.journeys.some((diff) => diff.changes.length > 0));
    const header = [COMMENT_MARKER, '## Journey map changes', ''];
    if (changed.length === 0) return [...header, 'No journey map changed.', ''].join('\n');
    header.push(overview(changed) + '.', '', '');
    const sections = changed.flatMap((file) => sectionsOf(file, options.picture));
    const max = options.maxLength ?? Infinity;
    // Room kept for the closing notes when something is left out (three names of 80 characters per note at most).
    const reserve = max === Infinity ? 0 : 1500;
    const start = header.join('\n').length;
    let body = sections.reduce((sum, section) => sum + section.text.length, 0);
    // Every map starts as its heading and summary, then gets its tables, then its pictures, the
    // shortest first, while the report fits: when it is too long, the longest maps give up their
    // pictures, then their tables. Pictures are drawn only for the maps that get them.
    for (const detail of ['tables', 'pictures'] as const) {
        const waiting = sections.filter((section) => section.detail === LESS_OF[detail]).sort((a, b) => a.text.length - b.text.length);
        for (const section of waiting) {
            const text = section.render(detail);
            if (start + body - section.text.length + text.length + reserve > max) break;
            body += text.length - section.text.length;
            section.text = text;
            section.detail = detail;
        }
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
    /** What it would show beyond its summary: tables, pictures (a shared file or a map that does not parse has neither). */
    has: { tables: boolean; pictures: boolean };
    render: (detail: Detail) => string;
}

function sectionsOf(file: FileDiff, picture: PictureRenderer | undefined): Section[] {
    const section = (title: string, render: (detail: Detail) => string, has = { tables: false, pictures: false }): Section => ({ title, detail: 'summary', text: render('summary'), has, render });
    if (file.syntaxErrors) {
        return [section(file.path, () => ['### A map that does not parse', '', `${fileLine(file)}: ${markdownText(unparsedSentence(file))}.`, '', ''].join('\n'))];
    }
    const shared = file.sharedChanges ?? [];
    // A shared element's changes are listed once, with the file that declares it, not in every map that uses it.
    const sharedSections = file.journeys.length === 0 || shared.length > 0 ? [section(file.path, (detail) => sharedSection(file, detail !== 'summary'), { tables: shared.length > 0, pictures: false })] : [];
    return [...sharedSections, ...file.journeys.filter((diff) => journeyShown(file, diff)).map((diff) => section(diffTitle(diff), (detail) => [...journeySection(file, diff, detail === 'pictures' ? picture : undefined, detail !== 'summary'), ''].join('\n'),
        { tables: Boolean(diff.before && diff.after && diff.changes.length > 0), pictures: Boolean(picture && diff.changes.length > 0) }))];
}

/** The section of a file's shared personas, channels and teams: what changed (a table, once for every map), and which maps use them. */
function sharedSection(file: FileDiff, tables: boolean): string {
    const shared = file.sharedChanges ?? [];
    const lines = ['### Shared declarations', '', `${fileLine(file)}: personas, channels and teams shared by the maps${shared.length > 0 ? `: ${markdownText(summarizeShared(shared))}` : ''}.`, ''];
    if (file.usedBy?.length) lines.push(`Used by ${andList(file.usedBy.map(markdownCode))}.`, '');
    if (tables && shared.length > 0) {
        lines.push('| Element | Change |', '| --- | --- |');
        for (const section of changeSections({ changes: shared })) for (const row of section.rows) lines.push(`| ${elementCell(row)} | ${row.changes.map(markdownText).join('<br>')} |`);
        lines.push('');
    }
    return [...lines, ''].join('\n');
}

/** The closing notes: which maps lost their pictures or tables, and how many maps were left out. */
function notes(sections: Section[], kept: number): string {
    const run = 'run `journey diff` locally to see every change';
    const shown = sections.slice(0, kept);
    const lines: string[] = [];
    const names = (list: Section[]) => list.slice(0, 3).map((section) => `“${markdownText(section.title.length > 80 ? `${section.title.slice(0, 80)}…` : section.title)}”`).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
    const withoutTables = shown.filter((section) => section.detail === 'summary' && section.has.tables);
    const withoutPictures = shown.filter((section) => section.detail !== 'pictures' && section.has.pictures && !withoutTables.includes(section));
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
    if (diff.usesShared?.length) {
        lines.push(`${capitalize(sharedUseSentence(diff.usesShared, { label: (label) => `<strong>${markdownText(label)}</strong>`, id: markdownCode, file: markdownCode }))}.`, '');
    }
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
    const stages = changedStages(diff);
    const lines: string[] = [];
    for (const view of PICTURE_VIEWS) {
        const before = diff.before && withChanges(picture(diff.before, view, new Set()), diff.before, stages);
        const after = diff.after && withChanges(picture(diff.after, view, highlight), diff.after, stages);
        if (!before && !after) continue;
        lines.push(`<details><summary>${capitalize(view)} view: ${before && after ? 'before and after' : before ? 'before' : 'after'}</summary>`, '');
        if (before) lines.push('**Before**', '', ...mermaidBlocks(before));
        if (after) lines.push(diff.before ? '**After** (changed elements highlighted)' : '**After**', '', ...mermaidBlocks(after));
        lines.push('</details>', '');
    }
    return lines;
}

/**
 * The stages a diff's changes are in (both sides of a move, both ends of a link), or undefined
 * when a change reaches the whole map (the journey itself, a persona, channel, team, action or
 * outcome, used anywhere).
 */
function changedStages(diff: JourneyDiff): Set<string> | undefined {
    const stageOf = new Map<string, string>();
    for (const model of [diff.before, diff.after]) for (const stage of model?.stages ?? []) for (const step of stage.steps) stageOf.set(step.id, stage.id);
    const stages = new Set<string>();
    for (const change of diff.changes) {
        if (change.kind === 'flow') {
            for (const id of [change.from, change.to]) if (stageOf.has(id)) stages.add(stageOf.get(id)!);
        } else if (change.kind === 'stage') {
            stages.add(change.id);
        } else if ((change.kind === 'touchpoint' || change.kind === 'decision' || change.kind === 'kpi') && change.stage) {
            stages.add(change.stage);
            if (change.change === 'moved' && change.from.stage) stages.add(change.from.stage);
        } else {
            return undefined;
        }
    }
    return stages;
}

/**
 * A view in pieces shows only the pieces of the stages that changed (the others are the same
 * before and after); a whole picture, or pieces none of which changed, are shown as they are.
 */
function withChanges(picture: string | readonly DiagramPiece[] | undefined, model: JourneyModel, stages: Set<string> | undefined): string | readonly DiagramPiece[] | undefined {
    if (!picture || typeof picture === 'string' || !stages) return picture;
    const stageOf = new Map(model.stages.flatMap((stage) => stage.steps.map((step) => [step.id, stage.id] as const)));
    const changed = picture.filter((piece) => piece.steps.some((id) => stages.has(stageOf.get(id) ?? '')));
    return changed.length > 0 ? changed : picture;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
