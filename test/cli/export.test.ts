/**
 * `journey export`, run as a real process: every example's JSON export is valid against the JSON
 * Schema the package ships (checked by a real validator, Ajv), and the schema rejects a model that
 * strays from it; every example's CSV export imports back into a map without errors.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, makeFolder, ROOT, runJourney } from './run-journey.js';

beforeAll(ensureCliBuilt, 300_000);

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

const EXAMPLES = ['hello', 'home-cleaning', 'online-shop', 'parcours-client', 'b2b/purchase-current', 'b2b/purchase-future'];
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'journey-model.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('journey export --format json', () => {
    test.each(EXAMPLES)('the export of %s is valid against the shipped schema', async (example) => {
        const run = await runJourney(['export', path.join(ROOT, 'examples', `${example}.journey`), '--format', 'json'], { cwd: ROOT });
        expect(run.status, run.stderr).toBe(0);
        const model = JSON.parse(run.stdout) as { stages: unknown[] };
        expect(validate(model), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(model.stages.length).toBeGreaterThan(0);
    });

    test('the schema rejects a model that strays from it (a score of 7, an unknown field)', async () => {
        const run = await runJourney(['export', path.join(ROOT, 'examples', 'hello.journey'), '--format', 'json'], { cwd: ROOT });
        const model = JSON.parse(run.stdout) as { stages: Array<{ steps: Array<Record<string, unknown>> }> };
        model.stages[0].steps[0].emotion = 7;
        expect(validate(model)).toBe(false);
        model.stages[0].steps[0].emotion = 2;
        expect(validate(model)).toBe(true);
        (model as Record<string, unknown>).colour = 'blue';
        expect(validate(model)).toBe(false);
    });

    test('is in the package: the schema file is listed in package.json files', () => {
        const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
        expect(manifest.files).toContain('schema/');
    });
});

describe('journey export --format csv', () => {
    test.each(EXAMPLES)('the CSV of %s imports back into a map without errors', async (example) => {
        const folder = makeFolder({});
        folders.push(folder);
        const out = await runJourney(['export', path.join(ROOT, 'examples', `${example}.journey`), '--format', 'csv', '--out', 'map.csv'], { cwd: folder.dir });
        expect(out.status, out.stderr).toBe(0);
        const back = await runJourney(['import', 'map.csv'], { cwd: folder.dir });
        expect(back.status, back.stderr).toBe(0);
        const check = await runJourney(['check', '--quiet', 'map.journey'], { cwd: folder.dir });
        expect(check.status, check.stdout).toBe(0);
    });

    test('names what a table cannot hold', async () => {
        const run = await runJourney(['export', path.join(ROOT, 'examples', 'home-cleaning.journey'), '--format', 'csv'], { cwd: ROOT });
        expect(run.status).toBe(0);
        expect(run.stderr).toMatch(/not in it: .*\d+ KPIs.*\d+ decision.*\d+ actions?.*\(--format json has everything\)/);
        expect(run.stdout.split('\r\n')[0]).toBe('stage,touchpoint,channel,owner,persona,emotion,expected,pain,gain,opportunity,reach,description,moment of truth,backstage,stage id,touchpoint id,channel id,owner id,persona id');
    });
});

describe('a file without a journey', () => {
    test('an empty file is said to be empty, and one of shared declarations to hold only those (render and export)', async () => {
        const folder = makeFolder({ 'empty.journey': '// nothing yet\n', 'people.journey': 'persona alex "Alex"\n' });
        folders.push(folder);
        const render = await runJourney(['render', 'empty.journey'], { cwd: folder.dir });
        expect(render.status).toBe(1);
        expect(render.stderr).toContain('empty.journey holds no journey (it is empty, or holds only comments): nothing to render.');
        const exported = await runJourney(['export', 'empty.journey', 'people.journey', '--format', 'json', '--out', 'exports'], { cwd: folder.dir });
        expect(exported.stderr).toContain('skipped empty.journey (it is empty, or holds only comments: no journey to export)');
        expect(exported.stderr).toContain('skipped people.journey (only shared personas, channels or teams: no journey to export)');
    });
});
