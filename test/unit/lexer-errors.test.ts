import { describe, expect, test } from 'vitest';
import { parseJourney } from '../helpers.js';

/** The lexing errors of `text` as `line:column message` (1-based), as the CLI prints them. */
async function lexingErrors(text: string): Promise<string[]> {
    const document = await parseJourney(text);
    return (document.diagnostics ?? [])
        .filter((d) => (d.data as { code?: string } | undefined)?.code === 'lexing-error')
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

const inStage = (line: string) => `journey j "J" {\n  stage s "S" {\n    ${line}\n  }\n}\n`;

describe('characters the lexer cannot read', () => {
    test('a non-ASCII letter in an id says what ids are made of, suggests an ASCII id and points at the letter', async () => {
        const errors = await lexingErrors('journey j "J" {\n  persona société "x"\n}\n');
        expect(errors[0]).toBe(`2:15 'é' cannot be part of an id: ids use ASCII letters, digits, '_' and '-' (write 'societe'). Words in other letters go in a label, between quotes: "société".`);
    });

    test('an id in another script has no ASCII suggestion but quotes the whole word', async () => {
        const errors = await lexingErrors(inStage('touchpoint 注文 "x"'));
        expect(errors).toEqual([`3:16 '注' cannot be part of an id: ids use ASCII letters, digits, '_' and '-'. Choose an id in those letters and put the words in a label, between quotes: "注文".`]);
    });

    test('typographic quotes, an unclosed label, an unclosed comment, a stray symbol, an emoji and an invisible character', async () => {
        expect(await lexingErrors(inStage('touchpoint a “Quote”'))).toEqual([
            `3:18 '“' is a typographic quote: write labels between straight quotes, "like this" (a word processor may have changed them).`,
            `3:24 '”' is a typographic quote: write labels between straight quotes, "like this" (a word processor may have changed them).`,
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

    test('no message quotes Chevrotain\'s raw wording or an offset', async () => {
        const errors = await lexingErrors(inStage('touchpoint naïve “x” # \u0000 ✓'));
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error).not.toMatch(/unexpected character|offset|->.<-/);
    });
});
