/**
 * Properties of the semantic diff over generated maps of many sizes (fast-check): a map
 * compared with itself has no changes; one edited emotion is one change; a renamed id is
 * one rename; two swapped touchpoints are one move, never a cascade.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffJourneys } from '../../language-server/src/diff/journey-diff.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { FUZZ_SEED } from '../fuzz/arbitraries.js';
import { generateMap } from '../support/generate-map.js';
import { parseJourney } from '../helpers.js';

const RUNS = 12;
let counter = 0;

async function modelOf(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text, { uri: `file:///diff-properties-${counter++}.journey` });
    expect(document.parseResult.parserErrors).toEqual([]);
    return buildJourneyModel(document)!;
}

const maps = fc.record({ size: fc.integer({ min: 2, max: 24 }), seed: fc.integer({ min: 1, max: 1000 }) }).map(({ size, seed }) => generateMap(size, { seed, touchpointsPerStage: 6 }));

describe('diff properties on generated maps', () => {
    test('a map compared with itself has no changes', async () => {
        await fc.assert(fc.asyncProperty(maps, async (map) => {
            expect(diffJourneys(await modelOf(map.text), await modelOf(map.text)).changes).toEqual([]);
        }), { numRuns: RUNS, seed: FUZZ_SEED });
    });

    test('one edited emotion is exactly one property change, in the right direction', async () => {
        await fc.assert(fc.asyncProperty(maps, fc.nat(), fc.integer({ min: 1, max: 4 }), async (map, pick, shift) => {
            const lines = map.text.split('\n');
            const line = map.emotionLines[pick % map.emotionLines.length];
            const before = Number(/emotion (\d)/.exec(lines[line])![1]);
            const after = ((before - 1 + shift) % 5) + 1;
            lines[line] = lines[line].replace(/emotion \d/, `emotion ${after}`);
            const changes = diffJourneys(await modelOf(map.text), await modelOf(lines.join('\n'))).changes;
            expect(changes).toEqual([expect.objectContaining({ change: 'property', kind: 'touchpoint', property: 'emotion', before, after, direction: after > before ? 'up' : 'down' })]);
        }), { numRuns: RUNS, seed: FUZZ_SEED });
    });

    test('a touchpoint id renamed everywhere is exactly one rename', async () => {
        await fc.assert(fc.asyncProperty(maps, fc.nat(), async (map, pick) => {
            const lines = map.text.split('\n');
            const id = /touchpoint (\w+)/.exec(lines[map.touchpointLines[pick % map.touchpointLines.length]])![1];
            const renamed = map.text.replace(new RegExp(`\\b${id}\\b`, 'g'), `${id}_renamed`);
            const changes = diffJourneys(await modelOf(map.text), await modelOf(renamed)).changes;
            expect(changes).toEqual([expect.objectContaining({ change: 'renamed', kind: 'touchpoint', id: `${id}_renamed`, previousId: id })]);
        }), { numRuns: RUNS, seed: FUZZ_SEED });
    });

    test('two neighbouring touchpoints swapped are one move, and nothing is added or removed', async () => {
        await fc.assert(fc.asyncProperty(maps, fc.nat(), async (map, pick) => {
            const lines = map.text.split('\n');
            const blocks = map.touchpointLines.map((start) => [start, lines.findIndex((line, i) => i > start && line === '    }')] as const);
            // Neighbours: the second block starts right after the first ends (same stage, no decision between).
            const pairs = blocks.slice(1).map((block, i) => [blocks[i], block] as const).filter(([a, b]) => b[0] === a[1] + 1);
            fc.pre(pairs.length > 0);
            const [[aStart, aEnd], [bStart, bEnd]] = pairs[pick % pairs.length];
            const swapped = [...lines.slice(0, aStart), ...lines.slice(bStart, bEnd + 1), ...lines.slice(aStart, aEnd + 1), ...lines.slice(bEnd + 1)].join('\n');
            const changes = diffJourneys(await modelOf(map.text), await modelOf(swapped)).changes;
            expect(changes.filter((change) => change.change === 'moved')).toHaveLength(1);
            expect(changes.filter((change) => change.change === 'added' || change.change === 'removed')).toEqual([]);
        }), { numRuns: RUNS, seed: FUZZ_SEED });
    });
});
