import { describe, expect, test } from 'vitest';
import { parseJourney } from '../helpers.js';
import { typographicLabels } from '../../language-server/src/language/journey-lexer-errors.js';

/** The lexing errors of `text` as `line:column message` (1-based), as the CLI prints them. */
async function lexingErrors(text: string): Promise<string[]> {
    const document = await parseJourney(text);
    return (document.diagnostics ?? [])
        .filter((d) => (d.data as { code?: string } | undefined)?.code === 'lexing-error')
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

const inStage = (line: string) => `journey j "J" {\n  stage s "S" {\n    ${line}\n  }\n}\n`;

describe('characters the lexer cannot read', () => {
    test('a comment never closed is one error where it opens: the words after it are the comment, not characters that cannot stand there', async () => {
        const text = 'journey j "J" {\n  stage s "S" { touchpoint t { emotion 3 } }\n}\n/* note to self: fix prices, 20% off "soon"\nand @ask Sam\n';
        expect(await lexingErrors(text)).toEqual(['4:1 This comment is never closed: end it with */.']);
        const document = await parseJourney(text);
        expect(document.diagnostics?.filter((d) => d.severity === 1).map((d) => d.message)).toEqual(['This comment is never closed: end it with */.']);
        // A `/*` in a label (also between typographic quotes) or after `//` opens nothing; one closed later is a comment.
        expect(await lexingErrors('journey j "J /* x" { // no /* comment\n  stage s "S" { /* a */ touchpoint t { emotion 3 } }\n}\n')).toEqual([]);
        expect(await lexingErrors('journey j “files/*” {\n  stage s "S" { touchpoint t { emotion 3 } }\n}\n')).toEqual([
            `1:11 This label is written between typographic quotes ('“' and '”'): write it between straight quotes, "like this" (a word processor may have changed them).`,
        ]);
        // `/*/` opens a comment (its `*/` is not a closing one).
        expect(await lexingErrors('journey j "J" {\n  stage s "S" { touchpoint t { emotion 3 } }\n}\n/*/ to do: prices\n')).toEqual(['4:1 This comment is never closed: end it with */.']);
    });

    test('a non-ASCII letter in an id says what ids are made of, suggests an ASCII id and points at the letter', async () => {
        const errors = await lexingErrors('journey j "J" {\n  persona société "x"\n}\n');
        expect(errors[0]).toBe(`2:15 'é' cannot be part of an id: ids use ASCII letters, digits, '_' and '-' (write 'societe'). Words in other letters go in a label, between quotes: "société".`);
    });

    test('an id with an accent is one error, at its first accent: not a shorter id, errors after it and warnings about the shorter id', async () => {
        const document = await parseJourney('journey j "J" {\n  persona élise "Élise"\n  stage société "S" {\n    touchpoint t { persona élise emotion 3 }\n  }\n}\n');
        expect((document.diagnostics ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)).toEqual([
            `2:11 'é' cannot be part of an id: ids use ASCII letters, digits, '_' and '-' (write 'elise'). Words in other letters go in a label, between quotes: "élise".`,
            `3:13 'é' cannot be part of an id: ids use ASCII letters, digits, '_' and '-' (write 'societe'). Words in other letters go in a label, between quotes: "société".`,
            `4:28 'é' cannot be part of an id: ids use ASCII letters, digits, '_' and '-' (write 'elise'). Words in other letters go in a label, between quotes: "élise".`,
        ]);
    });

    test('an id in another script has no ASCII suggestion but quotes the whole word', async () => {
        const errors = await lexingErrors(inStage('touchpoint 注文 "x"'));
        expect(errors).toEqual([`3:16 '注' cannot be part of an id: ids use ASCII letters, digits, '_' and '-'. Choose an id in those letters and put the words in a label, between quotes: "注文".`]);
    });

    test('typographic quotes, an unclosed label, an unclosed comment, a stray symbol, an emoji and an invisible character', async () => {
        expect(await lexingErrors(inStage('touchpoint a “Quote'))).toEqual([
            `3:18 '“' is a typographic quote: write labels between straight quotes, "like this" (a word processor may have changed them).`,
        ]);
        expect(await lexingErrors(inStage('touchpoint a "no end'))).toEqual([
            '3:18 This label has no closing " on its line. A label starts and ends with " on the same line (write \\n for a line break inside it).',
        ]);
        expect(await lexingErrors(inStage('touchpoint a /* open'))).toEqual(['3:18 This comment is never closed: end it with */.']);
        expect(await lexingErrors(inStage('touchpoint a "A" @'))).toEqual([
            `3:22 '@' cannot be written here: outside quotes, a map holds keywords, ids, numbers, '{', '}' and '->'. Put it in a label, between quotes, or remove it.`,
        ]);
        expect(await lexingErrors(inStage('touchpoint 😀 "A"'))).toEqual([
            `3:16 '😀' cannot be written here: outside quotes, a map holds keywords, ids, numbers, '{', '}' and '->'. Put it in a label, between quotes, or remove it.`,
        ]);
        expect(await lexingErrors(inStage('touchpoint a\u200b "A"'))).toEqual(['3:17 An invisible character (U+200B) stands here, outside any label: remove it.']);
    });

    test('a label between typographic quotes is one error, and is read as the label it was meant to be', async () => {
        const text = 'journey j “Booking” {\n  stage s «Étape» {\n    touchpoint a ‘Alex calls’ {\n      emotion 3\n    }\n  }\n}\n';
        const document = await parseJourney(text);
        const message = (quotes: string) => `This label is written between typographic quotes (${quotes}): write it between straight quotes, "like this" (a word processor may have changed them).`;
        expect((document.diagnostics ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`)).toEqual([
            `1:11-20 ${message("'“' and '”'")}`,
            `2:11-18 ${message("'«' and '»'")}`,
            `3:18-30 ${message("'‘' and '’'")}`,
        ]);
        const journey = document.parseResult.value.journeys[0]!;
        expect(journey.label).toBe('Booking');
        expect(journey.stages[0]!.label).toBe('Étape');
        expect(journey.stages[0]!.steps[0]!.label).toBe('Alex calls');
    });

    test('typographic quotes inside a label or a comment are left alone', () => {
        expect(typographicLabels('touchpoint a "He said “hi”" // “note”\n/* “x” */ pain \'it’s\'')).toEqual([]);
        expect(typographicLabels('a “one” b „two“ c')).toEqual([{ start: 2, end: 7, quote: '"' }, { start: 10, end: 15, quote: '"' }]);
    });

    test('a parser error caused by the character the lexer could not read is not reported again', async () => {
        const document = await parseJourney('journey j "J" {\n  persona léa "Léa"\n  stage s "S" {\n    touchpoint t "T" {\n      persona léa\n      emotion 3\n    }\n  }\n}\n');
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}:${(d.data as { code?: string }).code}`);
        expect(errors).toEqual(['2:lexing-error', '5:lexing-error']);
    });

    test('no message quotes Chevrotain\'s raw wording or an offset', async () => {
        const errors = await lexingErrors(inStage('touchpoint naïve “x” # \u0000 ✓'));
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error).not.toMatch(/unexpected character|offset|->.<-/);
    });
});
