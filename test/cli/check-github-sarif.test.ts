/**
 * `journey check --format github` (GitHub Actions annotations) and `--format sarif`
 * (SARIF 2.1.0 for code scanning), run as real processes on real files.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_MAP, SYNTAX_ERROR_AT, SYNTAX_ERROR_MAP } from './fixtures.js';
import { ensureCliBuilt, makeFolder, runJourney } from './run-journey.js';

beforeAll(ensureCliBuilt, 300_000);

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

function folderWith(files: Record<string, string>): string {
    const folder = makeFolder(files);
    folders.push(folder);
    return folder.dir;
}

/** An empty stage: a warning on its id, line 2, columns 9 to 14. */
const EMPTY_STAGE_MAP = 'journey waiting "Waiting" {\n  stage empty "Empty" {}\n  stage full "Full" { touchpoint t "T" { emotion 3 } }\n}\n';

describe('journey check --format github', () => {
    test('prints one ::error / ::warning workflow command per problem, with file, line and column', async () => {
        const cwd = folderWith({ 'maps/broken.journey': SYNTAX_ERROR_MAP, 'maps/waiting.journey': EMPTY_STAGE_MAP, 'maps/ok.journey': CLEAN_MAP });
        const run = await runJourney(['check', '--format', 'github', 'maps/**/*.journey'], { cwd });
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(new RegExp(`^::error file=maps/broken.journey,line=${SYNTAX_ERROR_AT.line},endLine=\\d+,col=${SYNTAX_ERROR_AT.column},(endColumn=\\d+,)?title=journey \\[parsing-error\\]::.+`));
        expect(lines[1]).toMatch(/^::warning file=maps\/waiting.journey,line=2,endLine=2,col=9,endColumn=14,title=journey \[empty-stage\]::Stage 'empty' has no touchpoints yet/);
        expect(run.stderr).toContain('1 error, 1 warning in 2 of 3 files');
    });

    test('escapes what would break a workflow command: % and line breaks in messages, : and , in properties', async () => {
        const cwd = folderWith({ 'a, b: 100%.journey': SYNTAX_ERROR_MAP.replace('oops', 'oops "50% off,\\nnow"') });
        const run = await runJourney(['check', '--format', 'github', 'a, b: 100%.journey'], { cwd });
        const [line] = run.stdout.split('\n');
        expect(line).toContain('file=a%2C b%3A 100%25.journey,');
        const message = line.slice(line.indexOf('::', 2) + 2);
        expect(message).not.toMatch(/[\r\n]/);
        expect(message).not.toMatch(/%(?!25|0A|0D)/);
    });

    test('a clean workspace prints nothing and exits 0', async () => {
        const cwd = folderWith({ 'ok.journey': CLEAN_MAP });
        const run = await runJourney(['check', '--format', 'github', '**/*.journey'], { cwd });
        expect(run.stdout).toBe('');
        expect(run.status).toBe(0);
    });
});

interface SarifLog {
    $schema: string;
    version: string;
    runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
        columnKind: string;
        artifacts: Array<{ location: { uri: string; uriBaseId: string } }>;
        results: Array<{
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string; index: number }; region: Record<string, number> } }>;
        }>;
    }>;
}

describe('journey check --format sarif', () => {
    test('writes a SARIF 2.1.0 log: one run of the journey tool, one result per problem, with rules and regions', async () => {
        const cwd = folderWith({ 'maps/broken.journey': SYNTAX_ERROR_MAP, 'maps/waiting.journey': EMPTY_STAGE_MAP, 'maps/ok.journey': CLEAN_MAP });
        const run = await runJourney(['check', '--format', 'sarif', 'maps/**/*.journey'], { cwd });
        expect(run.status).toBe(1);
        const log = JSON.parse(run.stdout) as SarifLog;
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toContain('sarif-2.1.0');
        const [sarifRun] = log.runs;
        expect(sarifRun.tool.driver.name).toBe('journey');
        expect(sarifRun.columnKind).toBe('utf16CodeUnits');
        expect(sarifRun.artifacts.map((artifact) => artifact.location.uri)).toEqual(['maps/broken.journey', 'maps/ok.journey', 'maps/waiting.journey']);
        expect(sarifRun.results.map((result) => [result.level, result.ruleId])).toEqual([['error', 'parsing-error'], ['warning', expect.any(String)]]);
        const [error] = sarifRun.results;
        expect(error.locations[0].physicalLocation).toMatchObject({
            artifactLocation: { uri: 'maps/broken.journey', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: SYNTAX_ERROR_AT.line, startColumn: SYNTAX_ERROR_AT.column },
        });
        for (const result of sarifRun.results) expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    });

    test('file names become URI references: spaces and accents percent-encoded', async () => {
        const cwd = folderWith({ 'cartes client/étape 1.journey': SYNTAX_ERROR_MAP });
        const run = await runJourney(['check', '--format', 'sarif', 'cartes client/étape 1.journey'], { cwd });
        const log = JSON.parse(run.stdout) as SarifLog;
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('cartes%20client/%C3%A9tape%201.journey');
    });

    test('a clean file gives a valid log with no results', async () => {
        const cwd = folderWith({ 'ok.journey': CLEAN_MAP });
        const run = await runJourney(['check', '--format', 'sarif', 'ok.journey'], { cwd });
        expect(run.status).toBe(0);
        expect((JSON.parse(run.stdout) as SarifLog).runs[0].results).toEqual([]);
    });
});
