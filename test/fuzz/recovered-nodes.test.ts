/**
 * Minimal cases found by fuzzing: texts whose syntax errors make the parser recover elements
 * without a name, or references without a target. The model leaves them out, so no view ever
 * sees an undefined id, and no validation check crashes on them.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';
import { messageText } from './pipeline.js';

describe('elements recovered from syntax errors without a name', () => {
    test.each([
        ['a stage keyword inside a touchpoint', 'journey j "J" {\n  stage s {\n    touchpoint t {\na stage \n}}}'],
        ['a decision keyword inside a touchpoint', 'journey j "J" {\n  stage s {\n    touchpoint t {\ndecision\r\n\n}}}'],
        ['a nameless journey', 'journey { stage s { touchpoint t } }'],
        ['a branch without a target', 'journey j { stage s { decision d { "a" -> } } }'],
        ['references without ids', 'journey j { stage s { touchpoint t { persona } touchpoint u { next } } action a { improves owner } }'],
    ])('%s: the model has only named elements and every view renders', async (_name, text) => {
        const document = await parseJourney(text);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const model = buildJourneyModel(document);
        const ids = JSON.stringify(model ?? {}, (key, value) => (key === 'id' && typeof value !== 'string' ? 'MISSING' : value));
        expect(ids).not.toContain('MISSING');
        if (model) expect(() => renderAllViews(model)).not.toThrow();
    });

    test.each([
        ['a branch without a target', 'journey j { stage s { decision d { "a" -> } } }'],
        ['a branch with neither label nor target', 'journey j { stage s { touchpoint t decision d { -> } } }'],
    ])('%s: every validation check runs without crashing', async (_name, text) => {
        const document = await parseJourney(text);
        const crashes = (document.diagnostics ?? []).map(messageText).filter((message) => message.startsWith('An error occurred during'));
        expect(crashes.map((message) => message.split('\n')[0])).toEqual([]);
    });
});
