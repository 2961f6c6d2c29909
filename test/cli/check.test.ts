/**
 * `journey check`, run as a real process on real files in temporary folders.
 * Assertions hold on positions, severities, codes and exit codes, not on the validator's wording.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { seededRandom } from '../support/generate-map.js';
import {
    CLEAN_MAP, located, MAP_USING_SHARED, NON_LATIN_MAP, SHARED_DECLARATIONS, SYNTAX_ERROR_AT, SYNTAX_ERROR_MAP,
    UNKNOWN_PERSONA_AT, UNKNOWN_PERSONA_MAP,
} from './fixtures.js';
import { ensureCliBuilt, makeFolder, ROOT, runJourney } from './run-journey.js';

beforeAll(ensureCliBuilt, 300_000);

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

/** A temporary folder with `files`, removed after the test. */
function folderWith(files: Record<string, string | Uint8Array>): string {
    const folder = makeFolder(files);
    folders.push(folder);
    return folder.dir;
}

/** What every run must never print: a stack trace or an internal error. */
function expectNoCrash(stderr: string): void {
    expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(stderr).not.toContain('internal error');
}

/** The `--format json` output of a run. */
function parseJson(stdout: string): Array<Record<string, unknown>> {
    return JSON.parse(stdout) as Array<Record<string, unknown>>;
}

describe('journey check: results and exit codes', () => {
    test('a clean file exits 0 and says there are no problems', async () => {
        const cwd = folderWith({ 'booking.journey': CLEAN_MAP });
        const run = await runJourney(['check', 'booking.journey'], { cwd });
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('1 file checked, no problems');
        expect(run.status).toBe(0);
    });

    test('a syntax error exits 1 with file:line:col error at the offending word', async () => {
        const cwd = folderWith({ 'broken.journey': SYNTAX_ERROR_MAP });
        const run = await runJourney(['check', 'broken.journey'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stdout).toContain(located('broken.journey', SYNTAX_ERROR_AT));
        expect(run.stdout).toContain('[parsing-error]');
        expect(run.stderr).toMatch(/^1 error in 1 file$/m);
    });

    test('an unknown reference is reported at the reference and the message names what exists', async () => {
        const cwd = folderWith({ 'unknown.journey': UNKNOWN_PERSONA_MAP });
        const run = await runJourney(['check', 'unknown.journey', '--format', 'json'], { cwd });
        expect(run.status).toBe(1);
        const [diagnostic] = parseJson(run.stdout).filter((d) => d.code === 'linking-error');
        expect(diagnostic).toMatchObject({ file: 'unknown.journey', ...UNKNOWN_PERSONA_AT, endColumn: UNKNOWN_PERSONA_AT.column + 3, severity: 'error' });
        expect(diagnostic.message).toContain('bob');
        expect(diagnostic.message).toContain('alex');
        expect(diagnostic.message).toContain('sam');
    });

    test('binary garbage (random bytes with NUL) gets diagnostics and exit 1, never a stack trace', async () => {
        const random = seededRandom(42);
        const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i % 97 === 0 ? 0 : Math.floor(random() * 256)));
        const cwd = folderWith({ 'garbage.journey': bytes });
        const run = await runJourney(['check', 'garbage.journey'], { cwd });
        expect(run.status).toBe(1);
        expectNoCrash(run.stderr);
        expect(run.stdout).toMatch(/^garbage\.journey:1:1 error /m);
        expect(run.stdout).toContain('[invalid-encoding]');
        // Control characters quoted by messages are made visible, so the terminal is never garbled.
        expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    });

    test('a file with invalid UTF-8 inside a label is parsed and the first bad byte is located', async () => {
        const text = Buffer.concat([Buffer.from('journey j "J" {\n  stage s "caf'), Buffer.from([0xff, 0xfe]), Buffer.from('" {\n  }\n}\n')]);
        const cwd = folderWith({ 'latin1.journey': text });
        const run = await runJourney(['check', 'latin1.journey', '--format', 'json'], { cwd });
        expect(run.status).toBe(1);
        const diagnostics = parseJson(run.stdout);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
            expect.objectContaining({ code: 'invalid-encoding', line: 2, column: 15, endColumn: 16 }),
        ]);
    });

    test('an empty file does not crash', async () => {
        const cwd = folderWith({ 'empty.journey': '' });
        const run = await runJourney(['check', 'empty.journey'], { cwd });
        expectNoCrash(run.stderr);
        // An empty file is a valid file of shared declarations that declares nothing yet.
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^1 file checked, no problems/m);
    });

    test.runIf(process.platform === 'linux')('a file that exists but cannot be read is named with the reason, exit 2', async () => {
        // As root, permissions do not stop a read: a link to /proc/self/mem fails with EIO whoever reads it.
        const cwd = folderWith({ 'booking.journey': CLEAN_MAP });
        symlinkSync('/proc/self/mem', path.join(cwd, 'unreadable.journey'));
        const run = await runJourney(['check', 'unreadable.journey'], { cwd });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('journey: unreadable.journey: cannot be read (EIO).');
        expectNoCrash(run.stderr);
    });

    test('CRLF line endings give the same lines and columns', async () => {
        const cwd = folderWith({ 'crlf.journey': SYNTAX_ERROR_MAP.replace(/\n/g, '\r\n'), 'clean.journey': CLEAN_MAP.replace(/\n/g, '\r\n') });
        const run = await runJourney(['check', 'crlf.journey', 'clean.journey'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stdout).toContain(located('crlf.journey', SYNTAX_ERROR_AT));
        expect(run.stdout).not.toContain('clean.journey');
    });

    test('a UTF-8 byte-order mark is not a character of line 1', async () => {
        const cwd = folderWith({ 'bom.journey': '\uFEFF' + SYNTAX_ERROR_MAP, 'clean.journey': '\uFEFF' + CLEAN_MAP });
        const run = await runJourney(['check', 'bom.journey', 'clean.journey'], { cwd });
        expect(run.stdout.trim().split('\n').filter((line) => line.includes('[parsing-error]'))).toEqual([
            expect.stringContaining(located('bom.journey', SYNTAX_ERROR_AT)),
        ]);
        expect(run.stdout).not.toContain('clean.journey');
    });

    test('labels with accents, emoji, CJK and Arabic are clean', async () => {
        const cwd = folderWith({ 'intl.journey': NON_LATIN_MAP });
        const run = await runJourney(['check', 'intl.journey'], { cwd });
        expect(run.stdout).toBe('');
        expect(run.status).toBe(0);
    });

    test('warnings alone exit 0; --max-warnings 0 turns them into exit 1; --quiet hides them', async () => {
        // A score for a persona that is not on the touchpoint is a warning, not an error.
        const text = [
            'journey warned "Warned" {',
            '  persona alex "Alex"',
            '  persona sam "Sam"',
            '  stage s "S" {',
            '    touchpoint t "T" {',
            '      persona sam',
            '      emotion 3',
            '      emotion 2 for alex',
            '    }',
            '  }',
            '}',
            '',
        ].join('\n');
        const cwd = folderWith({ 'warned.journey': text });
        const json = parseJson((await runJourney(['check', 'warned.journey', '--format', 'json'], { cwd })).stdout);
        expect(json.length).toBeGreaterThan(0);
        expect(json.every((d) => d.severity !== 'error')).toBe(true);
        expect(json.some((d) => d.severity === 'warning')).toBe(true);

        expect((await runJourney(['check', 'warned.journey'], { cwd })).status).toBe(0);
        const strict = await runJourney(['check', 'warned.journey', '--max-warnings', '0'], { cwd });
        expect(strict.status).toBe(1);
        expect(strict.stderr).toContain('--max-warnings 0');
        const quiet = await runJourney(['check', 'warned.journey', '--quiet'], { cwd });
        expect(quiet.stdout).toBe('');
        expect(quiet.status).toBe(0);
    });
});

describe('journey check: which files', () => {
    test('- reads stdin and reports it as stdin.journey, or as --stdin-name', async () => {
        const cwd = folderWith({});
        const plain = await runJourney(['check', '-'], { cwd, input: SYNTAX_ERROR_MAP });
        expect(plain.status).toBe(1);
        expect(plain.stdout).toContain(located('stdin.journey', SYNTAX_ERROR_AT));

        const named = await runJourney(['check', '-', '--stdin-name', 'maps/piped.journey'], { cwd, input: SYNTAX_ERROR_MAP });
        expect(named.stdout).toContain(located('maps/piped.journey', SYNTAX_ERROR_AT));
    });

    test('stdin named into a folder sees the shared declarations of that folder', async () => {
        const cwd = folderWith({ 'maps/shared.journey': SHARED_DECLARATIONS });
        const run = await runJourney(['check', '-', '--stdin-name', 'maps/support.journey'], { cwd, input: MAP_USING_SHARED });
        expect(run.stdout).toBe('');
        expect(run.status).toBe(0);
    });

    test('globs expand to .journey files (sorted, node_modules skipped) and every file is reported by its relative path', async () => {
        const cwd = folderWith({
            'maps/a/one.journey': CLEAN_MAP.replace('booking', 'one'),
            'maps/b/two.journey': SYNTAX_ERROR_MAP,
            'maps/b/notes.txt': 'not a map',
            'maps/node_modules/dep/three.journey': SYNTAX_ERROR_MAP.replace('broken', 'three'),
        });
        const run = await runJourney(['check', 'maps/**/*.journey'], { cwd });
        expect(run.status).toBe(1);
        expect(run.stdout).toContain(located(path.join('maps', 'b', 'two.journey'), SYNTAX_ERROR_AT));
        expect(run.stdout).not.toContain('three.journey');
        expect(run.stderr).toContain('in 1 of 2 files');
    });

    test('a folder stands for its .journey files and those of its subfolders (node_modules skipped), as `journey check .`', async () => {
        const cwd = folderWith({
            'maps/a/one.journey': CLEAN_MAP.replace('booking', 'one'),
            'maps/b/two.journey': SYNTAX_ERROR_MAP,
            'maps/b/notes.txt': 'not a map',
            'maps/node_modules/dep/three.journey': SYNTAX_ERROR_MAP.replace('broken', 'three'),
        });
        for (const folder of ['maps', '.']) {
            const run = await runJourney(['check', folder], { cwd });
            expect(run.status, folder).toBe(1);
            expect(run.stdout).toContain(located(path.join('maps', 'b', 'two.journey'), SYNTAX_ERROR_AT));
            expect(run.stdout).not.toContain('three.journey');
            expect(run.stderr).toContain('in 1 of 2 files');
        }
    });

    test('diagnostics are sorted by file, then line and column', async () => {
        const cwd = folderWith({ 'z.journey': SYNTAX_ERROR_MAP.replace('broken', 'z'), 'a.journey': UNKNOWN_PERSONA_MAP.replace('{', '{\n  oops') });
        const run = await runJourney(['check', 'z.journey', 'a.journey', '--format', 'json'], { cwd });
        const keys = parseJson(run.stdout).map((d) => [d.file, d.line, d.column] as [string, number, number]);
        const sorted = [...keys].sort((x, y) => x[0].localeCompare(y[0]) || x[1] - y[1] || x[2] - y[2]);
        expect(keys.length).toBeGreaterThan(2);
        expect(keys).toEqual(sorted);
    });

    test('personas, channels and teams of a shared file in the same folder resolve; only requested files are reported', async () => {
        const cwd = folderWith({
            'personas.journey': SHARED_DECLARATIONS,
            'support.journey': MAP_USING_SHARED,
            'unrelated-broken.journey': SYNTAX_ERROR_MAP,
        });
        const run = await runJourney(['check', 'support.journey'], { cwd });
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('1 file checked, no problems');
        expect(run.status).toBe(0);
    });

    test('a shared file elsewhere resolves only with --workspace', async () => {
        const cwd = folderWith({ 'shared/people.journey': SHARED_DECLARATIONS, 'maps/support.journey': MAP_USING_SHARED });
        const alone = await runJourney(['check', 'maps/support.journey', '--format', 'json'], { cwd });
        expect(alone.status).toBe(1);
        expect(parseJson(alone.stdout).map((d) => d.code)).toContain('linking-error');

        const withWorkspace = await runJourney(['check', 'maps/support.journey', '--workspace', '.'], { cwd });
        expect(withWorkspace.stdout).toBe('');
        expect(withWorkspace.status).toBe(0);
    });
});

describe('journey check: usage errors exit 2', () => {
    test('a missing file names the path', async () => {
        const cwd = folderWith({ 'booking.journey': CLEAN_MAP });
        const run = await runJourney(['check', 'booking.journey', 'missing/nowhere.journey'], { cwd });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('missing/nowhere.journey');
        expect(run.stdout).toBe('');
        expectNoCrash(run.stderr);
    });

    test('a folder without maps, a glob matching nothing, a non-.journey file and a missing --workspace each name the path', async () => {
        const cwd = folderWith({ 'maps/booking.journey': CLEAN_MAP, 'notes.txt': 'hello', 'empty/notes.txt': 'no map here' });
        for (const [args, named] of [
            [['check', 'empty'], 'empty: this folder holds no .journey file'],
            [['check', 'nothing/**/*.journey'], 'nothing/**/*.journey'],
            [['check', 'notes.txt'], 'notes.txt: not a .journey file. Maps are read from files whose names end in .journey: rename it if it holds a map.'],
            [['check', '-', '--stdin-name', 'piped.txt'], '--stdin-name piped.txt: the name of the file stdin stands for must end in .journey'],
            [['check', 'maps/booking.journey', '--workspace', 'absent'], 'absent'],
        ] as const) {
            const run = await runJourney([...args], { cwd });
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr).toContain(named);
            expectNoCrash(run.stderr);
        }
    });

    test('render of several maps needs a folder to write into; diff, which compares one file with one, refuses a glob naming several', async () => {
        const cwd = folderWith({ 'maps/a.journey': CLEAN_MAP.replace('booking', 'a'), 'maps/b.journey': CLEAN_MAP.replace('booking', 'b') });
        const render = await runJourney(['render', 'maps'], { cwd });
        expect(render.status).toBe(2);
        expect(render.stderr).toContain('2 maps to render: name a folder with --out (for example --out pictures/), which gets one file per view and map.');
        expect(render.stdout).toBe('');
        const diff = await runJourney(['diff', 'maps/*.journey', 'maps/b.journey'], { cwd });
        expect(diff.status).toBe(2);
        expect(diff.stderr).toContain('diff compares one old file with one new file, but maps/*.journey names 2 files');
        expect(diff.stdout).toBe('');
    });

    test('render of several maps writes every view of each into the --out folder, skipping files of shared declarations', async () => {
        const cwd = folderWith({
            'maps/a.journey': CLEAN_MAP.replace('booking', 'a'),
            'maps/b.journey': CLEAN_MAP.replace('booking', 'b'),
            'maps/people.journey': 'channel web "Web" online\n',
        });
        const mermaid = await runJourney(['render', 'maps', '--view', 'flow', '--out', 'out'], { cwd });
        expect(mermaid.status, mermaid.stderr).toBe(0);
        expect(mermaid.stderr).toContain(`journey: skipped ${path.join('maps', 'people.journey')} (only shared personas, channels or teams)`);
        expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['a-flow.mmd', 'b-flow.mmd']);
        expect(readFileSync(path.join(cwd, 'out', 'b-flow.mmd'), 'utf8')).toMatch(/^---\nconfig:\n[\s\S]*\n---\nflowchart LR\n/);
        const markdown = await runJourney(['render', 'maps/a.journey', 'maps/b.journey', '--format', 'markdown', '--out', 'docs'], { cwd });
        expect(markdown.status, markdown.stderr).toBe(0);
        expect(readdirSync(path.join(cwd, 'docs')).sort()).toEqual(['a.md', 'b.md']);
    });

    test('render of several maps writes nothing when one has an error, and refuses two maps of the same name', async () => {
        const cwd = folderWith({
            'maps/a.journey': CLEAN_MAP.replace('booking', 'a'),
            'maps/b.journey': CLEAN_MAP.replace('booking', 'b').replace('emotion 4', 'emotion 9'),
            'other/a.journey': CLEAN_MAP.replace('booking', 'other_a'),
            'up/Trip.journey': CLEAN_MAP.replace('booking', 'trip_up'),
            'low/trip.journey': CLEAN_MAP.replace('booking', 'trip_low'),
        });
        const broken = await runJourney(['render', 'maps', '--out', 'out'], { cwd });
        expect(broken.status).toBe(1);
        expect(broken.stderr).toMatch(/^maps[\\/]b\.journey:\d+:\d+ error /m);
        expect(broken.stderr).toContain(`journey: ${path.join('maps', 'b.journey')} has 1 error: nothing rendered.`);
        expect(existsSync(path.join(cwd, 'out'))).toBe(false);
        const clash = await runJourney(['render', 'maps/a.journey', 'other/a.journey', '--out', 'out'], { cwd });
        expect(clash.status).toBe(2);
        expect(clash.stderr).toContain(`${path.join('maps', 'a.journey')} and ${path.join('other', 'a.journey')} would write files of the same names (a-…) into out`);
        // Names that differ only in case are the same files on macOS and Windows.
        const cased = await runJourney(['render', 'low/trip.journey', 'up/Trip.journey', '--out', 'out'], { cwd });
        expect(cased.status, cased.stderr).toBe(2);
        expect(cased.stderr).toContain('would write files of the same names (Trip-…)');
        expect(existsSync(path.join(cwd, 'out'))).toBe(false);
    });

    test('an unknown option, a bad --format, a bad --max-warnings and no files are usage errors', async () => {
        const cwd = folderWith({ 'booking.journey': CLEAN_MAP });
        for (const args of [
            ['check', 'booking.journey', '--bogus'],
            ['check', 'booking.journey', '--format', 'yaml'],
            ['check', 'booking.journey', '--max-warnings', 'many'],
            ['check'],
            ['frobnicate'],
            [],
        ]) {
            const run = await runJourney(args, { cwd });
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr.length, args.join(' ')).toBeGreaterThan(0);
        }
    });
});

describe('journey: output formats, help and version', () => {
    test('--format json is an array of {file, line, column, endLine, endColumn, severity, code, message, source}', async () => {
        const cwd = folderWith({ 'broken.journey': SYNTAX_ERROR_MAP });
        const run = await runJourney(['check', 'broken.journey', '--format', 'json'], { cwd });
        const diagnostics = parseJson(run.stdout);
        expect(diagnostics).toContainEqual({
            file: 'broken.journey',
            ...SYNTAX_ERROR_AT,
            endLine: SYNTAX_ERROR_AT.line,
            endColumn: SYNTAX_ERROR_AT.column + 'oops'.length,
            severity: 'error',
            code: 'parsing-error',
            message: expect.any(String),
            source: 'journey',
        });
        expect(run.status).toBe(1);
    });

    test('a clean file gives an empty JSON array', async () => {
        const cwd = folderWith({ 'booking.journey': CLEAN_MAP });
        const run = await runJourney(['check', 'booking.journey', '-f', 'json'], { cwd });
        expect(JSON.parse(run.stdout)).toEqual([]);
    });

    test('colours only when asked by the environment, never with NO_COLOR', async () => {
        const cwd = folderWith({ 'broken.journey': SYNTAX_ERROR_MAP });
        const plain = await runJourney(['check', 'broken.journey'], { cwd });
        expect(plain.stdout).not.toContain('\u001b[');
        const forced = await runJourney(['check', 'broken.journey'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
        expect(forced.stdout).toContain('\u001b[31merror\u001b[39m');
        const both = await runJourney(['check', 'broken.journey'], { cwd, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
        expect(both.stdout).not.toContain('\u001b[');
    });

    test('--help lists the verbs and examples; --version prints the package version', async () => {
        const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
        const help = await runJourney(['--help'], { cwd: ROOT });
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('check');
        expect(help.stdout).toContain('Examples:');
        const checkHelp = await runJourney(['check', '--help'], { cwd: ROOT });
        expect(checkHelp.stdout).toContain('--format <format>');
        expect(checkHelp.status).toBe(0);
        const versionRun = await runJourney(['--version'], { cwd: ROOT });
        expect(versionRun.stdout.trim()).toBe(version);
        expect(versionRun.status).toBe(0);
    });
});
