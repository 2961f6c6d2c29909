/**
 * Minimal cases found by fuzzing: texts whose syntax errors make the parser recover elements
 * without a name. The model leaves such elements out, so no view ever sees an undefined id.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';

describe('elements recovered from syntax errors without a name', () => {
    test.each([
        ['a stage keyword inside a touchpoint', 'journey j "J" {\n  stage s {\n    touchpoint t {\na stage \n}}}'],
        ['a decision keyword inside a touchpoint', 'journey j "J" {\n  stage s {\n    touchpoint t {\ndecision\r\n\n}}}'],
        ['a nameless journey', 'journey { stage s { touchpoint t } }'],
    ])('%s: the model has only named elements and every view renders', async (_name, text) => {
        const document = await parseJourney(text);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const model = buildJourneyModel(document);
        const ids = JSON.stringify(model ?? {}, (key, value) => (key === 'id' && typeof value !== 'string' ? 'MISSING' : value));
        expect(ids).not.toContain('MISSING');
        if (model) expect(() => renderAllViews(model)).not.toThrow();
    });
});
