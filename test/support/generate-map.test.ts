/** The map generator gives valid, deterministic maps of the size asked for. */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { parseJourney } from '../helpers.js';
import { generateMap } from './generate-map.js';

describe('generateMap', () => {
    test.each([1, 10, 100, 300])('a map of %i touchpoints parses, links and validates without errors or warnings', async (size) => {
        const map = generateMap(size);
        const document = await parseJourney(map.text);
        const problems = (document.diagnostics ?? []).filter((d) => d.severity === 1 || d.severity === 2);
        expect(problems.map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
        const model = buildJourneyModel(document);
        const touchpoints = model!.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'touchpoint');
        expect(touchpoints).toHaveLength(size);
        expect(model!.actions.length).toBeGreaterThan(0);
        expect(model!.stages.flatMap((stage) => stage.steps).some((step) => step.kind === 'decision')).toBe(size >= 10);
    });

    test('the same size and seed give the same text; another seed gives another text', () => {
        expect(generateMap(50).text).toBe(generateMap(50).text);
        expect(generateMap(50, { seed: 2 }).text).not.toBe(generateMap(50).text);
    });

    test('emotionLines point at emotion lines', () => {
        const map = generateMap(20);
        const lines = map.text.split('\n');
        expect(map.emotionLines).toHaveLength(20);
        for (const line of map.emotionLines) expect(lines[line]).toMatch(/^\s+emotion [1-5]$/);
    });
});
