/**
 * The ready GitHub workflow (examples/github/journey-review.yml, and this repository's own
 * .github/workflows/journeys.yml): well-formed, and its commands really work. GitHub cannot
 * run here, so the test runs the workflow's own `run:` steps with bash in a real git
 * repository shaped like a pull-request checkout, and its comment script against a fake
 * GitHub API, twice, to show it keeps ONE comment up to date.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, JOURNEY, makeFolder, NODE, ROOT } from './run-journey.js';

const EXAMPLE_WORKFLOW = path.join(ROOT, 'examples', 'github', 'journey-review.yml');
const OWN_WORKFLOW = path.join(ROOT, '.github', 'workflows', 'journeys.yml');

/** A workflow step as far as this test reads it. */
interface Step {
    name: string;
    uses?: string;
    run?: string;
    script?: string;
}

/** The steps of the `review` job: name, uses, run (one line or a `|` block) and github-script's `script` block. */
function stepsOf(yaml: string): Step[] {
    const lines = yaml.split('\n');
    const steps: Step[] = [];
    for (let i = 0; i < lines.length; i++) {
        const item = /^(\s*)- name: (.*)$/.exec(lines[i]);
        if (item) {
            steps.push({ name: item[2] });
            continue;
        }
        const step = steps.at(-1);
        const field = /^(\s*)(uses|run|script): ?(.*)$/.exec(lines[i]);
        if (!step || !field) continue;
        const [, indent, key, value] = field;
        let text = value;
        if (value === '|') {
            const block: string[] = [];
            while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].startsWith(indent + '  '))) block.push(lines[++i].slice(indent.length + 2));
            text = block.join('\n').trimEnd() + '\n';
        }
        step[key as 'uses' | 'run' | 'script'] = text;
    }
    return steps;
}

/** The workflow's top-level `env:` entries. */
function envOf(yaml: string): Record<string, string> {
    const block = /^env:\n((?:  .*\n|\s*\n)+)/m.exec(yaml)![1];
    return Object.fromEntries([...block.matchAll(/^ {2}(\w+): '([^']*)'$/gm)].map((match) => [match[1], match[2]]));
}

const yaml = readFileSync(EXAMPLE_WORKFLOW, 'utf8');
const steps = stepsOf(yaml);

describe('the journey review workflow file', () => {
    test('is plain block YAML: no tabs, two-space indentation, every line a comment, a key, a list item or block text', () => {
        for (const file of [EXAMPLE_WORKFLOW, OWN_WORKFLOW]) {
            const lines = readFileSync(file, 'utf8').split('\n');
            let inBlock = -1;
            lines.forEach((line, index) => {
                const where = `${path.basename(file)}:${index + 1}: ${line}`;
                expect(line, where).not.toContain('\t');
                const indent = line.length - line.trimStart().length;
                if (inBlock >= 0 && (line.trim() === '' || indent > inBlock)) return;
                inBlock = -1;
                expect(indent % 2, where).toBe(0);
                expect(line, where).toMatch(/^\s*(#.*|- [\w-]+:( .*)?|- .+|[\w-]+:( .*)?|)$/);
                if (/:\s*\|$/.test(line)) inBlock = indent;
            });
        }
    });

    test('parses as YAML with the expected structure (checked with PyYAML when the machine has it)', () => {
        const probe = spawnSync('python3', ['-c', 'import yaml, json, sys; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=str))', EXAMPLE_WORKFLOW], { encoding: 'utf8' });
        if (probe.status !== 0) return; // no python3 or no PyYAML: the line-by-line check above still holds
        const workflow = JSON.parse(probe.stdout) as { true: { pull_request: unknown }; permissions: Record<string, string>; jobs: { review: { steps: Array<Record<string, unknown>> } } };
        expect(workflow.true).toHaveProperty('pull_request'); // YAML 1.1 reads the key `on` as true
        expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
        expect(workflow.jobs.review.steps.map((step) => step.name)).toEqual(steps.map((step) => step.name));
    });

    test('runs on pull requests with Node 22+, npm ci, check, format --check, diff and one comment', () => {
        expect(yaml).toMatch(/^on:\n {2}pull_request:\n/m);
        expect(yaml).toMatch(/^ {2}pull-requests: write$/m);
        expect(Number(/node-version: (\d+)/.exec(yaml)![1])).toBeGreaterThanOrEqual(22);
        const runs = steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
        expect(runs).toEqual([
            'npm ci',
            'npx --no-install journey check --format github "$JOURNEY_FILES"',
            'npx --no-install journey format --check "$JOURNEY_FILES"',
            'npx --no-install journey diff --git "origin/$BASE_REF" $JOURNEY_FOLDERS --format markdown > diff.md\ncat diff.md >> "$GITHUB_STEP_SUMMARY"',
        ]);
        expect(steps.find((step) => step.script)?.uses).toBe('actions/github-script@v7');
        expect(yaml).toContain('BASE_REF: ${{ github.base_ref }}');
        expect(yaml).toContain('fetch-depth: 0');
    });

    test('this repository\'s own workflow is the example one, run on the examples', () => {
        const own = readFileSync(OWN_WORKFLOW, 'utf8');
        const withoutHeaderAndEnv = (text: string) => text.replace(/^(#.*\n)+/, '').replace(/^env:\n(( {2}.*)?\n)+/m, '');
        expect(withoutHeaderAndEnv(own)).toBe(withoutHeaderAndEnv(yaml));
        expect(envOf(own)).toEqual({ JOURNEY_FILES: 'examples/**/*.journey', JOURNEY_FOLDERS: 'examples' });
        expect(envOf(yaml)).toEqual({ JOURNEY_FILES: '**/*.journey', JOURNEY_FOLDERS: '.' });
    });
});

describe('the workflow\'s steps, run for real', () => {
    const GIT_ENV = {
        GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
        GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    };
    let checkout: { dir: string; remove: () => void };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: checkout.dir, env: { ...process.env, ...GIT_ENV } });

    beforeAll(async () => {
        await ensureCliBuilt();
        // A repository whose base branch (origin/main) has one map, and a pull request that changes it.
        const hello = readFileSync(path.join(ROOT, 'examples', 'hello.journey'), 'utf8');
        checkout = makeFolder({ 'maps/hello.journey': hello });
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'base');
        git('update-ref', 'refs/remotes/origin/main', 'HEAD');
        const changed = hello.replace(/emotion (\d)/, (_match, score: string) => `emotion ${score === '5' ? 4 : Number(score) + 1}`);
        expect(changed).not.toBe(hello);
        writeFileSync(path.join(checkout.dir, 'maps', 'hello.journey'), changed);
    }, 300_000);
    afterAll(() => checkout?.remove());

    /** A base branch `origin/same` whose maps are those of the working tree (a pull request that changes no map). */
    function baseLikeTheWorkingTree(): string {
        const commit = git('stash', 'create').toString().trim();
        git('update-ref', 'refs/remotes/origin/same', commit);
        return 'same';
    }

    /** Runs one `run:` step with bash -e, `npx --no-install journey` standing for the built CLI, in the checkout. */
    function runStep(name: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
        const step = steps.find((candidate) => candidate.name.startsWith(name));
        expect(step?.run, name).toBeDefined();
        const script = step!.run!.replaceAll('npx --no-install journey', `"${NODE}" "${JOURNEY}"`);
        const result = spawnSync('bash', ['-e', '-c', script], { cwd: checkout.dir, env: { ...process.env, NO_COLOR: '1', ...envOf(yaml), ...env }, encoding: 'utf8' });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    test('check, format --check and diff pass on a clean pull request, writing diff.md and the job summary', () => {
        const summary = path.join(checkout.dir, 'step-summary.md');
        writeFileSync(summary, '');
        const check = runStep('Check every map', {});
        expect(check.stderr).toContain('no problems');
        expect(check.status).toBe(0);
        const format = runStep('Check that the maps are formatted', {});
        expect(format.status, format.stdout + format.stderr).toBe(0);
        const diff = runStep('Compare the maps', { BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary });
        expect(diff.status, diff.stderr).toBe(0);
        const report = readFileSync(path.join(checkout.dir, 'diff.md'), 'utf8');
        expect(report.startsWith('<!-- journey-diff -->\n')).toBe(true);
        expect(report).toContain('`maps/hello.journey` (modified)');
        expect(report).toMatch(/emotion \d → \d/);
        expect(readFileSync(summary, 'utf8')).toBe(report);
    });

    test('the comment script posts one comment, then updates that same comment on the next push', async () => {
        writeFileSync(path.join(checkout.dir, 'diff.md'), '<!-- journey-diff -->\n## Journey map changes\n\nfirst\n');
        const comments: Array<{ id: number; body: string; user: { type: string }; html_url: string }> = [
            { id: 1, body: 'LGTM', user: { type: 'User' }, html_url: 'u1' },
            { id: 2, body: '<!-- journey-diff --> written by a person', user: { type: 'User' }, html_url: 'u2' },
        ];
        const github = {
            paginate: async (list: (options: object) => Promise<{ data: unknown[] }>, options: object) => (await list(options)).data,
            rest: {
                issues: {
                    listComments: async () => ({ data: comments.map((comment) => ({ ...comment })) }),
                    createComment: async ({ body }: { body: string }) => {
                        const comment = { id: comments.length + 1, body, user: { type: 'Bot' }, html_url: `u${comments.length + 1}` };
                        comments.push(comment);
                        return { data: comment };
                    },
                    updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
                        comments.find((comment) => comment.id === comment_id)!.body = body;
                        return { data: {} };
                    },
                },
            },
        };
        const context = { repo: { owner: 'acme', repo: 'maps' }, issue: { number: 7 } };
        const core = { info: () => undefined };
        const script = steps.find((step) => step.script)!.script!;
        const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
        const run = new AsyncFunction('require', 'github', 'context', 'core', script);
        // The script runs in the checkout: its relative paths are read from there.
        const nodeRequire = createRequire(import.meta.url);
        const requireInCheckout = (name: string) =>
            name === 'node:fs' || name === 'fs' ? { readFileSync: (file: string, encoding: BufferEncoding) => readFileSync(path.resolve(checkout.dir, file), encoding) } : nodeRequire(name);
        await run(requireInCheckout, github, context, core);
        expect(comments.filter((comment) => comment.user.type === 'Bot').map((comment) => comment.body)).toEqual(['<!-- journey-diff -->\n## Journey map changes\n\nfirst\n']);
        writeFileSync(path.join(checkout.dir, 'diff.md'), '<!-- journey-diff -->\n## Journey map changes\n\nsecond\n');
        await run(requireInCheckout, github, context, core);
        expect(comments).toHaveLength(3);
        expect(comments[2].body).toContain('second');
        expect(comments[1].body).toBe('<!-- journey-diff --> written by a person');

        // The maps no longer differ: the comment says so rather than keep showing old changes.
        const unchanged = runStep('Compare the maps', { BASE_REF: baseLikeTheWorkingTree(), GITHUB_STEP_SUMMARY: path.join(checkout.dir, 'step-summary.md') });
        expect(unchanged.status, unchanged.stderr).toBe(0);
        const noChange = readFileSync(path.join(checkout.dir, 'diff.md'), 'utf8');
        expect(noChange).toContain('No journey map changed.');
        await run(requireInCheckout, github, context, core);
        expect(comments).toHaveLength(3);
        expect(comments[2].body).toBe(noChange);
    });

    test('a pull request that changes no map gets no comment', async () => {
        const unchanged = runStep('Compare the maps', { BASE_REF: baseLikeTheWorkingTree(), GITHUB_STEP_SUMMARY: path.join(checkout.dir, 'step-summary.md') });
        expect(unchanged.status, unchanged.stderr).toBe(0);
        const comments: unknown[] = [];
        const github = {
            paginate: async () => [],
            rest: { issues: { listComments: async () => ({ data: [] }), createComment: async (comment: unknown) => (comments.push(comment), { data: { html_url: 'u' } }), updateComment: async () => ({ data: {} }) } },
        };
        const logged: string[] = [];
        const script = steps.find((step) => step.script)!.script!;
        const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
        const nodeRequire = createRequire(import.meta.url);
        const requireInCheckout = (name: string) =>
            name === 'node:fs' || name === 'fs' ? { readFileSync: (file: string, encoding: BufferEncoding) => readFileSync(path.resolve(checkout.dir, file), encoding) } : nodeRequire(name);
        await new AsyncFunction('require', 'github', 'context', 'core', script)(requireInCheckout, github, { repo: { owner: 'acme', repo: 'maps' }, issue: { number: 8 } }, { info: (text: string) => logged.push(text) });
        expect(comments).toEqual([]);
        expect(logged).toEqual(['No journey map changed: no comment posted.']);
    });
});
