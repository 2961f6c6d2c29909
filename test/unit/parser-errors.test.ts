import { describe, expect, test } from 'vitest';
import { parseJourney } from '../helpers.js';

/** The syntax errors of `text` as `line:column message` (1-based), as the CLI prints them. */
async function syntaxErrors(text: string): Promise<string[]> {
    const document = await parseJourney(text);
    return (document.diagnostics ?? [])
        .filter((d) => (d.data as { code?: string } | undefined)?.code === 'parsing-error')
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('syntax errors say what was expected in words', () => {
    test('a misspelt keyword', async () => {
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint t {\n      emotoin 2\n    }\n  }\n}\n')).toEqual([
            `4:7 Expected '}' but found 'emotoin'. 'emotoin' is not a keyword that can stand here: is it misspelt? Did you mean 'emotion'?`,
        ]);
    });

    test('two letters swapped are one slip: `stgae` suggests `stage` (not `state`), and the brace it leaves over is named as such', async () => {
        const errors = await syntaxErrors('journey j "J" {\n  stgae s "S" {\n    touchpoint t { emotion 3 }\n  }\n}\n');
        expect(errors[0]).toBe(`2:3 Expected '}' but found 'stgae'. 'stgae' is not a keyword that can stand here: is it misspelt? Did you mean 'stage'?`);
        for (const error of errors) expect(error).not.toMatch(/EOF/);
        expect(errors.slice(1).some((error) => /'}' comes after the end of the map/.test(error)), errors.join('\n')).toBe(true);
    });

    test('a word where a number goes, a label where an id goes', async () => {
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint t {\n      emotion high\n    }\n  }\n}\n')).toEqual([
            `4:15 Expected a number but found 'high'.`,
        ]);
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint "Waits"\n  }\n}\n')).toEqual([
            '3:16 Expected an id but found the label "Waits".',
        ]);
    });

    test('a missing closing brace, and one too many', async () => {
        expect(await syntaxErrors('journey j {\n  stage s {\n    touchpoint t\n  }\n')).toEqual([
            "4:4 The file ends too early: expected '}'. Every '{' needs its '}'.",
        ]);
        expect(await syntaxErrors('journey j {\n  stage s { touchpoint t }\n}\n}\n')).toEqual([
            "4:1 '}' comes after the end of the map: remove it, or check that every '{' and '}' pair up.",
        ]);
    });

    test('no message uses the parser\'s raw wording', async () => {
        const errors = await syntaxErrors('journey j {\n  persona\n  stage s { touchpoint t { emotion for } decision d { "a" x } }\n  action {\n');
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error).not.toMatch(/Expecting|Token sequences|token of type|``/);
    });
});
