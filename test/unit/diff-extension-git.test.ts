/** The extension's "text at a git revision" (behind Compare with HEAD), against a real git repository. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textAtRevision } from '../../extension/src/diff/journey-diff-git.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
let root: string;

beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'journey-ext-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_ENV } });
    git('init', '-q', '-b', 'main');
    mkdirSync(path.join(root, 'maps'));
    writeFileSync(path.join(root, 'maps', 'a.journey'), 'journey a "One" {}\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'one');
    writeFileSync(path.join(root, 'maps', 'a.journey'), 'journey a "Two" {}\n');
    git('commit', '-q', '-a', '-m', 'two');
    writeFileSync(path.join(root, 'maps', 'a.journey'), 'journey a "Three, not committed" {}\n');
    writeFileSync(path.join(root, 'maps', 'new.journey'), 'journey n {}\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('textAtRevision', () => {
    test('reads a file as it was at HEAD and at an older revision, from its own folder', async () => {
        expect(await textAtRevision(path.join(root, 'maps', 'a.journey'), 'HEAD')).toBe('journey a "Two" {}\n');
        expect(await textAtRevision(path.join(root, 'maps', 'a.journey'), 'HEAD~1')).toBe('journey a "One" {}\n');
    });

    test('a file that did not exist at the revision reads as empty (everything in it is new)', async () => {
        expect(await textAtRevision(path.join(root, 'maps', 'new.journey'), 'HEAD')).toBe('');
    });

    test('an unknown revision and a folder outside git give plain messages', async () => {
        await expect(textAtRevision(path.join(root, 'maps', 'a.journey'), 'nope')).rejects.toThrow('git knows no revision "nope"');
        const outside = mkdtempSync(path.join(tmpdir(), 'journey-no-git-'));
        try {
            writeFileSync(path.join(outside, 'b.journey'), '');
            process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside);
            await expect(textAtRevision(path.join(outside, 'b.journey'), 'HEAD')).rejects.toThrow('is not in a git repository');
        } finally {
            delete process.env.GIT_CEILING_DIRECTORIES;
            rmSync(outside, { recursive: true, force: true });
        }
    });
});
