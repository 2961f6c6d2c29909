/**
 * `journey diff` against what careless users and hostile pull requests bring, run as a real
 * process in a real git repository: a map that does not parse, a misspelt path, file names
 * holding backticks and line breaks, labels holding terminal escapes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, makeFolder, runJourney } from './run-journey.js';
import { githubRawHtml, structureOf } from '../support/github-markdown.js';

const GIT_ENV = {
    GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

const MAP = `journey shop "Shop" {
  stage one "One" {
    touchpoint a "Visits" {
      emotion 2
    }
    touchpoint b "Buys" {
      emotion 4
    }
  }
  stage two "Two" {
    touchpoint c "Comes back" {
      emotion 3
    }
  }
}
`;

let repo: { dir: string; remove: () => void };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV } }).toString();
const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
    writeFileSync(path.join(repo.dir, file), text);
};

beforeAll(async () => {
    await ensureCliBuilt();
    repo = makeFolder({});
    git('init', '-q', '-b', 'main');
    write('maps/shop.journey', MAP);
    // File names a pull request could bring to the base branch: a backtick, a line break starting a heading.
    write('maps/a`<img src=x>`.journey', MAP.replace('journey shop', 'journey tick'));
    write('maps/b\n# Injected heading.journey', MAP.replace('journey shop', 'journey newline'));
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
}, 120_000);
afterAll(() => repo?.remove());

describe('journey diff on hostile and broken input', () => {
    test('a map with a syntax error: the Markdown and the JSON say it was not compared, with no phantom removals', async () => {
        write('maps/shop.journey', MAP.replace('"Buys"', '"Buys'));
        try {
            const markdown = await runJourney(['diff', '--git', 'HEAD', 'maps/shop.journey', '--format', 'markdown', '--no-pictures'], { cwd: repo.dir });
            expect(markdown.status, markdown.stderr).toBe(0);
            expect(markdown.stdout).toMatch(/`maps\/shop\.journey` \(modified\): the new version has \d+ syntax errors?, so this map was not compared/);
            expect(markdown.stdout).not.toMatch(/removed/);
            expect(markdown.stderr).toContain('not compared');
            const json = await runJourney(['diff', '--git', 'HEAD', 'maps/shop.journey', '--format', 'json'], { cwd: repo.dir });
            const report = JSON.parse(json.stdout) as { changed: boolean; files: Array<{ path: string; syntaxErrors?: { after?: number }; compared?: boolean; journeys: unknown[] }> };
            expect(report.changed).toBe(true);
            expect(report.files).toEqual([expect.objectContaining({ path: 'maps/shop.journey', compared: false, journeys: [], syntaxErrors: { after: expect.any(Number) } })]);
            const text = await runJourney(['diff', '--git', 'HEAD', 'maps/shop.journey'], { cwd: repo.dir });
            expect(text.stdout).toContain('so this map was not compared');
            expect(text.stdout).not.toContain('removed');
        } finally {
            write('maps/shop.journey', MAP);
        }
    });

    test('leftover merge-conflict markers are a map that does not parse, not a clean relabel', async () => {
        write('maps/shop.journey', MAP.replace('    touchpoint a "Visits" {', '<<<<<<< HEAD\n    touchpoint a "Visits" {\n=======\n    touchpoint a "Visits us" {\n>>>>>>> feature'));
        try {
            const run = await runJourney(['diff', '--git', 'HEAD', 'maps/', '--format', 'markdown', '--no-pictures'], { cwd: repo.dir });
            expect(run.stdout).toContain('so this map was not compared');
            expect(run.stdout).not.toMatch(/label “/);
        } finally {
            write('maps/shop.journey', MAP);
        }
    });

    test('a misspelt path or a missing folder is an error (exit 2), never "no changes"', async () => {
        for (const typo of ['maps/shop.jouney', 'mpas/']) {
            const run = await runJourney(['diff', '--git', 'HEAD', typo, '--exit-code'], { cwd: repo.dir });
            expect(run.status, run.stderr).toBe(2);
            expect(run.stderr).toContain(`${typo}: no such file or folder`);
        }
        const existing = await runJourney(['diff', '--git', 'HEAD', 'maps/', '--exit-code'], { cwd: repo.dir });
        expect(existing.status, existing.stderr).toBe(0);
    });

    test('file names holding a backtick or a line break: diff --git reads them, and each stays inside its code span', async () => {
        write('maps/a`<img src=x>`.journey', MAP.replace('journey shop', 'journey tick').replace('emotion 2', 'emotion 5'));
        write('maps/b\n# Injected heading.journey', MAP.replace('journey shop', 'journey newline').replace('emotion 2', 'emotion 5'));
        try {
            const run = await runJourney(['diff', '--git', 'HEAD', '--format', 'markdown', '--no-pictures'], { cwd: repo.dir });
            expect(run.status, run.stderr).toBe(0);
            const page = structureOf(githubRawHtml(run.stdout));
            // Two maps, two headings (h3) and no other: the line break did not start one.
            expect(page.elements.filter((element) => /^h\d$/.test(element))).toEqual(['h2', 'h3', 'h4', 'h3', 'h4']);
            expect(page.elements).not.toContain('img');
            expect(run.stdout).toContain('``a`<img src=x>`.journey``'.replace('``a', '``maps/a'));
            expect(run.stdout).toContain('`maps/b␊# Injected heading.journey`');
        } finally {
            git('checkout', '-q', '--', '.');
        }
    });

    test('terminal escapes in labels reach the text report only as visible pictures', async () => {
        write('maps/shop.journey', MAP.replace('"Visits"', '"Visits \u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007"'));
        try {
            const run = await runJourney(['diff', '--git', 'HEAD', 'maps/shop.journey'], { cwd: repo.dir });
            expect(run.status, run.stderr).toBe(0);
            expect(run.stdout).toContain('Visits ␛[2J␛]8;;https://evil.example␇link␛]8;;␇');
            // eslint-disable-next-line no-control-regex
            expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
        } finally {
            write('maps/shop.journey', MAP);
        }
    });
});
