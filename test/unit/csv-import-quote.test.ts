/**
 * A CSV whose quote opens a cell that never closes (a stray `"` typed in a spreadsheet's text
 * cell and saved by hand) is refused where that quote stands, in plain words, not with the CSV
 * parser's wording at the end of the file.
 */
import { describe, expect, test } from 'vitest';
import { importCsvJourney } from '../../language-server/src/import/csv-journey-import.js';

describe('a quote that is never closed', () => {
    test('is named at its line and column', () => {
        const result = importCsvJourney('stage,touchpoint,emotion\nAwareness,"Sees an ad,3\nAwareness,Visits the site,4\n', { id: 'j' });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toEqual([{ line: 2, column: 11, message: 'this quote opens a cell that is never closed: close it with a quote (a quote inside a cell is written twice: ""), or remove it.' }]);
    });

    test('quotes written twice inside a closed cell, and cells over several lines, are not taken for it', () => {
        const result = importCsvJourney('stage;touchpoint;emotion\nAwareness;"Asks ""how much?""\nby phone";3\nUse;"Waits";"4\n', { id: 'j' });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.map((p) => [p.line, p.column])).toEqual([[4, 13]]);
    });
});
