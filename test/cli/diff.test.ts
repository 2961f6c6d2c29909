/** `journey diff <old> <new>`, run as a real process on real files: formats, exit codes, as-is against to-be. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_MAP, MAP_USING_SHARED, SHARED_DECLARATIONS, SYNTAX_ERROR_MAP } from './fixtures.js';
import { ensureCliBuilt, makeFolder, runJourney } from './run-journey.js';

beforeAll(ensureCliBuilt, 300_000);

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

function folderWith(files: Record<string, string>): string {
    const folder = makeFolder(files);
    folders.push(folder);
    return folder.dir;
}

/** CLEAN_MAP, to be: the first touchpoint feels better, a pain appears, a step is added. */
const FUTURE_MAP = CLEAN_MAP.replace('journey booking "Booking a home cleaning"', 'journey booking_future "Booking a home cleaning (to-be)"')
    .replace('state current', 'state future')
    .replace('      emotion 3\n', '      emotion 5\n      pain "Too many ads"\n')
    .replace('  stage purchase "Purchase" {\n', '  stage purchase "Purchase" {\n    touchpoint quote "Gets an instant quote" { emotion 4 }\n');

describe('journey diff <old> <new>', () => {
    test('lists the changes as text, exits 0, and --exit-code exits 1 on changes', async () => {
        const cwd = folderWith({ 'current.journey': CLEAN_MAP, 'future.journey': FUTURE_MAP });
        const run = await runJourney(['diff', 'current.journey', 'future.journey'], { cwd });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('current.journey → future.journey');
        expect(run.stdout).toContain('~ touchpoint “Finds us” (finds): emotion 3 → 5 (better)');
        expect(run.stdout).toContain('+ touchpoint “Finds us” (finds): new pain: “Too many ads”');
        expect(run.stdout).toContain('+ touchpoint “Gets an instant quote” (quote): added');
        const strict = await runJourney(['diff', '--exit-code', 'current.journey', 'future.journey'], { cwd });
        expect(strict.status).toBe(1);
    });

    test('identical maps: no output on stdout, "no changes" on stderr, exit 0 even with --exit-code', async () => {
        const cwd = folderWith({ 'old/a.journey': CLEAN_MAP, 'new/a.journey': CLEAN_MAP.replace(/\n {4,}/g, '\n      ') });
        const run = await runJourney(['diff', '--exit-code', 'old/a.journey', 'new/a.journey'], { cwd });
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('no changes\n');
    });

    test('as-is against to-be: the Markdown says "current → future" and sums up the change', async () => {
        const cwd = folderWith({ 'current.journey': CLEAN_MAP, 'future.journey': FUTURE_MAP });
        const run = await runJourney(['diff', 'current.journey', 'future.journey', '--format', 'markdown'], { cwd });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('### Booking a home cleaning (to-be): current → future');
        expect(run.stdout).toContain('State current → future, 1 touchpoint added, 1 touchpoint changed, mean emotion in Awareness 3.0 → 5.0, 1 new pain.');
        expect(run.stdout).toContain('#### Stage Awareness');
        expect(run.stdout).toContain('| touchpoint <strong>Finds us</strong> `finds` | emotion 3 → 5 (better)<br>new pain: “Too many ads” |');
        expect(run.stdout).toMatch(/<details><summary>Journey view: before and after<\/summary>\n\n\*\*Before\*\*\n\n```mermaid\n(---\n[^]*?\n---\n)?journey\n/);
        expect(run.stdout).toMatch(/```mermaid\n---\nconfig:\n[\s\S]*?\n---\nflowchart/);
    });

    test('--no-pictures leaves the Mermaid blocks out', async () => {
        const cwd = folderWith({ 'current.journey': CLEAN_MAP, 'future.journey': FUTURE_MAP });
        const run = await runJourney(['diff', 'current.journey', 'future.journey', '--format', 'markdown', '--no-pictures'], { cwd });
        expect(run.stdout).not.toContain('```mermaid');
        expect(run.stdout).toContain('#### Stage Awareness');
    });

    test('--format json gives the change list with both journeys named', async () => {
        const cwd = folderWith({ 'current.journey': CLEAN_MAP, 'future.journey': FUTURE_MAP });
        const run = await runJourney(['diff', 'current.journey', 'future.journey', '--format', 'json'], { cwd });
        const report = JSON.parse(run.stdout) as { changed: boolean; files: Array<{ path: string; previousPath: string; journeys: Array<{ before: unknown; after: unknown; changes: Array<Record<string, unknown>> }> }> };
        expect(report.changed).toBe(true);
        expect(report.files[0]).toMatchObject({ path: 'future.journey', previousPath: 'current.journey', status: 'modified' });
        const [journey] = report.files[0].journeys;
        expect(journey.before).toEqual({ id: 'booking', label: 'Booking a home cleaning', state: 'current' });
        expect(journey.after).toEqual({ id: 'booking_future', label: 'Booking a home cleaning (to-be)', state: 'future' });
        expect(journey.changes).toContainEqual(expect.objectContaining({ change: 'property', kind: 'touchpoint', id: 'finds', property: 'emotion', before: 3, after: 5, direction: 'up' }));
    });

    test('shared personas of each file\'s folder resolve, so their labels show', async () => {
        const cwd = folderWith({
            'old/people.journey': SHARED_DECLARATIONS,
            'old/support.journey': MAP_USING_SHARED,
            'new/people.journey': SHARED_DECLARATIONS.replace('"Support"', '"Customer care"'),
            'new/support.journey': MAP_USING_SHARED,
        });
        const run = await runJourney(['diff', 'old/support.journey', 'new/support.journey'], { cwd });
        expect(run.stdout).toContain('~ team “Customer care” (support): label “Support” → “Customer care”');
    });

    test('a map with errors is not compared (what was read of it would show phantom changes): the report and a warning say so', async () => {
        const cwd = folderWith({ 'a.journey': CLEAN_MAP, 'broken.journey': SYNTAX_ERROR_MAP });
        const run = await runJourney(['diff', 'a.journey', 'broken.journey'], { cwd });
        expect(run.status).toBe(0);
        // Where the error is, and what it is, as `journey check` would say it.
        expect(run.stderr).toMatch(/warning: broken\.journey:4:5: 1 syntax error \(Expected .*'oops'.*\), so this file is not compared \(run journey check broken\.journey\)/);
        expect(run.stdout).toBe('broken.journey (modified): the new version has 1 syntax error, so this map was not compared (journey check broken.journey explains each error)\n');
    });

    test('usage errors exit 2 with a message saying what to do', async () => {
        const cwd = folderWith({ 'a.journey': CLEAN_MAP });
        const one = await runJourney(['diff', 'a.journey'], { cwd });
        expect(one.status).toBe(2);
        expect(one.stderr).toContain('diff needs two files, the old one and the new one (got 1)');
        const missing = await runJourney(['diff', 'a.journey', 'nope.journey'], { cwd });
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('nope.journey: no such file.');
        const format = await runJourney(['diff', 'a.journey', 'a.journey', '--format', 'html'], { cwd });
        expect(format.status).toBe(2);
        // Stdin is read once: both sides from it would compare a map with nothing.
        const stdinTwice = await runJourney(['diff', '-', '-'], { cwd, input: CLEAN_MAP });
        expect(stdinTwice.status).toBe(2);
        expect(stdinTwice.stderr).toContain('diff can read only one side from stdin (-): name a file for the other.');
        expect(stdinTwice.stdout).toBe('');
    });
});
