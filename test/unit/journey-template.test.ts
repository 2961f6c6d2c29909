/**
 * The map "Journey: New Journey Map" writes: for any name people type (accents, quotes, emoji,
 * a keyword, words in other scripts), a map with one persona, three stages and a few touchpoints
 * that checks without errors or warnings, is already formatted, and carries the name as its label.
 */
import { describe, expect, test } from 'vitest';
import { formatDocumentText } from '../../language-server/src/editor/journey-formatter.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { journeyIdFor, journeyNameProblem, newJourneyMap } from '../../language-server/src/templates/journey-template.js';
import { createTestServices, parseJourney } from '../helpers.js';

const NAMES = ['Booking a home cleaning', 'Réserver un ménage "express" ☕', 'stage', '予約する', '  Ordering pizza  ', 'C:\\Users\\me', '42 ways'];

describe('the new-map template', () => {
    test.each(NAMES)('for the name %j: checks clean, is formatted, holds one persona, three stages and touchpoints', async (name) => {
        const services = createTestServices();
        const map = newJourneyMap(name);
        const document = await parseJourney(map.text, { services, uri: `file:///new/${map.id}.journey` });
        expect((document.diagnostics ?? []).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
        expect(await formatDocumentText(services.Journey.lsp.Formatter!, document)).toBe(map.text);
        const model = buildJourneyModel(document)!;
        expect(model.id).toBe(map.id);
        expect(model.label).toBe(name.trim());
        expect(model.personas).toHaveLength(1);
        expect(model.stages).toHaveLength(3);
        expect(model.stages.flatMap((stage) => stage.steps).length).toBeGreaterThanOrEqual(3);
    });

    test('ids come from the words of the name; an empty or multi-line name is refused with a reason', () => {
        expect(journeyIdFor('Booking a home cleaning')).toBe('booking_a_home_cleaning');
        expect(journeyIdFor('Réserver un ménage')).toBe('reserver_un_menage');
        expect(journeyIdFor('stage')).toBe('stage_map');
        expect(journeyIdFor('Checkout')).toBe('checkout_map');
        expect(journeyIdFor('予約する')).toBe('my_journey');
        expect(journeyNameProblem('  ')).toMatch(/Give the journey a name/);
        expect(journeyNameProblem('a\nb')).toMatch(/one line/);
        expect(journeyNameProblem('Ordering pizza')).toBeUndefined();
    });
});
