/**
 * The CLI against odd files and destinations, as a real process: an empty argument, `--out`
 * names that look like files or folders, a full disk, a binary file saved as .journey, a sibling
 * map this user cannot read (the CLI run as another user), a UTF-16 map, and a symbolic link
 * out of the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_MAP } from './fixtures.js';
import { ensureCliBuilt, JOURNEY, makeFolder, NODE, runJourney } from './run-journey.js';

let folders: Array<() => void> = [];
function folder(files: Record<string, string | Uint8Array>): string {
    const made = makeFolder(files);
    folders.push(made.remove);
    return made.dir;
}

beforeAll(async () => {
    await ensureCliBuilt();
}, 300_000);
afterEach(() => {
    folders.forEach((remove) => remove());
    folders = [];
});

describe('odd arguments and destinations', () => {
    test('check "" is a usage error, not a check of the whole folder', async () => {
        const dir = folder({ 'a.journey': CLEAN_MAP });
        const run = await runJourney(['check', ''], { cwd: dir });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('an empty file name was given');
    });

    test('render --out: a name ending in a slash is a folder, whatever its dots; "" and a file for several views are usage errors; a full disk is said plainly', async () => {
        const dir = folder({ 'a.journey': CLEAN_MAP, 'existing': 'not a folder' });
        const intoFolder = await runJourney(['render', 'a.journey', '--out', 'site.v2/'], { cwd: dir });
        expect(intoFolder.status, intoFolder.stderr).toBe(0);
        expect(statSync(path.join(dir, 'site.v2')).isDirectory()).toBe(true);
        expect(readdirSync(path.join(dir, 'site.v2')).length).toBeGreaterThan(1);
        for (const [out, message] of [['', '--out is empty'], ['existing', 'names one file (existing)']] as const) {
            const run = await runJourney(['render', 'a.journey', '--out', out], { cwd: dir });
            expect(run.status, `${out}: ${run.stderr}`).toBe(2);
            expect(run.stderr).toContain(message);
            expect(run.stderr).not.toContain('internal error');
        }
        const full = await runJourney(['render', 'a.journey', '--view', 'flow', '--out', '/dev/full'], { cwd: dir });
        expect(full.status).toBe(2);
        expect(full.stderr).toContain('cannot write /dev/full (ENOSPC)');
        expect(full.stderr).not.toContain('internal error');
    });

    test('a binary file saved as .journey gives an error saying it is not text, not thousands', async () => {
        const bytes = Buffer.alloc(40_000);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
        const dir = folder({ 'photo.journey': bytes });
        const run = await runJourney(['check', 'photo.journey'], { cwd: dir });
        expect(run.status).toBe(1);
        // At most the first invalid byte (when it is not UTF-8 either) and the NUL byte.
        expect(run.stdout.trim().split('\n').length).toBeLessThanOrEqual(2);
        expect(run.stdout).toContain('This file is not text');
        expect(run.stdout).toContain('[not-text]');
    });

    test('a map saved as UTF-16 without a byte-order mark is named as such, in one error (not "not text")', async () => {
        const dir = folder({ 'le.journey': Buffer.from(CLEAN_MAP, 'utf16le'), 'be.journey': Buffer.from(CLEAN_MAP, 'utf16le').swap16() });
        for (const [file, encoding] of [['le.journey', 'UTF-16LE'], ['be.journey', 'UTF-16BE']]) {
            const run = await runJourney(['check', file], { cwd: dir });
            expect(run.status).toBe(1);
            expect(run.stdout.trim().split('\n'), run.stdout).toHaveLength(1);
            expect(run.stdout).toContain(`${file}:1:1 error This file looks like ${encoding} text without a byte-order mark: save it with the UTF-8 encoding. [invalid-encoding]`);
        }
    });

    test('format --check on a UTF-16 map says to convert it, rather than to run --write (which refuses it)', async () => {
        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_MAP.replace(/\n {2}/g, '\n      '), 'utf16le')]);
        const dir = folder({ 'wide.journey': utf16 });
        const run = await runJourney(['format', '--check', 'wide.journey'], { cwd: dir });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('utf-16le text: convert it to UTF-8 first');
        expect(run.stderr).not.toContain('Run journey format --write');
    });
});

describe('files another user cannot read, and links out of the repository', () => {
    test.runIf(process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0)('an unreadable sibling map is skipped with a warning naming it (the CLI run as nobody)', async () => {
        const dir = folder({ 'a.journey': CLEAN_MAP, 'secret.journey': CLEAN_MAP.replace('journey', 'journey other') });
        chmodSync(dir, 0o755);
        chmodSync(path.join(dir, 'a.journey'), 0o644);
        chmodSync(path.join(dir, 'secret.journey'), 0o600); // root's, unreadable to nobody
        const nobody = execFileSync('id', ['-u', 'nobody']).toString().trim();
        const run = spawnSync('setpriv', ['--reuid', nobody, '--regid', nobody, '--clear-groups', NODE, JOURNEY, 'check', 'a.journey'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(run.stderr).toContain('warning: secret.journey skipped: it cannot be read (EACCES)');
        expect(run.status, run.stderr).toBe(0);
    });

    test('diff --git in working-tree mode refuses a symbolic link that leads out of the repository, with a warning', async () => {
        const outside = folder({ 'private.journey': CLEAN_MAP.replace('journey', 'journey leaked') });
        const repo = folder({ 'maps/a.journey': CLEAN_MAP });
        const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e.invalid', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'base');
        mkdirSync(path.join(repo, 'links'));
        symlinkSync(path.join(outside, 'private.journey'), path.join(repo, 'links', 'private.journey'));
        symlinkSync(path.join(repo, 'maps', 'a.journey'), path.join(repo, 'links', 'inside.journey'));
        writeFileSync(path.join(repo, 'notes.txt'), 'x');
        const run = await runJourney(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: repo });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toMatch(/warning: links\/private\.journey skipped: it is a symbolic link to .*private\.journey, outside the repository/);
        const paths = (JSON.parse(run.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path);
        expect(paths).toContain('links/inside.journey');
        expect(paths).not.toContain('links/private.journey');
        expect(run.stdout).not.toContain('leaked');
    });
});

describe('symbolic links found in folders and globs', () => {
    test('check follows a link inside the folder it searches, and skips with a warning one that leads out of it', async () => {
        const outside = folder({ 'private.journey': 'journey leaked "Leaked" {\n  stage s "S" {\n    touchpoint t "T" { emotion 9 }\n  }\n}\n' });
        const dir = folder({ 'maps/a.journey': CLEAN_MAP });
        symlinkSync(path.join(outside, 'private.journey'), path.join(dir, 'maps', 'private.journey'));
        symlinkSync(path.join(dir, 'maps', 'a.journey'), path.join(dir, 'maps', 'alias.journey'));
        for (const argument of ['maps', 'maps/*.journey']) {
            const run = await runJourney(['check', argument], { cwd: dir });
            expect(run.stderr, argument).toMatch(/warning: .*private\.journey skipped: it is a symbolic link to .*private\.journey, outside/);
            expect(run.stdout, argument).not.toContain('private.journey');
            // a.journey and the link to it (the same journey twice: each says so).
            expect(run.stderr, argument).toMatch(/in 2 files\n$/);
            expect(run.stderr.match(/skipped/g), argument).toHaveLength(1);
        }
    });
});
