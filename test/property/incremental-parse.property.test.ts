/**
 * Property: after any sequence of small edits (typing, deleting, pasting a line, anywhere in a
 * map), the tree the server holds — parsed again only where an edit fell when it could, see
 * journey-incremental-parse.ts — is the tree a whole parse of the same text builds: the same
 * elements with the same values, and every token (comments included) at the same offset, line
 * and column; and the document has the same diagnostics.
 */
import fc from 'fast-check';
import { AstUtils, Cancellation, CstUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCounts, parseInSteps } from '../../language-server/src/language/journey-incremental-parse.js';
import { createTestServices, validateWorkspace } from '../helpers.js';
import { generateMap } from '../support/generate-map.js';

const PIECES = ['a', '3', ' ', '\n', '"', '{', '}', '/* note */', '// note\n', 'persona persona_1 ', 'emotion 2 ', 'pain "slow" ', 'touchpoint extra "Extra" { emotion 4 }\n', 'é', '🚀'];

/** An edit anywhere (often breaking the map), or typing inside a label or a score as people do (`inLabel`). */
type Edit = { at: number; remove: number; insert: string; inLabel: boolean };

const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })),
    remove: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 8 })),
    insert: fc.oneof(fc.constantFrom(...PIECES), fc.constant('')),
    inLabel: fc.boolean(),
});

function applied(text: string, change: Edit): string {
    if (change.inLabel) {
        // Inside a label: a letter typed or one removed, or a score changed.
        const places = [...text.matchAll(/"[^"\\\n]*"|emotion \d/g)];
        const place = places[change.at % places.length];
        if (!place) return text;
        if (place[0].startsWith('emotion')) {
            const at = place.index + place[0].length - 1;
            return text.slice(0, at) + String(1 + (change.at % 5)) + text.slice(at + 1);
        }
        const at = place.index + 1 + (change.at % (place[0].length - 1));
        return change.remove > 0 && at < place.index + place[0].length - 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + 'é' + text.slice(at);
    }
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + change.insert + text.slice(at + change.remove);
}

/** The tree as comparable lines: each element with its values and its text's place; each token with its place. */
function shape(root: AstNode): string[] {
    const lines: string[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const values = Object.entries(node)
            .filter(([key]) => !key.startsWith('$'))
            .map(([key, value]) => `${key}=${JSON.stringify(valueOf(value))}`);
        const cst = node.$cstNode;
        lines.push(`${node.$type} ${node.$containerProperty ?? ''}@${node.$containerIndex ?? ''} [${cst?.offset}-${cst?.end} ${JSON.stringify(cst?.range)}] ${values.join(' ')}`);
    }
    for (const leaf of CstUtils.streamCst(root.$cstNode!)) {
        lines.push(`${leaf.constructor.name} ${leaf.offset}+${leaf.length} ${JSON.stringify(leaf.range)} ${leaf.hidden} ${JSON.stringify(leaf.text)} ${leaf.astNode.$type}`);
    }
    return lines;
}

/** A property's value: primitives as they are, references by their text, elements by their type (listed on their own). */
function valueOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(valueOf);
    if (typeof value !== 'object' || value === null) return value;
    if ('$refText' in value) return `ref:${String((value as { $refText: unknown }).$refText)}`;
    return `node:${String((value as { $type?: unknown }).$type)}`;
}

describe('incremental parsing (fast-check)', () => {
    test('after any sequence of edits, the tree and the diagnostics are those of a whole parse', async () => {
        // A generated map, with a stage written on one line before the next stage on the same
        // line: an edit there moves what follows along its line.
        const start = generateMap(12, { seed: 3 }).text.replace(/\n {2}stage /, '\n  stage compact "Compact" { touchpoint c1 "One" { emotion 3 pain "slow" } touchpoint c2 "Two" { emotion 4 } } stage ');
        const before = { ...parseCounts };
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 15 }), async (edits) => {
            const services = createTestServices();
            const workspace = services.shared.workspace;
            await validateWorkspace({ 'map.journey': start }, services);
            const uri = URI.parse('file:///workspace/map.journey');
            let text = start;
            let version = 1;
            for (const change of edits) {
                text = applied(text, change);
                workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'journey', ++version, text));
                await workspace.DocumentBuilder.update([uri], []);
                const incremental = workspace.LangiumDocuments.getDocument(uri) as LangiumDocument;
                const whole = services.Journey.parser.LangiumParser.parse(text);
                expect(shape(incremental.parseResult.value)).toEqual(shape(whole.value));
            }
            const fresh = await validateWorkspace({ 'map.journey': text });
            const incremental = workspace.LangiumDocuments.getDocument(uri) as LangiumDocument;
            const lines = (document: LangiumDocument) => (document.diagnostics ?? []).map((d) => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort();
            expect(lines(incremental)).toEqual(lines(fresh['map.journey'].document));
        }), { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20261206) });
        // The property is about the incremental path: most edits must have taken it.
        console.log(`incremental parsing: ${JSON.stringify({ incremental: parseCounts.incremental - before.incremental, whole: parseCounts.whole - before.whole })}`);
        expect(parseCounts.incremental - before.incremental, JSON.stringify({ before, after: parseCounts })).toBeGreaterThan(60);
    }, 300_000);

    test('a map parsed a stage at a time (big maps) gives the tree of a whole parse, or is parsed whole', async () => {
        // Comments and one-line stages, beside and inside stages, with edits that may break anything.
        const start = generateMap(40, { seed: 5 }).text
            .replace(/\n {2}stage /, '\n  // before a stage\n  stage one "One" { /* inside */ touchpoint o1 { emotion 3 } } stage ')
            .replace(/\n {2}stage ([^{]*)\{/, '\n  stage $1/* after the brace */ {');
        const services = createTestServices();
        const parser = services.Journey.parser.LangiumParser;
        let stepwise = 0;
        await fc.assert(fc.asyncProperty(fc.array(edit, { maxLength: 4 }), async (edits) => {
            const text = edits.reduce(applied, start);
            const inSteps = await parseInSteps(parser, text, Cancellation.CancellationToken.None);
            if (!inSteps) return;
            stepwise++;
            expect(shape(inSteps.value)).toEqual(shape(parser.parse(text).value));
        }), { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20261206) });
        console.log(`parsed a stage at a time: ${stepwise}`);
        expect(stepwise, 'maps parsed a stage at a time').toBeGreaterThan(10);
    }, 300_000);
});
