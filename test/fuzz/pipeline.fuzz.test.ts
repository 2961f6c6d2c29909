/**
 * Fuzzing the whole path of a `.journey` text (parse → link → validate → model → every view →
 * formatter) with seeded random inputs. For any text: nothing throws, no case hangs, every
 * diagnostic and model range lies inside the document, a file with syntax errors is never
 * reformatted, and formatting a file without syntax errors keeps its meaning and is stable.
 * Every view of inputs that validate cleanly is then rendered by Mermaid in a real Chromium
 * (a sample of them in `npm test`; all of them with FUZZ_BROWSER=all).
 *
 * Each case runs in a worker thread that is ended when the case takes longer than
 * CASE_TIMEOUT_MS, so even a synchronous endless loop fails the case (with its input) instead
 * of hanging the run.
 *
 * FUZZ_RUNS sets the cases per property (default 100), FUZZ_SEED the seed, FUZZ_BROWSER=all renders
 * every clean input (default: a sample of FUZZ_BROWSER_SAMPLE, 2 by default).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleTexts, FUZZ_RUNS, FUZZ_SEED, journeyShapedSoup, mutatedExample, tokenSoup } from './arbitraries.js';
import { buildPipelineWorker, GuardedPipeline } from './guarded-pipeline.js';
import type { PipelineResult } from './pipeline.js';
import { renderCleanInputs } from './browser-check.js';
import { recordFuzzRun } from './fuzz-record.js';

/** Longest a single case may take before it counts as a hang. */
const CASE_TIMEOUT_MS = 10_000;
let pipeline: GuardedPipeline;
const cleanInputs: string[] = [];

beforeAll(async () => {
    pipeline = new GuardedPipeline(await buildPipelineWorker(), CASE_TIMEOUT_MS);
}, 60_000);
afterAll(() => pipeline?.close());

/** Checks the invariants that need the formatter's output: meaning kept, layout stable. */
async function checkFormatting(result: PipelineResult): Promise<void> {
    if (!result.parsed || result.formatted === result.text) return;
    const again = await pipeline.run(result.formatted);
    expect(again.parsed, `the formatted text no longer parses:\n${result.formatted}`).toBe(true);
    expect(again.formatted, 'formatting twice changes the text again').toBe(result.formatted);
    expect(withoutRanges(again.model), 'formatting changed the meaning of the map').toEqual(withoutRanges(result.model));
}

/** The model without source positions (which formatting may move) and document URIs. */
function withoutRanges(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value ?? null, (key, child) => (key === 'range' || key === 'uri' ? undefined : child)));
}

async function property(name: string, input: fc.Arbitrary<string>): Promise<void> {
    let cases = 0;
    let clean = 0;
    await fc.assert(
        fc.asyncProperty(input, async (text) => {
            cases++;
            const result = await pipeline.run(text);
            if (result.clean && result.model) {
                clean++;
                if (!cleanInputs.includes(text)) cleanInputs.push(text);
            }
            await checkFormatting(result);
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    recordFuzzRun({ property: name, cases, clean, seed: FUZZ_SEED });
}

describe('the time limit of a fuzz case', () => {
    test('ends a case that loops without ever yielding, names its input, and the next case runs in a fresh worker', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'journey-fuzz-guard-'));
        const worker = path.join(folder, 'worker.mjs');
        writeFileSync(worker, "import { parentPort } from 'node:worker_threads';\n"
            + "parentPort.on('message', ({ id, text }) => { if (text === 'hang') for (;;) {} parentPort.postMessage({ id, result: { text } }); });\n");
        const guarded = new GuardedPipeline(worker, 300);
        try {
            await expect(guarded.run('hang')).rejects.toThrow('the case did not finish within 300 ms (a hang), on the input "hang"');
            await expect(guarded.run('fine')).resolves.toEqual({ text: 'fine' });
        } finally {
            await guarded.close();
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe(`fuzzing the pipeline (${FUZZ_RUNS} cases per property, seed ${FUZZ_SEED})`, () => {
    const examples = exampleTexts();

    test('random token soup never breaks parse, validation, model, views or formatter', async () => {
        await property('token soup', tokenSoup);
    }, 600_000);

    test('token soup inside a touchpoint, decision, stage, action or persona never breaks them either', async () => {
        await property('token soup in a journey', journeyShapedSoup);
    }, 600_000);

    test('mutated examples (lines inserted, deleted, duplicated, swapped; cut; random Unicode) never break them', async () => {
        await property('mutated examples', mutatedExample(examples));
    }, 600_000);

    test('the unmutated examples go through the pipeline cleanly', async () => {
        for (const text of examples) {
            const result = await pipeline.run(text);
            expect(result.parsed).toBe(true);
            await checkFormatting(result);
        }
    });

    test('every view of a sample of the inputs that validated cleanly renders in a real Chromium', async () => {
        // The mutated inputs that still validate are the interesting ones; the examples are the fallback.
        const rendered = await renderCleanInputs(pipeline, cleanInputs.length > 0 ? cleanInputs : examples);
        recordFuzzRun({ property: 'views of clean inputs rendered in Chromium', cases: rendered.inputs, clean: rendered.diagrams, seed: FUZZ_SEED });
    }, 600_000);
});
