/**
 * The Markdown report of `journey diff`, on the real examples (readable snapshot files under
 * snapshots/diff/), and its rules: one table per stage, escaping, pictures with highlights,
 * a size limit for pull-request comments. Also the plain-text and JSON reports.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/src/cli/workspace.js';
import { diffFiles } from '../../language-server/src/diff/diff-files.js';
import { diffToJson } from '../../language-server/src/diff/diff-json.js';
import { COMMENT_MARKER, diffToMarkdown, type PictureRenderer } from '../../language-server/src/diff/diff-markdown.js';
import { pageView } from '../../language-server/src/views/markdown-document.js';
import { markdownText } from '../../language-server/src/views/markdown-escape.js';
import { viewPicture } from '../../language-server/src/diff/diff-pictures.js';
import { diffToText } from '../../language-server/src/diff/diff-text.js';
import type { FileDiff } from '../../language-server/src/diff/diff-types.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { parseJourney } from '../helpers.js';

const EXAMPLES = path.resolve(import.meta.dirname, '..', '..', 'examples');

/** The journey of an example file, loaded with its folder (shared personas resolve). */
async function example(file: string): Promise<JourneyModel> {
    const workspace = await loadWorkspace([path.join(EXAMPLES, file)]);
    return buildJourneyModel(workspace.requested[0].document)!;
}

let counter = 0;
async function modelOf(text: string): Promise<JourneyModel> {
    return buildJourneyModel(await parseJourney(text, { uri: `file:///diff-markdown-${counter++}.journey` }))!;
}

function compare(before: JourneyModel | undefined, after: JourneyModel | undefined, beforePath = 'maps/map.journey', afterPath = beforePath): FileDiff[] {
    const side = (model: JourneyModel | undefined, file: string) => model && { path: file, text: JSON.stringify(model), models: [model] };
    return diffFiles([{ before: side(before, beforePath), after: side(after, afterPath) }]);
}

/** Edits of the home-cleaning example a reviewer would see in a pull request. */
function editHomeCleaning(text: string): string {
    const edited = text
        .replace('emotion 1\n      expected 4\n      pain "Call back only the next day"', 'emotion 3\n      expected 4\n      pain "Call back only the next day"\n      pain "No price on the phone either"')
        .replace('touchpoint quote_form "Fills in the quote form"', 'touchpoint quote_form "Fills in a 3-question quote form"')
        .replace('"keeps looking" -> lost', '"keeps looking" -> lost\n      "asks a friend" -> refers')
        .replace('touchpoint rebooks "Books a second cleaning"', 'touchpoint rebooks_online "Books a second cleaning"')
        .replace('improves rebooks', 'improves rebooks_online')
        .replace('reach 1200\n', 'reach 1400\n');
    expect(edited).not.toBe(text);
    return edited;
}

describe('the Markdown report', () => {
    test('as-is against to-be (the B2B example): "current → future", a summary and a table per stage', async () => {
        const files = compare(await example('b2b/purchase-current.journey'), await example('b2b/purchase-future.journey'), 'examples/b2b/purchase-current.journey', 'examples/b2b/purchase-future.journey');
        const markdown = diffToMarkdown(files);
        expect(markdown).toContain(': current → future');
        await expect(markdown).toMatchFileSnapshot('snapshots/diff/b2b-current-to-future.md');
    });

    test('a pull request editing the home-cleaning example', async () => {
        const text = readFileSync(path.join(EXAMPLES, 'home-cleaning.journey'), 'utf8');
        const files = compare(await modelOf(text), await modelOf(editHomeCleaning(text)), 'examples/home-cleaning.journey');
        const markdown = diffToMarkdown(files);
        expect(markdown).toContain('4 touchpoints changed');
        expect(markdown).toContain('mean emotion in Consideration 1.5 → 2.5');
        expect(markdown).toContain('1 new pain');
        await expect(markdown).toMatchFileSnapshot('snapshots/diff/home-cleaning-edited.md');
        await expect(diffToText(files)).toMatchFileSnapshot('snapshots/diff/home-cleaning-edited.txt');
    });

    test('a map added and a map deleted: a one-line summary each, no tables', async () => {
        const map = await example('hello.journey');
        const markdown = diffToMarkdown([...compare(undefined, map, 'a.journey'), ...compare(map, undefined, 'b.journey')]);
        expect(markdown).toContain('`a.journey` (added)');
        expect(markdown).toMatch(/New map: \d+ stages?, \d+ touchpoints?/);
        expect(markdown).toContain('`b.journey` (deleted)');
        expect(markdown).toMatch(/Map deleted \(it had \d+ stages?/);
        expect(markdown).not.toContain('| Element | Change |');
    });

    test('identical maps: the comment says no map changed', async () => {
        const map = await example('home-cleaning.journey');
        expect(diffToMarkdown(compare(map, map))).toBe(`${COMMENT_MARKER}\n## Journey map changes\n\nNo journey map changed.\n`);
        expect(diffToText(compare(map, map))).toBe('');
        expect(JSON.parse(diffToJson(compare(map, map)))).toMatchObject({ changed: false, files: [{ status: 'unchanged', journeys: [{ changes: [] }] }] });
    });

    test('labels cannot break the table or inject HTML', async () => {
        const before = await modelOf('journey j { stage s { touchpoint t "A" { emotion 2 } } }');
        const after = await modelOf('journey j { stage s { touchpoint t "A | B <script>alert(1)</script> `x` *y*" { emotion 2 } } }');
        const markdown = diffToMarkdown(compare(before, after));
        const row = markdown.split('\n').find((line) => line.startsWith('| touchpoint'))!;
        expect(row.split(/(?<!\\)\|/)).toHaveLength(4);
        expect(markdown).not.toContain('<script>');
        expect(markdownText('a|b\nc')).toBe('a\\|b c');
    });

    test('pictures: canvas, journey and flow views before and after, changed elements highlighted only after', async () => {
        const before = await modelOf('journey j { stage s { touchpoint a "A" { emotion 2 } touchpoint b "B" { emotion 3 } } }');
        const after = await modelOf('journey j { stage s { touchpoint a "A" { emotion 4 } touchpoint b "B" { emotion 3 } } }');
        const markdown = diffToMarkdown(compare(before, after), { picture: viewPicture });
        expect(markdown).toContain('<details><summary>Canvas view: before and after</summary>');
        expect(markdown).toContain('<details><summary>Journey view: before and after</summary>');
        expect(markdown).toContain('<details><summary>Flow view: before and after</summary>');
        expect(markdown.indexOf('Canvas view')).toBeLessThan(markdown.indexOf('Journey view'));
        const blocks = [...markdown.matchAll(/```mermaid\n([^]*?)\n```/g)].map((match) => match[1]);
        expect(blocks).toHaveLength(6);
        const [canvasBefore, canvasAfter, journeyBefore, journeyAfter, flowBefore, flowAfter] = blocks;
        // The canvas highlights the changed touchpoint's own cell, and only after.
        expect(canvasBefore).not.toMatch(/class .*highlight/);
        expect(canvasAfter).toMatch(/class tp_a highlight/);
        expect(journeyBefore).not.toContain('★');
        expect(journeyAfter).toMatch(/★ A: 4/);
        expect(journeyAfter).not.toMatch(/★ B/);
        expect(flowBefore).not.toMatch(/class .*highlight/);
        expect(flowAfter).toMatch(/class .*highlight/);
    });

    test('a map renamed without changes: "No changes.", and no pictures', async () => {
        const map = await example('hello.journey');
        const markdown = diffToMarkdown(diffFiles([{ before: { path: 'hello.journey', text: 'x', models: [map] }, after: { path: 'maps/hello.journey', text: 'x', models: [map] }, renamed: true }]), { picture: viewPicture });
        expect(markdown).toContain('`hello.journey` → `maps/hello.journey` (renamed)');
        expect(markdown).toContain('No changes.');
        expect(markdown).not.toContain('<details>');
    });

    test('a report too long for a pull-request comment drops its pictures and says so', async () => {
        const before = await example('home-cleaning.journey');
        const after = await modelOf(editHomeCleaning(readFileSync(path.join(EXAMPLES, 'home-cleaning.journey'), 'utf8')));
        const huge: PictureRenderer = () => 'journey\n' + 'x'.repeat(100_000);
        const markdown = diffToMarkdown(compare(before, after), { picture: huge, maxLength: 60_000 });
        expect(markdown.length).toBeLessThan(60_000);
        expect(markdown).not.toContain('```mermaid');
        expect(markdown).toContain('the before/after pictures of 1 map were left out (“Booking a home cleaning”)');
    });

    test('a report still too long without pictures drops the tables of as few maps as needed, and past that is cut before a map, saying so each time', async () => {
        const before = await example('home-cleaning.journey');
        const after = await modelOf(editHomeCleaning(readFileSync(path.join(EXAMPLES, 'home-cleaning.journey'), 'utf8')));
        const many = (count: number) => Array.from({ length: count }, (_, i) => compare(before, after).map((file) => ({ ...file, path: `maps/copy-${i}.journey` }))).flat();
        const withoutTables = diffToMarkdown(many(150), { picture: viewPicture, maxLength: 60_000 });
        expect(withoutTables.length).toBeLessThanOrEqual(60_000);
        // Only the maps that must give up their tables do: the others keep them.
        const tables = withoutTables.split('\n### ').slice(1).filter((section) => section.includes('| Element | Change |')).length;
        expect(tables).toBeGreaterThan(0);
        expect(tables).toBeLessThan(150);
        expect(withoutTables).toContain('`maps/copy-149.journey` (modified)');
        expect(withoutTables).toMatch(/the tables of changes and the pictures of \d+ maps were left out \(“Booking a home cleaning”, “Booking a home cleaning”, “Booking a home cleaning” and \d+ more\)/);
        const cut = diffToMarkdown(many(2000), { picture: viewPicture, maxLength: 60_000 });
        expect(cut.length).toBeLessThanOrEqual(60_000);
        expect(cut).toContain('`maps/copy-0.journey` (modified)');
        expect(cut).not.toContain('`maps/copy-1999.journey`');
        expect(cut).toMatch(/\n\n_This report was cut to keep it short enough: it shows \d+ of the 2000 maps that changed; run `journey diff` locally to see every change._\n$/);
        // Every map section left is whole: its heading, file line and summary.
        const sections = cut.split('\n### ').slice(1);
        for (const section of sections) expect(section, section.slice(0, 80)).toMatch(/^.+\n\n`maps\/copy-\d+\.journey` \(modified\)\n\n.+\.\n/);
    });

    test('a Mermaid text holding backticks gets a longer fence', async () => {
        const model = await modelOf('journey j { stage s { touchpoint a } }');
        const markdown = diffToMarkdown(compare(undefined, model), { picture: () => 'journey\n  title ```x```' });
        expect(markdown).toContain('````mermaid\njourney\n  title ```x```\n````');
    });
});

describe('the report\'s pictures of a view in pieces', () => {
    const journeyBlocks = (markdown: string) => (/<summary>Journey view[^]*?<\/details>/.exec(markdown)?.[0].match(/^`{3,}mermaid$/gm) ?? []).length;

    test('show the pieces of the changed stages only; a change that reaches every stage shows them all', async () => {
        const text = readFileSync(path.join(EXAMPLES, 'home-cleaning.journey'), 'utf8');
        const before = await modelOf(text);
        // One emotion in one stage: that stage's piece, before and after.
        const oneStage = await modelOf(text.replace('emotion 1\n', 'emotion 3\n'));
        expect(journeyBlocks(diffToMarkdown(compare(before, oneStage), { picture: viewPicture }))).toBe(2);
        // The persona renamed: every task's actor changes, every piece is shown.
        const persona = await modelOf(text.replace('"Alex, working parent"', '"Alex, parent of two"'));
        const all = journeyBlocks(diffToMarkdown(compare(before, persona), { picture: viewPicture }));
        const journey = pageView(before, 'journey');
        const pieces = journey.kind === 'diagram' ? journey.pieces?.length ?? 0 : 0;
        expect(pieces).toBeGreaterThan(1);
        expect(all).toBe(2 * pieces);
    });
});
