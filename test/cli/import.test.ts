/**
 * `journey import`, run as a real process on real files: CSV as spreadsheets write it (semicolons,
 * tabs, a byte-order mark, quoted cells with line breaks, headers in any case), Mermaid journey
 * diagrams (a .mmd file, the ```mermaid blocks of a Markdown file, the journey view the product
 * draws itself); bad input is reported with its row and column and nothing is written; an existing
 * file is kept unless --force. Every map written is checked with the real `journey check`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, makeFolder, ROOT, runJourney } from './run-journey.js';

beforeAll(ensureCliBuilt, 300_000);

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

function folderWith(files: Record<string, string | Uint8Array>): string {
    const folder = makeFolder(files);
    folders.push(folder);
    return folder.dir;
}

/** Runs `journey check` on a written map: it must have no error and no warning. */
async function expectChecksClean(cwd: string, file: string): Promise<void> {
    const check = await runJourney(['check', file], { cwd });
    expect(check.stdout, readFileSync(path.join(cwd, file), 'utf8')).toBe('');
    expect(check.status).toBe(0);
}

const SPREADSHEET = [
    '\uFEFFStage;TOUCHPOINT;channel;Owner;Persona;Emotion;Expected;Pains;Gain;Opportunity;Reach',
    'Awareness;Finds us in search results;Search engine;Marketing;Alex;3;;;;;10000',
    ';Reads the reviews;Website;Marketing;Alex;4;5;"Too many ads',
    'A page that loads slowly";;;8 000',
    'Consideration;"Calls for a quote; asks ""how much?""";Phone;Sales;"Alex',
    'Sam";1;4;Call back only the next day;;Instant online quote;2000',
    '',
].join('\r\n');

describe('journey import from CSV', () => {
    test('reads a semicolon-separated sheet with a BOM, quoted line breaks and headers in any case into a formatted map that checks clean', async () => {
        const cwd = folderWith({ 'booking.csv': SPREADSHEET });
        const run = await runJourney(['import', 'booking.csv', '--name', 'Booking a cleaning'], { cwd });
        expect(run.stderr).toContain('wrote booking.journey: 2 stages, 3 touchpoints, 2 personas');
        expect(run.status).toBe(0);
        const map = readFileSync(path.join(cwd, 'booking.journey'), 'utf8');
        expect(map).toContain('journey booking_a_cleaning "Booking a cleaning" {');
        // One stage for the row with an empty stage cell and the row above it.
        expect(map.match(/stage awareness "Awareness" \{[\s\S]*?touchpoint reads_the_reviews/)).not.toBeNull();
        // Several pains in one cell, one per line; a label with a quote and a semicolon kept whole.
        expect(map).toContain('pain "Too many ads"\n      pain "A page that loads slowly"');
        expect(map).toContain('touchpoint calls_for_a_quote_asks_how_much "Calls for a quote; asks \\"how much?\\"" {');
        expect(map).toContain('persona alex\n      persona sam');
        expect(map).toContain('reach 8000');
        expect(map).toContain('channel search_engine "Search engine"');
        await expectChecksClean(cwd, 'booking.journey');
        // Formatted: formatting it changes nothing.
        const format = await runJourney(['format', '--check', 'booking.journey'], { cwd });
        expect(format.status).toBe(0);
    });

    test('reads a tab-separated sheet and a comma-separated one alike', async () => {
        const rows = [['stage', 'touchpoint', 'emotion', 'pain'], ['Order', 'Waits, then pays', '2', 'Long queue'], ['Enjoy', 'Drinks', '5', '']];
        const cwd = folderWith({
            'tabs.tsv': rows.map((row) => row.join('\t')).join('\n'),
            'commas.csv': rows.map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')).join('\n'),
        });
        for (const file of ['tabs.tsv', 'commas.csv']) {
            const run = await runJourney(['import', file, '--out', '-'], { cwd });
            expect(run.status, run.stderr).toBe(0);
            expect(run.stdout).toContain('touchpoint waits_then_pays "Waits, then pays" {\n      emotion 2\n      pain "Long queue"\n    }');
            expect(run.stdout).toContain('touchpoint drinks "Drinks" {\n      emotion 5\n    }');
        }
    });

    test('a bad cell is reported with its line, row and column, and nothing is written', async () => {
        const cwd = folderWith({ 'bad.csv': 'stage,touchpoint,emotion,reach\nOrder,"Waits\nin line",2,100\nEnjoy,Drinks,seven,50\n' });
        const run = await runJourney(['import', 'bad.csv'], { cwd });
        expect(run.status).toBe(1);
        // Row 3 of the sheet starts on line 4 of the file (row 2 holds a line break); emotion is column C.
        expect(run.stderr).toContain("bad.csv:4:1: error: row 3, column C (emotion): 'seven' is not a score");
        expect(run.stderr).toContain('nothing written');
        expect(readdirSync(cwd)).toEqual(['bad.csv']);
    });

    test('a sheet saved in a legacy encoding (Latin-1) is refused where its first accent is, not imported with broken letters', async () => {
        const cwd = folderWith({ 'latin1.csv': Buffer.from('stage,touchpoint\nAchat,Paie par carte\nSuivi,Re\xe7oit le colis\n', 'latin1') });
        const run = await runJourney(['import', 'latin1.csv'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('latin1.csv:3:9: error: the file is not UTF-8 text');
        expect(readdirSync(cwd)).toEqual(['latin1.csv']);
    });

    test('a table with only its header is refused, not imported as an empty map', async () => {
        const cwd = folderWith({ 'empty.csv': 'stage,touchpoint,emotion\n' });
        const run = await runJourney(['import', 'empty.csv'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('empty.csv:2:1: error: the table has no rows under its header');
        expect(readdirSync(cwd)).toEqual(['empty.csv']);
    });

    test('an unknown column is named with its letter, never dropped silently', async () => {
        const cwd = folderWith({ 'notes.csv': 'Stage,Touchpoint,Notes\nOrder,Pays,call them\n' });
        const run = await runJourney(['import', 'notes.csv'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain("notes.csv:1:3: error: column C is named 'Notes', which the import does not read.");
        expect(existsSync(path.join(cwd, 'notes.journey'))).toBe(false);
    });

    test('without --name, the map is named as its file', async () => {
        const cwd = folderWith({ 'Customer Journey Q3.csv': 'stage,touchpoint,emotion\nOrder,Pays,4\n' });
        const run = await runJourney(['import', 'Customer Journey Q3.csv', '--out', '-'], { cwd });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain('journey customer_journey_q3 "Customer Journey Q3" {');
    });

    test('a journey id another map of the folder already has is refused, and --id chooses another', async () => {
        const cwd = folderWith({ 'booking.csv': 'stage,touchpoint,emotion\nOrder,Pays,4\n', 'current.journey': 'journey booking {\n  stage s {\n    touchpoint t {\n      emotion 3\n    }\n  }\n}\n' });
        const refused = await runJourney(['import', 'booking.csv'], { cwd });
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain("the journey id 'booking' is already used by another map of");
        expect(readdirSync(cwd).sort()).toEqual(['booking.csv', 'current.journey']);
        const renamed = await runJourney(['import', 'booking.csv', '--id', 'booking_imported'], { cwd });
        expect(renamed.status, renamed.stderr).toBe(0);
        await expectChecksClean(cwd, 'booking.journey');
    });

    test('an existing map is never replaced without --force', async () => {
        const cwd = folderWith({ 'map.csv': 'stage,touchpoint,emotion\nOrder,Pays,4\n', 'map.journey': '// mine\n' });
        const refused = await runJourney(['import', 'map.csv'], { cwd });
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('map.journey already exists: nothing written. Add --force to replace it');
        expect(readFileSync(path.join(cwd, 'map.journey'), 'utf8')).toBe('// mine\n');
        const forced = await runJourney(['import', 'map.csv', '--force'], { cwd });
        expect(forced.status, forced.stderr).toBe(0);
        expect(readFileSync(path.join(cwd, 'map.journey'), 'utf8')).toContain('touchpoint pays "Pays" {');
    });
});

describe('journey import from Mermaid', () => {
    test('a .mmd journey: sections become stages, tasks touchpoints with their emotion, actors personas with valid, unique ids', async () => {
        const mermaid = [
            '%% my working day',
            'journey',
            '  title My working day',
            '  accDescr: How the day goes',
            '  section Go to work',
            '    Make tea: 5: Me',
            '    Go upstairs: 3: Me, Cat',
            '    Do work: 1: Me, Cat',
            '  section Go home',
            '    Go downstairs: 5: Me',
            '    Sit down#58; finally: 5: Me',
            '    Journey: 4: Stage',
            '    Journey: 2',
            '',
        ].join('\n');
        const cwd = folderWith({ 'day.mmd': mermaid });
        const run = await runJourney(['import', 'day.mmd'], { cwd });
        expect(run.status, run.stderr).toBe(0);
        const map = readFileSync(path.join(cwd, 'day.journey'), 'utf8');
        // The author's comment is kept, as a comment of the map.
        expect(map.startsWith('// Imported from day.mmd by journey import.\n// my working day\n')).toBe(true);
        expect(map).toContain('journey my_working_day "My working day" {\n  description "How the day goes"\n\n  persona me "Me"\n  persona cat "Cat"\n  persona stage_ "Stage"');
        expect(map).toContain('stage go_to_work "Go to work" {\n    touchpoint make_tea "Make tea" {\n      persona me\n      emotion 5\n    }');
        expect(map).toContain('touchpoint go_upstairs "Go upstairs" {\n      persona me\n      persona cat\n      emotion 3');
        expect(map).toContain('touchpoint sit_down_finally "Sit down: finally" {');
        // A keyword is never an id; a label met twice gets a second id.
        expect(map).toContain('touchpoint journey_ "Journey" {');
        expect(map).toContain('touchpoint journey_2 "Journey" {');
        await expectChecksClean(cwd, 'day.journey');
    });

    test('a Markdown file: one map per ```mermaid journey block, other diagrams skipped', async () => {
        const markdown = [
            '# Our journeys', '', '```mermaid', 'flowchart LR', '  a --> b', '```', '',
            '```mermaid', 'journey', '  title Buying a coffee', '  section Order', '    Waits: 2: Client', '```', '',
            '~~~mermaid', 'journey', '  title Returning a parcel', '  section Return', '    Prints the label: 3', '~~~', '',
        ].join('\n');
        const cwd = folderWith({ 'notes.md': markdown });
        const run = await runJourney(['import', 'notes.md', '--out', 'maps'], { cwd });
        expect(run.status, run.stderr).toBe(0);
        expect(readdirSync(path.join(cwd, 'maps')).sort()).toEqual(['buying_a_coffee.journey', 'returning_a_parcel.journey']);
        await expectChecksClean(cwd, 'maps/buying_a_coffee.journey');
        await expectChecksClean(cwd, 'maps/returning_a_parcel.journey');
    });

    test('a bad score is reported at its line and column in the Markdown file, and nothing is written', async () => {
        const markdown = ['Intro', '', '```mermaid', 'journey', '  section Order', '    Waits: 2', '    Pays: 9: Me', '```', ''].join('\n');
        const cwd = folderWith({ 'notes.md': markdown });
        const run = await runJourney(['import', 'notes.md'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain("notes.md:7:11: error: the score of 'Pays' is '9'");
        expect(readdirSync(cwd)).toEqual(['notes.md']);
    });

    test('the journey view the product draws of every example imports back: same stages, tasks and emotions', async () => {
        const examples = ['hello', 'home-cleaning', 'online-shop', 'parcours-client', 'b2b/purchase-current'];
        const cwd = folderWith({});
        for (const example of examples) {
            const source = path.join(ROOT, 'examples', `${example}.journey`);
            const view = await runJourney(['render', source, '--view', 'journey'], { cwd });
            expect(view.status, view.stderr).toBe(0);
            const name = path.basename(example);
            writeFileSync(path.join(cwd, `${name}.mmd`), view.stdout);
            const run = await runJourney(['import', `${name}.mmd`], { cwd });
            expect(run.status, `${example}: ${run.stderr}`).toBe(0);
            await expectChecksClean(cwd, `${name}.journey`);
            // Drawn again, the imported map gives the same tasks, sections, scores and actors.
            const again = await runJourney(['render', `${name}.journey`, '--view', 'journey'], { cwd });
            const tasks = (text: string) => text.split('\n').filter((line) => /^\s+(section |title |\S.*: \d)/.test(line)).join('\n');
            expect(tasks(again.stdout), example).toBe(tasks(view.stdout));
        }
        // A score of one persona (a task "Rendez-vous en agence (Claire…)" after its touchpoint's) comes back as `emotion … for`.
        const parcours = readFileSync(path.join(cwd, 'parcours-client.journey'), 'utf8');
        expect(parcours).toMatch(/touchpoint rendez_vous_en_agence "Rendez-vous en agence" \{\n(\s+persona \w+\n){2}\s+emotion 4\n\s+emotion 3 for claire_mere_de_famille\n\s+emotion 5 for kenji_retraite\n/);
        expect(parcours).not.toContain('(Claire');
    }, 120_000);
});
