/**
 * Property: whatever a CSV table or a Mermaid diagram holds (random cells and lines of
 * separators, quotes, line breaks, keywords, entity codes, scores in and out of range), the
 * import never throws: it either reports problems with a line inside the input, or gives a map
 * that checks without errors.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importCsvJourney } from '../../language-server/src/import/csv-journey-import.js';
import type { ImportResult } from '../../language-server/src/import/import-problem.js';
import type { ImportedJourney } from '../../language-server/src/import/imported-journey.js';
import { journeySource } from '../../language-server/src/import/journey-source.js';
import { importMermaidJourney } from '../../language-server/src/import/mermaid-journey-import.js';
import { createTestServices, parseJourney } from '../helpers.js';

const WORDS = ['stage', 'journey', 'Awareness', 'Achète', '☕', '早', '"', '""', ',', ';', '\t', '\n', '\r\n', ' ', ':', '#58;', '#amp;', '%%', '3', '7', '-1', 'x', 'yes', 'section', 'title', 'a_b', '1 200', '\\', '{', '}'];
const cell = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((parts) => parts.join(''));
const HEADERS = ['stage', 'touchpoint', 'channel', 'owner', 'persona', 'emotion', 'expected', 'pain', 'gain', 'opportunity', 'reach', 'moment of truth', 'backstage', 'stage id', 'touchpoint id', 'persona id', 'channel id', 'owner id', 'Notes'];

/** A CSV text: a header row of known (and sometimes unknown) columns, then rows of random cells, quoted or not. */
const csv = fc.record({
    headers: fc.shuffledSubarray(HEADERS, { minLength: 1, maxLength: 8 }),
    separator: fc.constantFrom(',', ';', '\t'),
    rows: fc.array(fc.array(fc.tuple(cell, fc.boolean()), { maxLength: 9 }), { maxLength: 6 }),
}).map(({ headers, separator, rows }) => [headers, ...rows.map((row) => row.map(([text, quoted]) => (quoted ? `"${text.replace(/"/g, '""')}"` : text)))]
    .map((row) => row.join(separator)).join('\n'));

/** A Mermaid text: `journey`, then random lines among titles, sections and tasks. */
const mermaid = fc.array(fc.oneof(
    cell.map((text) => `  title ${text}`),
    cell.map((text) => `  section ${text}`),
    fc.tuple(cell, fc.constantFrom('1', '3', '5', '0', '9', 'x', ''), cell).map(([task, score, actors]) => `    ${task}: ${score}: ${actors}`),
    cell,
), { maxLength: 8 }).map((lines) => ['journey', ...lines].join('\n'));

async function expectCleanOrProblems(result: ImportResult<ImportedJourney>, input: string): Promise<void> {
    const lines = input.split(/\r\n|\r|\n/).length;
    if (!result.ok) {
        expect(result.problems.length, input).toBeGreaterThan(0);
        for (const problem of result.problems) {
            expect(problem.line, `${problem.message}\n${input}`).toBeGreaterThanOrEqual(1);
            expect(problem.line, `${problem.message}\n${input}`).toBeLessThanOrEqual(lines + 1);
        }
        return;
    }
    const source = journeySource(result.value);
    const document = await parseJourney(source, { services: createTestServices(), uri: 'file:///import/map.journey' });
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(errors, `${input}\n---\n${source}`).toEqual([]);
}

describe('importing anything', () => {
    test('a CSV table gives a map that checks without errors, or problems inside the file', async () => {
        await fc.assert(fc.asyncProperty(csv, async (text) => expectCleanOrProblems(importCsvJourney(text, { id: 'imported' }), text)), { numRuns: 200 });
    }, 120_000);

    test('a Mermaid diagram gives a map that checks without errors, or problems inside the file', async () => {
        await fc.assert(fc.asyncProperty(mermaid, async (text) => expectCleanOrProblems(importMermaidJourney({ text, firstLine: 1 }, 'imported'), text)), { numRuns: 200 });
    }, 120_000);
});
