/** `journey format` as users run it: the built CLI in its own process, on real files. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { writeIfUnchanged } from '../../language-server/src/cli/format.js';
import { loadWorkspace } from '../../language-server/src/cli/workspace.js';

const cli = resolve('out/cli.cjs');
const messy = 'journey j {\nstage s { touchpoint t { emotion 3 } }\n}\n';
const tidy = 'journey j {\n  stage s {\n    touchpoint t {\n      emotion 3\n    }\n  }\n}\n';
let dir: string;

function journey(...args: string[]) {
    expect(existsSync(cli), 'out/cli.cjs is built by npm run build').toBe(true);
    const result = spawnSync(process.execPath, [cli, 'format', ...args], { cwd: dir, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-format-'));
    writeFileSync(join(dir, 'messy.journey'), messy);
    writeFileSync(join(dir, 'tidy.journey'), tidy);
    writeFileSync(join(dir, 'broken.journey'), 'journey x {\n  stage\n');
});

describe('journey format', () => {
    test('prints the formatted text of one file and leaves the file alone', () => {
        const result = journey('messy.journey');
        expect(result).toMatchObject({ code: 0, stdout: tidy });
        expect(readFileSync(join(dir, 'messy.journey'), 'utf8')).toBe(messy);
    });

    test('formats stdin to stdout', () => {
        const result = spawnSync(process.execPath, [cli, 'format', '-'], { cwd: dir, input: messy, encoding: 'utf8' });
        expect(result.stdout).toBe(tidy);
        expect(result.status).toBe(0);
    });

    test('--check lists the files that would change and exits 1', () => {
        const result = journey('--check', 'messy.journey', 'tidy.journey');
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('messy.journey\n');
        expect(result.stderr).toContain('1 file is not formatted');
        expect(readFileSync(join(dir, 'messy.journey'), 'utf8')).toBe(messy);
    });

    test('--check exits 0 when every file is formatted', () => {
        expect(journey('--check', 'tidy.journey')).toMatchObject({ code: 0, stdout: '' });
    });

    test('--write rewrites only the files that change, keeping their mode, and leaves no temporary file', () => {
        chmodSync(join(dir, 'messy.journey'), 0o640);
        const tidyBefore = statSync(join(dir, 'tidy.journey')).mtimeMs;
        const result = journey('--write', 'messy.journey', 'tidy.journey');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('formatted messy.journey\n');
        expect(readFileSync(join(dir, 'messy.journey'), 'utf8')).toBe(tidy);
        expect(statSync(join(dir, 'messy.journey')).mode & 0o777).toBe(0o640);
        expect(statSync(join(dir, 'tidy.journey')).mtimeMs).toBe(tidyBefore);
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    test('refuses a file with syntax errors: says where, never writes it, exits 1', () => {
        const result = journey('--write', 'broken.journey', 'messy.journey');
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^broken\.journey:2:\d+: not formatted: syntax error/m);
        expect(readFileSync(join(dir, 'broken.journey'), 'utf8')).toBe('journey x {\n  stage\n');
        expect(readFileSync(join(dir, 'messy.journey'), 'utf8')).toBe(tidy);
    });

    test('quotes the first syntax error in one sentence, with its position', () => {
        writeFileSync(join(dir, 'accent.journey'), 'journey x {\n  persona é "E"\n}\n');
        const result = journey('--check', 'accent.journey');
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`accent.journey:2:11: not formatted: syntax error: 'é' cannot be part of an id`);
        expect(result.stderr).toContain('between quotes: "é". Fix it first (journey check accent.journey');
        writeFileSync(join(dir, 'typo.journey'), 'journey x {\n  stage s {\n    touchpoint t {\n      emotoin 2\n    }\n  }\n}\n');
        expect(journey('--check', 'typo.journey').stderr).toContain("typo.journey:4:7: not formatted: syntax error: Expected '}' but found 'emotoin'. 'emotoin' is not a keyword that can stand here: is it misspelt? Did you mean 'emotion'? Fix it first");
    });

    test('keeps Windows line endings and a byte-order mark', () => {
        writeFileSync(join(dir, 'crlf.journey'), '\uFEFF' + messy.replace(/\n/g, '\r\n'));
        expect(journey('--write', 'crlf.journey').code).toBe(0);
        expect(readFileSync(join(dir, 'crlf.journey'), 'utf8')).toBe('\uFEFF' + tidy.replace(/\n/g, '\r\n'));
    });

    test('printing several files is a usage error that names --check and --write', () => {
        const result = journey('messy.journey', 'tidy.journey');
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/--check.*--write/);
    });

    test('--check and --write together are a usage error', () => {
        expect(journey('--check', '--write', 'messy.journey').code).toBe(2);
    });
});

describe('writing in place', () => {
    test('never overwrites a file that changed on disk since it was read', async () => {
        const workspace = await loadWorkspace(['messy.journey'], { cwd: dir });
        const file = workspace.requested[0]!;
        writeFileSync(file.path, messy + '// edited meanwhile\n');
        const result = await writeIfUnchanged(file, tidy);
        expect(result).toMatch(/changed on disk/);
        expect(readFileSync(file.path, 'utf8')).toBe(messy + '// edited meanwhile\n');
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
});

describe('writing through a symbolic link', () => {
    test('rewrites the file the link points to and keeps the link', async () => {
        const { symlinkSync, lstatSync } = await import('node:fs');
        dir = mkdtempSync(join(tmpdir(), 'journey-format-link-'));
        writeFileSync(join(dir, 'real.journey'), messy);
        symlinkSync('real.journey', join(dir, 'link.journey'));
        const result = spawnSync(process.execPath, [cli, 'format', '--write', 'link.journey'], { cwd: dir, encoding: 'utf8' });
        expect(result.status).toBe(0);
        expect(lstatSync(join(dir, 'link.journey')).isSymbolicLink()).toBe(true);
        expect(readFileSync(join(dir, 'real.journey'), 'utf8')).toBe(tidy);
    });
});
