/**
 * `journey diff --git`, run as a real process against a real temporary git repository with
 * several commits: modified, added, deleted and renamed maps, a shared personas file that
 * changes too, uncommitted and untracked work, revision ranges and path limits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_MAP, MAP_USING_SHARED, SHARED_DECLARATIONS } from './fixtures.js';
import { ensureCliBuilt, makeFolder, runJourney } from './run-journey.js';

const GIT_ENV = {
    GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

function write(root: string, file: string, text: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
}

function commit(root: string, message: string): void {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', message);
}

const ORDER_MAP = `journey order "Orders a pizza" {
  stage order "Order" {
    touchpoint calls "Calls the shop" { emotion 2 }
  }
}
`;
const LEAVING_MAP = `journey leaving "Cancels" {
  stage cancel "Cancel" {
    touchpoint cancels "Cancels online" { emotion 1 }
  }
}
`;

let repo: { dir: string; remove: () => void };

beforeAll(async () => {
    await ensureCliBuilt();
    repo = makeFolder({});
    const root = repo.dir;
    git(root, 'init', '-q', '-b', 'main');
    // Commit 1: a shared personas file, a map using it, a map to delete, a map to rename.
    write(root, 'people.journey', SHARED_DECLARATIONS);
    write(root, 'support.journey', MAP_USING_SHARED);
    write(root, 'booking.journey', CLEAN_MAP);
    write(root, 'leaving.journey', LEAVING_MAP);
    write(root, 'order.journey', ORDER_MAP);
    write(root, 'README.md', 'not a map\n');
    commit(root, 'first maps');
    git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    // Commit 2: the shared team relabelled, a map changed, one deleted, one renamed into maps/, one added.
    write(root, 'people.journey', SHARED_DECLARATIONS.replace('"Support"', '"Customer care"'));
    write(root, 'booking.journey', CLEAN_MAP.replace('emotion 3', 'emotion 4'));
    rmSync(path.join(root, 'leaving.journey'));
    mkdirSync(path.join(root, 'maps'));
    renameSync(path.join(root, 'order.journey'), path.join(root, 'maps', 'order.journey'));
    write(root, 'maps/new.journey', ORDER_MAP.replace('journey order "Orders a pizza"', 'journey delivery "Gets the pizza"').replace('calls "Calls the shop"', 'rings "Hears the bell"'));
    commit(root, 'second maps');
}, 300_000);

afterAll(() => repo?.remove());

describe('journey diff --git', () => {
    test('a revision range lists modified, added, deleted and renamed maps, and shared declarations at each revision', async () => {
        const run = await runJourney(['diff', '--git', 'HEAD~1..HEAD'], { cwd: repo.dir });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('booking.journey (modified): Booking a home cleaning [booking]');
        expect(run.stdout).toContain('~ touchpoint “Finds us” (finds): emotion 3 → 4 (better)');
        expect(run.stdout).toContain('leaving.journey (deleted): Cancels [leaving]');
        expect(run.stdout).toContain('maps/new.journey (added): Gets the pizza [delivery]');
        expect(run.stdout).toContain('order.journey → maps/order.journey (renamed): Orders a pizza [order]');
        // The shared team's new label is seen (each side is loaded whole) and listed once, with the file that declares it;
        // the map that uses it changed in nothing else, so it is not repeated.
        expect(run.stdout).toContain('people.journey (modified): shared personas, channels and teams: 1 team changed\n'
            + '  ~ team “Customer care” (support): label “Support” → “Customer care”\n  used by support.journey\n');
        expect(run.stdout.split('label “Support” → “Customer care”')).toHaveLength(2);
        expect(run.stdout).not.toContain('support.journey (modified)');
        expect(run.stdout).not.toContain('README');
    });

    test('against the working tree: uncommitted edits, untracked maps and deleted files count', async () => {
        const root = repo.dir;
        write(root, 'booking.journey', CLEAN_MAP.replace('emotion 3', 'emotion 4').replace('emotion 4\n    }\n  }\n}', 'emotion 2\n    }\n  }\n}'));
        write(root, 'maps/fresh.journey', LEAVING_MAP.replace('journey leaving', 'journey fresh'));
        rmSync(path.join(root, 'support.journey'));
        try {
            const run = await runJourney(['diff', '--git', 'HEAD'], { cwd: root });
            expect(run.status).toBe(0);
            expect(run.stdout).toContain('~ touchpoint “Books online” (books): emotion 4 → 2 (worse)');
            expect(run.stdout).toContain('maps/fresh.journey (added)');
            expect(run.stdout).toContain('support.journey (deleted)');
            expect(run.stdout).not.toContain('maps/order.journey');
        } finally {
            git(root, 'checkout', '-q', '--', '.');
            git(root, 'clean', '-q', '-f', '--', 'maps/fresh.journey');
        }
    });

    test('no changes: nothing on stdout, exit 0 even with --exit-code; changes with --exit-code exit 1', async () => {
        const clean = await runJourney(['diff', '--git', 'HEAD', '--exit-code'], { cwd: repo.dir });
        expect(clean.stdout).toBe('');
        expect(clean.stderr).toBe('no changes\n');
        expect(clean.status).toBe(0);
        const changed = await runJourney(['diff', '--git', 'HEAD~1', '--exit-code'], { cwd: repo.dir });
        expect(changed.status).toBe(1);
    });

    test('paths limit the report, relative to the folder it runs in', async () => {
        const fromRoot = await runJourney(['diff', '--git', 'HEAD~1', 'maps'], { cwd: repo.dir });
        expect(fromRoot.stdout).toContain('maps/new.journey (added)');
        expect(fromRoot.stdout).toContain('order.journey → maps/order.journey (renamed)');
        expect(fromRoot.stdout).not.toContain('booking.journey');
        const fromMaps = await runJourney(['diff', '--git', 'HEAD~1', 'new.journey', '--format', 'json'], { cwd: path.join(repo.dir, 'maps') });
        const report = JSON.parse(fromMaps.stdout) as { files: Array<{ path: string; status: string }> };
        expect(report.files.map((file) => `${file.path} ${file.status}`)).toEqual(['maps/new.journey added']);
    });

    test('the pull-request workflow\'s command: Markdown against origin/<base branch>', async () => {
        const run = await runJourney(['diff', '--git', 'origin/main', '--format', 'markdown'], { cwd: repo.dir });
        expect(run.status).toBe(0);
        expect(run.stdout.startsWith('<!-- journey-diff -->\n## Journey map changes\n')).toBe(true);
        expect(run.stdout).toContain('`leaving.journey` (deleted)');
        expect(run.stdout).toContain('Map deleted (it had 1 stage, 1 touchpoint, mean emotion 1.0).');
        expect(run.stdout).toContain('New map: 1 stage, 1 touchpoint, mean emotion 2.0.');
        expect(run.stdout).toContain('`order.journey` → `maps/order.journey` (renamed)');
    });

    test('A...B compares B with where it left A, as git diff does; A..B compares the two as they are', async () => {
        const root = repo.dir;
        git(root, 'checkout', '-q', '-b', 'feature', 'HEAD~1');
        write(root, 'order.journey', ORDER_MAP.replace('emotion 2', 'emotion 5'));
        commit(root, 'a happier order on a branch');
        git(root, 'checkout', '-q', 'main');
        const since = await runJourney(['diff', '--git', 'main...feature'], { cwd: root });
        expect(since.status, since.stderr).toBe(0);
        expect(since.stdout).toContain('order.journey (modified): Orders a pizza [order]');
        expect(since.stdout).toContain('emotion 2 → 5 (better)');
        expect(since.stdout).not.toContain('leaving.journey');
        expect(since.stdout).not.toContain('maps/new.journey');
        const between = await runJourney(['diff', '--git', 'main..feature'], { cwd: root });
        expect(between.stdout).toContain('leaving.journey (added)');
        expect(between.stdout).toContain('maps/new.journey (deleted)');
    });

    test('an unknown revision or a folder outside git exits 2 with a message saying what to do', async () => {
        const unknown = await runJourney(['diff', '--git', 'no-such-branch'], { cwd: repo.dir });
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('unknown git revision "no-such-branch"');
        const outside = makeFolder({ 'a.journey': CLEAN_MAP });
        try {
            const run = await runJourney(['diff', '--git', 'HEAD'], { cwd: outside.dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside.dir) } });
            expect(run.status).toBe(2);
            expect(run.stderr).toContain('is not inside a git repository');
        } finally {
            outside.remove();
        }
    });
});
