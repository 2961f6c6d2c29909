/**
 * `journey render` and `journey export` never write over what a person wrote, run as real
 * processes in temporary folders: a map (the one read or another), a Markdown document with
 * ```journey fences, a file the command reads, and a file that exists and that journey did not
 * write (notes, a hand-made picture, a spreadsheet) without --force. Drawing again replaces the
 * files journey wrote before, without --force. Nothing at all is written when one file is in the
 * way. (SVG and PNG, which need the browser: test/browser/render-cli.test.ts.)
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, makeFolder, ROOT, runJourney } from './run-journey.js';

beforeAll(ensureCliBuilt, 300_000);

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

const HELLO = readFileSync(path.join(ROOT, 'examples', 'hello.journey'), 'utf8');
const OTHER = readFileSync(path.join(ROOT, 'examples', 'home-cleaning.journey'), 'utf8');

function folder(files: Record<string, string>): string {
    const made = makeFolder(files);
    folders.push(made);
    return made.dir;
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('render and export never write over a map or a file they read', () => {
    test.each([
        [['render', 'hello.journey', '--view', 'flow', '--out', 'hello.journey'], 'hello.journey', /hello\.journey is a file this command reads/],
        [['render', 'hello.journey', '--format', 'markdown', '--out', 'other.journey', '--force'], 'other.journey', /other\.journey is a journey map/],
        [['export', 'hello.journey', '--format', 'csv', '--out', 'hello.journey', '--force'], 'hello.journey', /hello\.journey is a file this command reads/],
        [['export', 'hello.journey', '--format', 'json', '--out', 'other.journey'], 'other.journey', /other\.journey is a journey map/],
    ])('journey %j: exit 2, the map unchanged', async (args, kept, message) => {
        const dir = folder({ 'hello.journey': HELLO, 'other.journey': OTHER });
        const run = await runJourney(args, { cwd: dir });
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).toMatch(/Nothing written/);
        expect(read(dir, kept)).toBe(kept === 'hello.journey' ? HELLO : OTHER);
    });

    test('a Markdown document with ```journey fences is a source, not a copy: never replaced, even with --force', async () => {
        const guide = '# Guide\n\n```journey\njourney g { stage s { touchpoint t { emotion 3 } } }\n```\n';
        const dir = folder({ 'hello.journey': HELLO, 'guide.md': guide });
        const run = await runJourney(['render', 'hello.journey', '--format', 'markdown', '--out', 'guide.md', '--force'], { cwd: dir });
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toMatch(/guide\.md holds ```journey fences/);
        expect(read(dir, 'guide.md')).toBe(guide);
    });
});

describe('a file that journey did not write is replaced only with --force', () => {
    test('hand-written notes under the name of the Markdown page: kept, then replaced with --force', async () => {
        const dir = folder({ 'hello.journey': HELLO, 'notes.md': '# My notes\n\nCall the roaster on Monday.\n' });
        const refused = await runJourney(['render', 'hello.journey', '--format', 'markdown', '--out', 'notes.md'], { cwd: dir });
        expect(refused.status, refused.stderr).toBe(2);
        expect(refused.stderr).toContain('notes.md already exists and was not written by journey: nothing written. Add --force to replace it, or name another --out.');
        expect(read(dir, 'notes.md')).toContain('Call the roaster on Monday.');
        const forced = await runJourney(['render', 'hello.journey', '--format', 'markdown', '--out', 'notes.md', '--force'], { cwd: dir });
        expect(forced.status, forced.stderr).toBe(0);
        expect(read(dir, 'notes.md')).toMatch(/^# Buying a coffee\n/);
    });

    test('a spreadsheet in the way of an export to a folder: no file of the folder is written', async () => {
        const sheet = 'stage,touchpoint,emotion\nAwareness,Sees an ad,3\n';
        const dir = folder({ 'maps/hello.journey': HELLO, 'maps/home-cleaning.journey': OTHER, 'exports/home-cleaning.csv': sheet });
        const run = await runJourney(['export', 'maps', '--format', 'csv', '--out', 'exports'], { cwd: dir });
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toContain(`${path.join('exports', 'home-cleaning.csv')} already exists and was not written by journey`);
        expect(read(dir, 'exports/home-cleaning.csv')).toBe(sheet);
        expect(() => read(dir, 'exports/hello.csv')).toThrow();
        const forced = await runJourney(['export', 'maps', '--format', 'csv', '--out', 'exports', '--force'], { cwd: dir });
        expect(forced.status, forced.stderr).toBe(0);
        expect(read(dir, 'exports/home-cleaning.csv')).not.toBe(sheet);
    });

    test('a hand-written Mermaid file and a JSON file of another tool are kept', async () => {
        const dir = folder({ 'hello.journey': HELLO, 'flow.mmd': 'flowchart LR\n  a --> b\n', 'data.json': '{"name": "not a journey"}\n' });
        const mermaid = await runJourney(['render', 'hello.journey', '--view', 'flow', '--out', 'flow.mmd'], { cwd: dir });
        expect(mermaid.status, mermaid.stderr).toBe(2);
        expect(read(dir, 'flow.mmd')).toBe('flowchart LR\n  a --> b\n');
        const json = await runJourney(['export', 'hello.journey', '--format', 'json', '--out', 'data.json'], { cwd: dir });
        expect(json.status, json.stderr).toBe(2);
        expect(read(dir, 'data.json')).toBe('{"name": "not a journey"}\n');
    });
});

describe('rendered copies of Markdown documents, and links', () => {
    const guide = '# Guide\n\nSome words.\n\n```journey flow\njourney g "G" {\n  stage s "S" { touchpoint t "T" { emotion 3 } }\n}\n```\n';

    test('a copy is drawn again after an edit of its document; a hand-written page of the same name is kept', async () => {
        const dir = folder({ 'docs/guide.md': guide, 'docs/index.md': '# Home\n\nNo map here.\n', 'site/index.md': '# My site\n\nWritten by hand.\n' });
        const first = await runJourney(['render', 'docs/guide.md', '--out', 'site'], { cwd: dir });
        expect(first.status, first.stderr).toBe(0);
        writeFileSync(path.join(dir, 'docs/guide.md'), guide.replace('Some words.', 'Other words.'));
        const again = await runJourney(['render', 'docs/guide.md', '--out', 'site'], { cwd: dir });
        expect(again.status, again.stderr).toBe(0);
        expect(read(dir, 'site/guide.md')).toContain('Other words.');
        const kept = await runJourney(['render', 'docs/index.md', 'docs/guide.md', '--out', 'site'], { cwd: dir });
        expect(kept.status, kept.stderr).toBe(2);
        expect(kept.stderr).toContain(`${path.join('site', 'index.md')} already exists and was not written by journey`);
        expect(read(dir, 'site/index.md')).toBe('# My site\n\nWritten by hand.\n');
    });

    test('a link in the way is written through only with --force, and a link to a map never', async () => {
        const dir = folder({ 'hello.journey': HELLO, 'notes/flow.mmd': 'flowchart LR\n  a --> b\n' });
        symlinkSync(path.join(dir, 'notes/flow.mmd'), path.join(dir, 'flow.mmd'));
        symlinkSync(path.join(dir, 'hello.journey'), path.join(dir, 'map.mmd'));
        const refused = await runJourney(['render', 'hello.journey', '--view', 'flow', '--out', 'flow.mmd'], { cwd: dir });
        expect(refused.status, refused.stderr).toBe(2);
        expect(refused.stderr).toContain('flow.mmd is a link to');
        expect(read(dir, 'notes/flow.mmd')).toBe('flowchart LR\n  a --> b\n');
        const map = await runJourney(['render', 'hello.journey', '--view', 'flow', '--out', 'map.mmd', '--force'], { cwd: dir });
        expect(map.status, map.stderr).toBe(2);
        expect(map.stderr).toContain('map.mmd is a file this command reads');
        expect(read(dir, 'hello.journey')).toBe(HELLO);
        const forced = await runJourney(['render', 'hello.journey', '--view', 'flow', '--out', 'flow.mmd', '--force'], { cwd: dir });
        expect(forced.status, forced.stderr).toBe(0);
        expect(read(dir, 'notes/flow.mmd')).toMatch(/flowchart/);
    });
});

describe('drawing again replaces what journey wrote, without --force', () => {
    test.each([
        [['render', 'hello.journey', '--format', 'markdown', '--out', 'hello.md'], 'hello.md'],
        [['render', 'hello.journey', '--view', 'flow', '--out', 'flow.mmd'], 'flow.mmd'],
        [['render', 'hello.journey', '--view', 'funnel', '--out', 'funnel.mmd'], 'funnel.mmd'],
        [['export', 'hello.journey', '--format', 'json', '--out', 'hello.json'], 'hello.json'],
        [['export', 'hello.journey', '--format', 'csv', '--out', 'hello.csv'], 'hello.csv'],
    ])('journey %j writes %s again, also after an edit of the map (a CSV: the same text again)', async (args, written) => {
        const dir = folder({ 'hello.journey': HELLO });
        const first = await runJourney(args, { cwd: dir });
        expect(first.status, first.stderr).toBe(0);
        const before = read(dir, written);
        // The same output again (a CSV cannot say who wrote it, but it holds what would be written).
        const same = await runJourney(args, { cwd: dir });
        expect(same.status, same.stderr).toBe(0);
        if (written === 'hello.csv') return;
        // A view with nothing to draw is written as a note: an older note is journey's too.
        if (written === 'funnel.mmd') writeFileSync(path.join(dir, written), '%% Funnel: an older note\n');
        const edited = HELLO.replace('"Waits in line"', '"Waits in a long line"');
        expect(edited).not.toBe(HELLO);
        writeFileSync(path.join(dir, 'hello.journey'), edited);
        const again = await runJourney(args, { cwd: dir });
        expect(again.status, again.stderr).toBe(0);
        expect(read(dir, written)).not.toBe(written === 'funnel.mmd' ? '%% Funnel: an older note\n' : before);
    });
});
