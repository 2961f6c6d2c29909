/**
 * Generators of hostile `.journey` texts for fast-check: random token soup, and mutations of
 * the real examples (insert, delete, duplicate or swap lines, cut at a random offset, random
 * Unicode). Every run is seeded (FUZZ_SEED) and sized (FUZZ_RUNS), so a failure reproduces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generateMap } from '../support/generate-map.js';

/** How many cases each property runs: FUZZ_RUNS, or a small default that keeps `npm test` quick. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** The seed of every property: FUZZ_SEED, or a fixed default, so every run is reproducible. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261122);

const KEYWORDS = [
    'journey', 'state', 'current', 'future', 'description', 'persona', 'goal', 'need', 'frustration', 'channel', 'online', 'offline',
    'team', 'stage', 'kpi', 'target', 'unit', 'touchpoint', 'owner', 'emotion', 'expected', 'for', 'pain', 'gain', 'opportunity',
    'reach', 'moment', 'of', 'truth', 'backstage', 'next', 'decision', 'outcome', 'action', 'improves', 'impact', 'effort',
    'tone', 'data', 'actual', 'lang', 'fr', 'en',
];
const PUNCTUATION = ['{', '}', '->', '-', '>', '"', "'", '\\', '/', '/*', '*/', '//', ':', ',', ';', '#', '[', ']', '(', ')', '%%', '%%{init: {"theme":"dark"}}%%', '<script>', '&amp;'];
const IDS = ['a', 'b', 'alex', 'calls', 'books', 'lost', 'x-y', '_', 'tp_1', 'stage_0', 'Ünïcode', '予約'];
const NUMBERS = ['0', '1', '3', '5', '6', '-1', '2.5', '99999999999999999999', '1e5', '007'];
const WHITESPACE = [' ', '\n', '\t', '\r\n', '\r', '\u00a0', '\u2028', '\ufeff'];

/** Any Unicode text, including astral characters, controls and lone surrogates. */
const unicodeText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 12 }));

/** A quoted label with hostile content: quotes, escapes, Mermaid syntax, markup. */
const label = fc.oneof(unicodeText, fc.constantFrom('a "quoted" word', 'C:\\path', '<img src=x onerror=alert(1)>', 'a: b, c; d # e', '%%{init: {}}%%')).map(
    (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]/g, ' ')}"`,
);

/** One token of the soup. */
const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 3, arbitrary: fc.constantFrom(...IDS) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 2, arbitrary: label },
    { weight: 1, arbitrary: unicodeText },
);

/** Random token soup: keywords, ids, labels, numbers, punctuation and Unicode in any order. */
export const tokenSoup: fc.Arbitrary<string> = fc
    .array(fc.tuple(token, fc.constantFrom(...WHITESPACE)), { maxLength: 120 })
    .map((pairs) => pairs.map(([t, space]) => t + space).join(''));

/** Places inside a journey where soup goes, so the parser gets deep before it trips. */
const CONTEXTS = [
    (soup: string) => `journey j "J" {\n  stage s {\n    touchpoint t {\n${soup}\n}}}`,
    (soup: string) => `journey j "J" {\n  stage s {\n    touchpoint t\n    decision d "D?" {\n${soup}\n}\n    touchpoint u\n  }\n  outcome lost\n}`,
    (soup: string) => `journey j "J" {\n  stage s {\n${soup}\n  }\n}`,
    (soup: string) => `journey j "J" {\n  team ops\n  stage s { touchpoint t }\n  action a {\n${soup}\n}}`,
    (soup: string) => `persona p {\n${soup}\n}\njourney j { stage s { touchpoint t { persona p } } }`,
];

/** Token soup inside a touchpoint, a decision, a stage, an action or a persona. */
export const journeyShapedSoup: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...CONTEXTS), tokenSoup).map(([context, soup]) => context(soup));

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

/** Every example map's text, plus a small generated map. */
export function exampleTexts(): string[] {
    const texts: string[] = [];
    const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
            const path = join(folder, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'out') walk(path);
            } else if (entry.name.endsWith('.journey')) {
                texts.push(readFileSync(path, 'utf8'));
            }
        }
    };
    walk(EXAMPLES);
    texts.push(generateMap(12).text);
    return texts;
}

/** One mutation of a text. */
type Mutation = (text: string) => string;

const lineMutation = (change: (lines: string[], a: number, b: number, extra: string) => void) =>
    fc.tuple(fc.nat(), fc.nat(), fc.oneof(unicodeText, tokenSoup)).map(([a, b, extra]): Mutation => (text) => {
        const lines = text.split('\n');
        change(lines, a % lines.length, b % lines.length, extra);
        return lines.join('\n');
    });

/** Mutations of lines and characters, as an editor and a careless paste produce them. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    lineMutation((lines, a, _b, extra) => lines.splice(a, 0, extra)),
    lineMutation((lines, a) => lines.splice(a, 1)),
    lineMutation((lines, a) => lines.splice(a, 0, lines[a]!)),
    lineMutation((lines, a, b) => {
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }),
    fc.nat().map((offset): Mutation => (text) => text.slice(0, offset % (text.length + 1))),
    fc.tuple(fc.nat(), unicodeText).map(([offset, extra]): Mutation => (text) => {
        const at = offset % (text.length + 1);
        return text.slice(0, at) + extra + text.slice(at);
    }),
    fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([offset, length]): Mutation => (text) => {
        const at = offset % (text.length + 1);
        return text.slice(0, at) + text.slice(at + length);
    }),
);

/** An example (or generated map) after one to five random mutations. */
export function mutatedExample(texts: string[]): fc.Arbitrary<string> {
    return fc.tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([text, mutations]) => mutations.reduce((t, m) => m(t), text));
}
